import { getFormatter, getTranslations } from 'next-intl/server';
import { PortalPage } from '@/components/page/portal-page';
import { Badge, Card, ListCard } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { articlesForProposals } from '@/lib/handbook/queries';
import { load } from '@/lib/page-guard';
import { proposalListFor } from '@/lib/revisions/queries';
import { DecideForm, ProposeForm } from './_components/revision-forms';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('revisions');

const TONE = { PENDING: 'amber', ACCEPTED: 'green', REJECTED: 'red', MERGED: 'stone' } as const;

export default async function RevisionsPage() {
  const user = await requireUser();
  const list = await load(() => proposalListFor(user));
  const [t, format, articles] = await Promise.all([
    getTranslations('revisions'),
    getFormatter(),
    list.canDecide ? articlesForProposals() : [],
  ]);
  const pending = list.rows.filter((r) => r.status === 'PENDING');
  return (
    <PortalPage
      title={t('title')}
      description={t('intro')}
      links={[list.canDecide && { href: '/handbook/draft', label: t('draft') }]}
    >
      <ListCard
        title={t('proposals')}
        items={list.rows}
        empty={t('none')}
        testId="proposal-list"
        className="space-y-3 text-sm"
        item={(r) => (
          <li key={r.id} className="rounded-md border border-stone-200 p-3">
            <div className="flex flex-wrap justify-between gap-2">
              <span className="font-medium">
                {r.article ? `第${r.article.number}条 ${r.article.title}` : '—'} ·{' '}
                {t(`fields.${r.field}` as never)}
              </span>
              <Badge tone={TONE[r.status]}>{t(`statuses.${r.status}`)}</Badge>
            </div>
            <p className="mt-1 whitespace-pre-line">{r.proposedText}</p>
            <p className="text-stone-600">{t('because', { reason: r.reason })}</p>
            <p className="text-xs text-stone-500">
              {r.proposer}
              {r.unit && ` · ${r.unit}`} · {t(`kinds.${r.kind}` as never)} ·{' '}
              {format.dateTime(r.createdAt, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' })}
              {r.decisionNote && ` · ${r.decisionNote}`}
            </p>
            {list.canDecide && r.status === 'PENDING' && (
              <DecideForm
                proposalId={r.id}
                others={pending
                  .filter((o) => o.id !== r.id && o.articleKey === r.articleKey)
                  .map((o) => ({ id: o.id, label: o.proposedText.slice(0, 30) }))}
              />
            )}
          </li>
        )}
      />
      {list.findings.length > 0 && (
        <Card title={t('fromFindings')}>
          <ul className="space-y-3 text-sm" data-testid="finding-list">
            {list.findings.map((f) => (
              <li key={f.id} className="rounded-md border border-stone-200 p-3">
                <p>
                  <Badge>{t(`kinds.${f.kind}` as never)}</Badge> {f.text}{' '}
                  <span className="text-xs text-stone-500">（{f.audit.org.name}）</span>
                </p>
                <ProposeForm articles={articles} findingId={f.id} defaultText={f.text} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </PortalPage>
  );
}
