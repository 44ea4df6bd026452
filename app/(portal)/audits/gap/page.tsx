import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { gapRowsFor, gapThresholdNow } from '@/lib/audits/queries/audits';
import { requirePermission } from '@/lib/auth/current-user';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audits'))('gapTitle') };
}

export default async function GapPage({ searchParams }: { searchParams: Promise<{ all?: string }> }) {
  const user = await requirePermission('auditPlan.manage');
  const all = (await searchParams).all === '1';
  const [t, rows, threshold] = await Promise.all([
    getTranslations('audits'),
    gapRowsFor(user, { onlyFlagged: !all }),
    gapThresholdNow(),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t('gapTitle')} description={t('gapIntro', { threshold })} />
      <Card
        actions={
          <Link href={all ? '/audits/gap' : '/audits/gap?all=1'} className="text-sm text-brand-700 underline">
            {all ? t('onlyFlagged') : t('all')}
          </Link>
        }
      >
        {rows.length === 0 ? (
          <p className="text-sm text-stone-600">{t('gapEmpty')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="gap-table">
              <thead className="text-left text-stone-600">
                <tr>
                  {(['unit', 'quarter', 'self', 'audit', 'gap', 'backfill'] as const).map((k) => (
                    <th key={k} className="p-2">
                      {t(`gapCols.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.auditId} className="border-t border-stone-100">
                    <td className="p-2">
                      <Link href={`/audits/${r.auditId}`} className="text-brand-700 underline">
                        {r.orgName}
                      </Link>
                      {r.flagged && (
                        <span className="ml-2">
                          <Badge tone="red">{t('flagged')}</Badge>
                        </span>
                      )}
                    </td>
                    <td className="p-2">{r.quarter}</td>
                    <td className="p-2">{r.selfTotal}</td>
                    <td className="p-2">{r.auditTotal}</td>
                    <td className={`p-2 ${r.flagged ? 'font-semibold text-red-700' : ''}`}>{r.gap}</td>
                    <td className="p-2">{r.backfill}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
