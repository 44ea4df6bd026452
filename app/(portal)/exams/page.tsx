import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PortalPage } from '@/components/page/portal-page';
import { Badge, Card } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { StartButton } from './_components/start-button';
import { examsFor } from '@/lib/exams/queries/exams';
import { CST_DATE_TIME } from '@/lib/calendar';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('exams');

export default async function ExamsPage() {
  const user = await requirePermission('exam.take');
  const [t, tb, format, { rows, manager }] = await Promise.all([
    getTranslations('exams'),
    getTranslations('bank'),
    getFormatter(),
    examsFor(user),
  ]);
  const when = (d: Date) => format.dateTime(d, CST_DATE_TIME);
  return (
    <PortalPage
      title={t('title')}
      description={t('intro')}
      links={[
        manager && { href: '/exams/bank', label: tb('title') },
        manager && { href: '/exams/new', label: t('form.new'), primary: true },
      ]}
    >
      <Card>
        {rows.length === 0 ? (
          <p className="text-sm text-stone-600">{t('none')}</p>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm" data-testid="exam-list">
            {rows.map((e) => {
              const current = e.attempts.find((a) => a.status === 'IN_PROGRESS');
              const done = e.attempts.filter((a) => a.status !== 'IN_PROGRESS');
              return (
                <li
                  key={e.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-3"
                  data-testid="exam-row"
                >
                  <div>
                    <div className="font-medium">{e.title}</div>
                    <div className="text-xs text-stone-500">
                      {t('window', {
                        from: when(e.opensAt),
                        to: when(e.closesAt),
                        minutes: e.durationMin,
                        pass: e.passMark,
                      })}
                    </div>
                    {done.map((a) => (
                      <div key={a.id} className="mt-1">
                        <Link href={`/exams/attempts/${a.id}`} className="text-brand-700 underline">
                          {a.status === 'GRADED'
                            ? t('result', { score: a.score ?? 0, max: a.maxScore })
                            : t('awaiting')}
                        </Link>{' '}
                        {a.passed != null && (
                          <Badge tone={a.passed ? 'green' : 'red'}>
                            {a.passed ? t('passed') : t('failed')}
                          </Badge>
                        )}
                      </div>
                    ))}
                  </div>
                  <div className="flex items-center gap-2">
                    {e.eligible &&
                      e.open &&
                      (current ? (
                        <Link
                          href={`/exams/attempts/${current.id}`}
                          className="min-h-11 content-center text-brand-700 underline"
                        >
                          {t('continue')}
                        </Link>
                      ) : (
                        done.length === 0 && <StartButton examId={e.id} label={t('start')} />
                      ))}
                    {!e.open && <Badge>{e.opensAt > new Date() ? t('notYet') : t('closed')}</Badge>}
                    {manager && (
                      <Link href={`/exams/${e.id}/results`} className="text-brand-700 underline">
                        {t('results')}
                      </Link>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </PortalPage>
  );
}
