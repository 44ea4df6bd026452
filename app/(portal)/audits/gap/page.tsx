import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { gapRowsFor, gapThresholdNow } from '@/lib/audits/queries/audits';
import { requirePermission } from '@/lib/auth/current-user';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('audits', 'gapTitle');

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
        <Table
          testId="gap-table"
          framed={false}
          rows={rows}
          rowKey={(r) => r.auditId}
          empty={t('gapEmpty')}
          columns={[
            {
              key: 'unit',
              header: t('gapCols.unit'),
              cell: (r) => (
                <>
                  <Link href={`/audits/${r.auditId}`} className="text-brand-700 underline">
                    {r.orgName}
                  </Link>
                  {r.flagged && (
                    <span className="ml-2">
                      <Badge tone="red">{t('flagged')}</Badge>
                    </span>
                  )}
                </>
              ),
            },
            { key: 'quarter', header: t('gapCols.quarter'), cell: (r) => r.quarter },
            { key: 'self', header: t('gapCols.self'), cell: (r) => r.selfTotal },
            { key: 'audit', header: t('gapCols.audit'), cell: (r) => r.auditTotal },
            {
              key: 'gap',
              header: t('gapCols.gap'),
              cell: (r) => (
                <span className={r.flagged ? 'font-semibold text-red-700' : undefined}>{r.gap}</span>
              ),
            },
            { key: 'backfill', header: t('gapCols.backfill'), cell: (r) => r.backfill },
          ]}
        />
      </Card>
    </div>
  );
}
