import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PrintButton } from '@/components/print-button';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { sampleFor } from '@/lib/audits/queries/samples';
import { requireUser } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { pageParams } from '@/lib/route-params';
import { SignOffForm } from './_components/sign-off-form';
import { VerifySampleButton } from './_components/verify-sample-button';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('audits.samples');

const day = (d: Date) => d.toISOString().slice(0, 10);

/** 二级抽样工作底稿: population, rule, seed, sample, reviewer and sign-off; prints on A4. */
export default async function SamplePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await pageParams(params);
  const d = await load(() => sampleFor(user, id));
  const [t, ta, tm, format] = await Promise.all([
    getTranslations('audits.samples'),
    getTranslations('audits'),
    getTranslations('meetings'),
    getFormatter(),
  ]);
  const s = d.sample;
  const kind = tm(`kinds.${s.recordKind}`);
  const time = (x: Date) =>
    format.dateTime(x, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const cell = 'border border-stone-300 p-1.5 align-top';
  return (
    <div className="space-y-4 print:space-y-2 print:text-xs" data-testid="sample-paper">
      <style>{'@media print { @page { size: A4 portrait; margin: 14mm; } }'}</style>
      <PageHeader
        title={t('paperTitle', { kind })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/audits/plans/${d.plan.id}`} className="text-brand-700 underline">
              {d.plan.title}
            </Link>
            <Badge tone={s.signedAt ? 'green' : 'amber'}>{s.signedAt ? t('signed') : t('unsigned')}</Badge>
          </span>
        }
        actions={<PrintButton label={t('print')} />}
      />
      <Card>
        <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm print:text-xs">
          <dt className="text-stone-500">{t('plan')}</dt>
          <dd>{d.plan.title}</dd>
          <dt className="text-stone-500">{t('period')}</dt>
          <dd>{d.plan.periodKey}</dd>
          <dt className="text-stone-500">{t('window')}</dt>
          <dd>
            {day(s.windowStart)} – {day(s.windowEnd)}
          </dd>
          <dt className="text-stone-500">{t('rule')}</dt>
          <dd>{t('ruleText', { kind, n: s.perUnit, seed: s.seed, algorithm: s.algorithm })}</dd>
          <dt className="text-stone-500">{t('seedLabel')}</dt>
          <dd className="font-mono" data-testid="sample-seed">
            {s.seed}
          </dd>
          <dt className="text-stone-500">{t('asOf')}</dt>
          <dd>{time(s.asOf)}</dd>
          <dt className="text-stone-500">{t('drawnBy')}</dt>
          <dd>{d.drawnBy}</dd>
          <dt className="text-stone-500">{t('reviewerLabel')}</dt>
          <dd>{d.reviewer}</dd>
        </dl>
      </Card>
      <Card>
        <table className="w-full border-collapse text-sm print:text-xs" data-testid="sample-units">
          <thead>
            <tr className="text-left">
              <th className={cell}>{t('unit')}</th>
              <th className={`${cell} whitespace-nowrap`}>{t('population')}</th>
              <th className={cell}>{t('sampled')}</th>
            </tr>
          </thead>
          <tbody>
            {d.units.map((u) => (
              <tr key={u.orgId} data-testid="sample-unit">
                <td className={cell}>{u.orgName}</td>
                <td className={cell}>{u.population}</td>
                <td className={cell}>
                  {u.records.length === 0 ? (
                    <span className="text-stone-500">{t('noneInUnit')}</span>
                  ) : (
                    <ol className="list-decimal space-y-0.5 pl-5">
                      {u.records.map((r) => (
                        <li key={r.id} data-testid="sample-record">
                          <Link
                            href={`/meetings/${r.id}`}
                            className="text-brand-700 underline print:no-underline"
                          >
                            {r.heldOn} {r.topic}
                          </Link>
                          {r.valid === false && <span className="ml-1 text-red-700">（{t('invalid')}）</span>}
                          {r.forced && (
                            <span className="ml-1 text-amber-800" data-testid="sample-forced">
                              （{t('forced')}）
                            </span>
                          )}
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <details className="mt-2 text-xs text-stone-600 print:hidden">
          <summary className="cursor-pointer text-brand-700">
            {t('populationList', { count: d.units.reduce((n, u) => n + u.population, 0) })}
          </summary>
          {d.units.map((u) => (
            <p key={u.orgId} className="mt-1 break-all">
              {u.orgName}：{u.populationIds.join('、') || '—'}
            </p>
          ))}
        </details>
      </Card>
      <Card title={t('signOff')}>
        {s.signedAt ? (
          <div className="space-y-1 text-sm" data-testid="sample-signed">
            <p>{t('signedBy', { name: d.signedBy ?? '', time: time(s.signedAt) })}</p>
            <p className="whitespace-pre-wrap">
              {t('conclusion')}：{s.conclusion}
            </p>
          </div>
        ) : d.canSignOff ? (
          <SignOffForm sampleId={s.id} />
        ) : (
          <p className="text-sm text-stone-500">{t('unsigned')}</p>
        )}
      </Card>
      <div className="no-print">
        <VerifySampleButton sampleId={s.id} />
      </div>
      <p className="hidden text-xs print:block">{ta('leader')}：________________</p>
    </div>
  );
}
