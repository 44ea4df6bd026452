import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PortalPage } from '@/components/page/portal-page';
import { Badge, Card } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { attendanceByOrgFor, trainingListFor } from '@/lib/training/queries';
import { CST_DATE_TIME } from '@/lib/calendar';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('training');

/** 解标培训班: the classes, newest first, with their attendance; for the committee also attendance per unit this year. */
export default async function TrainingPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requirePermission('learning.read');
  const sp = await searchParams;
  const year = /^\d{4}$/.test(sp.year ?? '')
    ? Number(sp.year)
    : new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const [t, format, { rows, manager }] = await Promise.all([
    getTranslations('training'),
    getFormatter(),
    trainingListFor(user),
  ]);
  const byOrg = manager ? await attendanceByOrgFor(user, year) : null;
  const when = (d: Date) => format.dateTime(d, CST_DATE_TIME);
  const pct = (r: number | null) => (r === null ? '—' : `${r}%`);
  return (
    <PortalPage
      title={t('title')}
      description={t('intro')}
      links={[manager && { href: '/learning/training/new', label: t('new'), primary: true }]}
    >
      <Card>
        {rows.length === 0 ? (
          <p className="text-sm text-stone-600">{t('none')}</p>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm" data-testid="training-list">
            {rows.map((s) => (
              <li
                key={s.id}
                className="flex flex-wrap items-center justify-between gap-2 py-3"
                data-training-id={s.id}
              >
                <div className="min-w-0">
                  <Link href={`/learning/training/${s.id}`} className="font-medium text-brand-700 underline">
                    {s.title}
                  </Link>
                  <div className="text-xs text-stone-500">
                    {t('when', { from: when(s.startsAt), lecturer: s.lecturer })} · {s.place ?? t('online')}
                  </div>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {s.mine && (
                    <Badge tone={s.signedIn ? 'green' : 'amber'}>
                      {s.signedIn ? t('signedIn') : t('invited')}
                    </Badge>
                  )}
                  <span className="text-stone-600">
                    {t('rate', { attended: s.attended, invited: s.invited, rate: pct(s.rate) })}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {byOrg && (
        <Card
          title={t('byOrgTitle', { year })}
          actions={
            <span className="text-sm text-stone-600">{t('byOrgSessions', { n: byOrg.sessions })}</span>
          }
        >
          <Table
            testId="attendance-by-org"
            framed={false}
            rows={byOrg.rows}
            rowKey={(r, i) => `${r.name}-${i}`}
            empty={t('byOrgNone')}
            columns={[
              { key: 'unit', header: t('cols.unit'), cell: (r) => r.name },
              { key: 'invited', header: t('cols.invited'), cell: (r) => r.invited },
              { key: 'attended', header: t('cols.attended'), cell: (r) => r.attended },
              { key: 'rate', header: t('cols.rate'), cell: (r) => pct(r.rate) },
            ]}
          />
        </Card>
      )}
    </PortalPage>
  );
}
