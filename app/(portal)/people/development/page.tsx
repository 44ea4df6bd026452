import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { actorOf, requirePermission } from '@/lib/auth/current-user';
import { DEVELOPMENT_STAGES } from '@/lib/people/development';
import { DEVELOPMENT_SHOWN as SHOWN, developmentFor } from '@/lib/people/queries/development';
import { NextStepBadge } from '../_components/next-step';
import { pageTitle } from '@/lib/page-title';
import { FilterForm, UnitFilter } from '@/components/ui/filter-form';
import { rosterFilterOptions } from '@/lib/orgs/queries';
import { isUuid } from '@/lib/validation';

export const generateMetadata = pageTitle('development');

export default async function DevelopmentPage({
  searchParams,
}: {
  searchParams: Promise<{ orgId?: string }>;
}) {
  const user = await requirePermission('person.read');
  const sp = await searchParams;
  const orgId = isUuid(sp.orgId) ? sp.orgId : undefined;
  const [t, tp, steps, dev, options] = await Promise.all([
    getTranslations('development'),
    getTranslations('people'),
    getTranslations('people.steps'),
    actorOf(user).then((actor) => developmentFor(user, actor, { orgId })),
    rosterFilterOptions(user, orgId),
  ]);
  const firstOf = (total: number) =>
    total > SHOWN && (
      <p className="mt-2 text-xs text-stone-500" data-testid="first-of">
        {t('firstOf', { total, shown: SHOWN })}
      </p>
    );
  const personLink = (r: { id: string; name: string }) => (
    <Link href={`/people/${r.id}`} className="wb-link">
      {r.name}
    </Link>
  );
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('intro')} />
      <FilterForm applyLabel={t('apply')} inline aria-label={t('filter')}>
        <UnitFilter label={t('unit')} value={orgId} orgs={options.units} empty={t('allUnits')} />
      </FilterForm>
      <Card title={t('violationsTitle', { count: dev.violations.total })}>
        <Table
          testId="development-violations"
          rows={dev.violations.rows}
          rowKey={(r) => r.id}
          empty={t('noViolations')}
          columns={[
            { key: 'name', header: tp('fields.name'), cell: personLink },
            { key: 'status', header: tp('fields.status'), cell: (r) => tp(`statuses.${r.status ?? 'NONE'}`) },
            { key: 'org', header: tp('fields.org'), deskOnly: true, cell: (r) => r.org.name },
            {
              key: 'problems',
              header: t('problems'),
              cell: (r) => (
                <ul className="space-y-1">
                  {r.violations.map((v) => (
                    <li key={v.key} data-violation={v.key} className="flex items-start gap-1">
                      <Badge tone={v.severe ? 'red' : 'amber'}>{v.severe ? t('severe') : t('warning')}</Badge>
                      <span>{t(`violations.${v.key}`, v.params)}</span>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
        {firstOf(dev.violations.total)}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        {DEVELOPMENT_STAGES.map((s) => (
          <Card key={s} title={`${tp(`statuses.${s}`)} · ${dev.stages[s].total}`}>
            <Table
              testId={`stage-${s}`}
              framed={false}
              rows={dev.stages[s].rows}
              rowKey={(r) => r.id}
              empty={t('nobody')}
              columns={[
                { key: 'name', header: tp('fields.name'), cell: personLink },
                { key: 'org', header: tp('fields.org'), cell: (r) => r.org.name },
                { key: 'next', header: tp('next'), cell: (r) => <NextStepBadge next={r.next} t={steps} /> },
              ]}
            />
            {firstOf(dev.stages[s].total)}
          </Card>
        ))}
      </div>
    </div>
  );
}
