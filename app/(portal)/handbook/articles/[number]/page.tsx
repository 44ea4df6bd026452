import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, Card, PageHeader, ListCard } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { articleOf, versionForUser } from '@/lib/handbook/queries';
import { load } from '@/lib/page-guard';
import { can } from '@/lib/policy';
import { ArticleBody } from '../../_components/article-body';
import { ProposeForm } from '../../revisions/_components/revision-forms';
import { VersionBanner, withVersion } from '../../_components/version-banner';
import { pageParams } from '@/lib/route-params';
import { compact } from '@/lib/static-markup';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ number: string }>;
}): Promise<Metadata> {
  const { number } = await pageParams(params);
  return { title: (await getTranslations('handbook'))('articleNo', { number }) };
}

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ v?: string }>;
}) {
  const user = await requirePermission('handbook.read');
  const [{ number: n }, { v }] = await Promise.all([pageParams(params), searchParams]);
  const version = await load(() => versionForUser(user, typeof v === 'string' ? v : null));
  if (!version) notFound();
  const { article: a, prev, next } = await load(() => articleOf(version.id, n));
  const t = await getTranslations();
  const dueRule = (r: { kind?: string; n?: number }) =>
    r?.kind ? t(`handbook.dueRules.${r.kind}`, { n: r.n ?? 0 }) : '';
  // The page's read-only parts are written as HTML; its forms and charts stay React's (lib/static-markup).
  return compact(
    <article className="space-y-4">
      <PageHeader
        title={
          <span data-testid="article-title">
            {t('handbook.articleNo', { number: a.number })} {a.title}
          </span>
        }
        description={
          <span className="space-y-1">
            <VersionBanner version={version} />
            <span className="flex flex-wrap gap-1">
              <Badge tone="blue">
                {t('handbook.partTitle', { number: a.part.number, title: a.part.title })}
              </Badge>
              {a.orgTypes.map((o) => (
                <Badge key={o}>{t(`orgs.types.${o}`)}</Badge>
              ))}
              {a.tags.map((tag) => (
                <Badge key={tag} tone="amber">
                  {tag}
                </Badge>
              ))}
            </span>
          </span>
        }
      />
      <Card>
        <ArticleBody article={a} />
      </Card>
      <ListCard
        title={t('handbook.templates')}
        items={a.attachments}
        empty={t('handbook.noTemplates')}
        testId="article-attachments"
        className="space-y-2 text-sm"
        item={(f) => (
          <li key={f.id} className="flex flex-wrap items-center gap-2">
            <Badge>{t(`handbook.attachmentKinds.${f.kind}`)}</Badge>
            <a href={`/api/handbook/attachments/${f.id}`} className="text-brand-700 underline">
              {f.title}
            </a>
            <span className="text-stone-500">
              {f.fileName} · {Math.max(1, Math.round(f.size / 1024))} KB
            </span>
            {f.sourceOrgName && (
              <span className="text-stone-500">{t('handbook.fromUnit', { unit: f.sourceOrgName })}</span>
            )}
          </li>
        )}
      />
      <ListCard
        title={t('handbook.actions')}
        items={a.actions}
        empty={t('handbook.noActions')}
        testId="article-actions"
        item={(x) => (
          <li key={x.id} className="py-2">
            <div className="font-medium">
              {x.code} {x.title}
            </div>
            <div className="text-stone-600">
              {t(`handbook.frequencies.${x.frequency}`)} ·{' '}
              {dueRule(x.dueRule as { kind?: string; n?: number })} ·{' '}
              {t('handbook.responsible', { role: t(`roles.${x.responsibleRole}`) })}
              {x.projectOnly && <> · {t('handbook.projectOnly')}</>}
            </div>
            {x.evidence && (
              <div className="text-stone-500">{t('handbook.evidence', { evidence: x.evidence })}</div>
            )}
          </li>
        )}
      />
      <ListCard
        title={t('handbook.criteria')}
        items={a.criteria}
        empty={t('handbook.noCriteria')}
        testId="article-criteria"
        item={({ criterion: c }) => (
          <li key={c.id} className="py-2">
            <div className="font-medium">
              {c.category.title} · {c.code} {c.title}（{t('handbook.points', { points: c.maxPoints })}）
            </div>
            <div className="text-stone-600">{c.deductionRule}</div>
          </li>
        )}
      />
      <nav className="no-print flex flex-wrap justify-between gap-2 text-sm" aria-label={t('handbook.toc')}>
        {prev ? (
          <Link className="text-brand-700" href={withVersion(`/handbook/articles/${prev.number}`, version)}>
            ← {t('handbook.articleNo', { number: prev.number })} {prev.title}
          </Link>
        ) : (
          <span />
        )}
        <Link className="text-brand-700" href={withVersion('/handbook', version)}>
          {t('handbook.toc')}
        </Link>
        {next ? (
          <Link className="text-brand-700" href={withVersion(`/handbook/articles/${next.number}`, version)}>
            {t('handbook.articleNo', { number: next.number })} {next.title} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
      {version.status === 'PUBLISHED' && can(user, 'revision.propose') && (
        <Card title={t('revisions.proposeTitle')}>
          <p className="mb-2 text-sm text-stone-600">{t('revisions.proposeHint')}</p>
          <ProposeForm articles={[{ id: a.id, label: a.title }]} />
        </Card>
      )}
    </article>,
  );
}
