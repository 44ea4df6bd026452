import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { planDetailFor } from '@/lib/audits/queries/audits';
import type { Candidate } from '@/lib/audits/sampling';
import { requireUser } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { AuditList } from '../../_components/audit-list';
import { DrawSampleForm } from './_components/draw-sample-form';
import { VerifyDrawButton } from './_components/verify-draw-button';
import { pageParams } from '@/lib/route-params';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('audits', 'plans');

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await pageParams(params);
  const { plan, sampleNames, samples, canDrawSample } = await load(() => planDetailFor(user, id));
  const [t, ts, tm, format] = await Promise.all([
    getTranslations('audits'),
    getTranslations('audits.samples'),
    getTranslations('meetings'),
    getFormatter(),
  ]);
  const population = (plan.drawPopulation as Candidate[] | null) ?? [];
  return (
    <div className="space-y-4">
      <PageHeader
        title={plan.title}
        description={
          <span className="flex gap-2">
            <Badge>{t(`kinds.${plan.kind}`)}</Badge>
            {plan.periodKey}
          </span>
        }
      />
      <Card title={t('team')}>
        <p className="text-sm">
          {plan.members.map((m) => `${m.user.name}${m.leader ? `（${t('leader')}）` : ''}`).join('、')}
        </p>
      </Card>
      <Card title={t('targets', { count: plan.audits.length })}>
        <AuditList
          audits={plan.audits}
          testId="plan-targets"
          detail={(a) => (
            <span className="text-stone-500">
              {plan.members
                .filter((m) => a.assignedIds.includes(m.userId))
                .map((m) => m.user.name)
                .join('、')}
            </span>
          )}
        />
      </Card>
      {plan.drawSeed && (
        <Card title={t('drawTitle')}>
          <div className="space-y-1 text-sm" data-testid="draw-record">
            <p>{t('drawSeed', { seed: plan.drawSeed })}</p>
            <p>{t('drawAlgorithm', { algorithm: plan.drawAlgorithm ?? '' })}</p>
            <p>{t('drawCriteria', { criteria: JSON.stringify(plan.drawCriteria) })}</p>
            <p>{t('drawSample', { units: sampleNames.join('、') })}</p>
            <details>
              <summary className="cursor-pointer text-brand-700">
                {t('drawPopulation', { count: population.length })}
              </summary>
              <ol className="ml-5 list-decimal text-xs text-stone-600">
                {population.map((c) => (
                  <li key={c.id}>
                    {c.id} · {c.weight}
                  </li>
                ))}
              </ol>
            </details>
          </div>
          <div className="mt-3">
            <VerifyDrawButton planId={plan.id} />
          </div>
        </Card>
      )}
      <Card title={ts('title')}>
        <p className="mb-2 text-sm text-stone-600">{ts('intro')}</p>
        {samples.length === 0 ? (
          <p className="text-sm text-stone-500">{ts('none')}</p>
        ) : (
          <ul className="mb-3 space-y-1 text-sm" data-testid="plan-samples">
            {samples.map((x) => (
              <li key={x.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/audits/samples/${x.id}`} className="text-brand-700 underline">
                  {ts('list', {
                    kind: tm(`kinds.${x.recordKind}`),
                    n: x.perUnit,
                    date: format.dateTime(x.createdAt, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }),
                  })}
                </Link>
                <Badge tone={x.signedAt ? 'green' : 'amber'}>
                  {x.signedAt ? ts('signed') : ts('unsigned')}
                </Badge>
              </li>
            ))}
          </ul>
        )}
        {canDrawSample && (
          <DrawSampleForm
            planId={plan.id}
            team={plan.members.map((m) => ({ id: m.userId, name: m.user.name }))}
          />
        )}
      </Card>
    </div>
  );
}
