import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { compareVersions, type Section, type TextPart } from '@/lib/handbook/diff';
import { versionForUser } from '@/lib/handbook/queries';
import { load } from '@/lib/page-guard';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('handbook', 'compare');

function Parts({ parts }: { parts: TextPart[] }) {
  return (
    <span className="whitespace-pre-line leading-7">
      {parts.map((p, i) =>
        p.op === 'add' ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            {p.text}
          </ins>
        ) : p.op === 'del' ? (
          <del key={i} className="bg-red-100 text-red-800">
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}

async function SectionView({ title, section, testId }: { title: string; section: Section; testId: string }) {
  const t = await getTranslations('handbook');
  const empty = !section.added.length && !section.removed.length && !section.changed.length;
  return (
    <Card title={title}>
      <div data-testid={testId} className="space-y-3 text-sm">
        {empty && <p className="text-stone-600">{t('noChanges')}</p>}
        {(
          [
            ['added', 'text-green-800'],
            ['removed', 'text-red-800'],
          ] as const
        ).map(
          ([side, tone]) =>
            section[side].length > 0 && (
              <div key={side}>
                <h3 className={`font-medium ${tone}`}>{t(side)}</h3>
                <ul className="list-disc pl-5">
                  {section[side].map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              </div>
            ),
        )}
        {section.changed.map((c) => (
          <div key={c.key} className="rounded-md border border-stone-200 p-3">
            <h3 className="mb-2 font-medium">{c.label}</h3>
            {c.fields.map((f) => (
              <div key={f.field} className="mb-2">
                <div className="text-xs font-semibold text-stone-500">
                  {t.has(`fields.${f.field}`) ? t(`fields.${f.field}`) : f.field}
                </div>
                <Parts parts={f.parts} />
              </div>
            ))}
          </div>
        ))}
      </div>
    </Card>
  );
}

export default async function DiffPage({
  searchParams,
}: {
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const user = await requirePermission('handbook.read');
  const { a, b } = await searchParams;
  if (typeof a !== 'string' || typeof b !== 'string') notFound();
  const [va, vb] = await load(() => Promise.all([versionForUser(user, a), versionForUser(user, b)]));
  if (!va || !vb) notFound();
  const diff = await compareVersions(va.id, vb.id);
  const t = await getTranslations('handbook');
  return (
    <div className="space-y-4">
      <PageHeader title={t('compare')} description={t('comparing', { a: va.label, b: vb.label })} />
      <SectionView title={t('articles')} section={diff.articles} testId="diff-articles" />
      <SectionView title={t('actions')} section={diff.actions} testId="diff-actions" />
      <SectionView title={t('criteria')} section={diff.criteria} testId="diff-criteria" />
    </div>
  );
}
