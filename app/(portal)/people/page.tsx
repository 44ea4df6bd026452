import { getTranslations } from 'next-intl/server';
import { OrgTreePicker } from '@/components/org-tree-picker';
import Link from 'next/link';
import { Pagination } from '@/components/pagination';
import { PortalPage } from '@/components/page/portal-page';
import { FilterForm } from '@/components/ui/filter-form';
import { Badge } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { Table } from '@/components/ui/table';
import { listQuery } from '@/lib/search-params';
import { actorOf, requirePermission } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { rosterFor } from '@/lib/people/queries/roster';
import { rosterFilterOptions } from '@/lib/orgs/queries';
import { PARTY_STATUSES } from '@/lib/people/rules';
import { ZRosterFilter } from '@/lib/people/schema';
import { can } from '@/lib/policy';
import { NextStepBadge } from './_components/next-step';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('people');

export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission('person.read');
  const f = ZRosterFilter.parse(await searchParams);
  const [t, steps, roster, options] = await Promise.all([
    getTranslations('people'),
    getTranslations('people.steps'),
    load(async () => rosterFor(user, await actorOf(user), f)),
    rosterFilterOptions(user, f.orgId),
  ]);
  const query = (extra: Record<string, string | undefined>) => listQuery(f, extra);
  const members = roster.counts.FULL + roster.counts.PROBATIONARY;
  return (
    <PortalPage
      title={t('title')}
      description={t('intro')}
      links={[
        can(user, 'person.manage') && { href: '/people/new', label: t('new'), primary: true },
        can(user, 'person.import') && { href: '/people/import', label: t('import') },
        { href: '/people/transfers', label: t('transfers') },
        can(user, 'person.export') && {
          href: `/api/people/export?${query({})}`,
          label: t('export'),
          file: true,
        },
      ]}
    >
      <section aria-label={t('countsLabel')} className="flex flex-wrap gap-2" data-testid="roster-counts">
        <span className="rounded-md bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">
          {t('members', { count: members })}
        </span>
        {[...PARTY_STATUSES, 'NONE' as const].map((s) => (
          <Link
            key={s}
            href={`/people?${query({ status: f.status === s ? undefined : s })}`}
            aria-current={f.status === s ? 'true' : undefined}
            className="rounded-md border border-stone-200 bg-white px-3 py-2 text-sm aria-[current=true]:border-brand-600"
            data-testid={`count-${s}`}
          >
            {t(`statuses.${s}`)} <strong>{roster.counts[s]}</strong>
          </Link>
        ))}
      </section>
      <FilterForm
        role="search"
        className="sm:grid-cols-5"
        aria-label={t('filter')}
        applyLabel={t('apply')}
        reset={{ href: '/people', label: t('reset') }}
      >
        <Input name="q" defaultValue={f.q} placeholder={t('searchPlaceholder')} aria-label={t('search')} />
        <OrgTreePicker
          id="roster-org"
          name="orgId"
          defaultValue={f.orgId ?? ''}
          orgs={options.units}
          aria-label={t('fields.org')}
          emptyLabel={t('allUnits')}
        />
        {/* The groups of the chosen unit: pick the unit, apply, then its groups. */}
        {options.groups.length > 0 && (
          <Select name="groupId" defaultValue={f.groupId ?? ''} aria-label={t('fields.partyGroup')}>
            <Options items={options.groups} empty={t('allGroups')} label={(g) => g.name} />
          </Select>
        )}
        <Select name="relation" defaultValue={f.relation ?? ''} aria-label={t('relation')}>
          <option value="">{t('relationAll')}</option>
          <option value="here">{t('relationHere')}</option>
          <option value="elsewhere">{t('relationElsewhere')}</option>
        </Select>
        {f.status && <input type="hidden" name="status" value={f.status} />}
      </FilterForm>
      <p className="text-sm text-stone-600" data-testid="roster-total">
        {t('shown', { total: roster.total })}
      </p>
      <Table
        testId="roster"
        rows={roster.rows}
        rowKey={(p) => p.id}
        empty={t('none')}
        columns={[
          { key: 'name', header: t('fields.name'), href: (p) => `/people/${p.id}`, cell: (p) => p.name },
          {
            key: 'employeeNo',
            header: t('fields.employeeNo'),
            className: 'font-mono text-xs',
            cell: (p) => p.employeeNo,
          },
          {
            key: 'status',
            header: t('fields.status'),
            cell: (p) => (
              <span className="flex flex-wrap gap-1">
                <Badge tone={p.status === 'FULL' ? 'green' : undefined}>
                  {t(`statuses.${p.status ?? 'NONE'}`)}
                </Badge>
                {p.inTransit !== null && <Badge tone="amber">{t('inTransit', { to: p.inTransit })}</Badge>}
              </span>
            ),
          },
          {
            key: 'org',
            header: t('fields.org'),
            deskOnly: true,
            cell: (p) => (
              <>
                {p.org.name}
                {p.partyGroup && <span className="text-stone-500"> · {p.partyGroup.name}</span>}
              </>
            ),
          },
          {
            key: 'work',
            header: t('fields.workOrg'),
            cell: (p) => (p.workOrg ? <Badge tone="amber">{p.workOrg.name}</Badge> : t('sameUnit')),
          },
          {
            key: 'posts',
            header: t('fields.posts'),
            deskOnly: true,
            cell: (p) => p.posts.map((x) => t(`posts.${x}`)).join('、') || '—',
          },
          {
            key: 'phone',
            header: t('fields.phone'),
            className: 'font-mono text-xs',
            cell: (p) => p.phone ?? '—',
          },
          { key: 'next', header: t('next'), cell: (p) => <NextStepBadge next={p.next} t={steps} /> },
        ]}
      />
      <Pagination
        page={roster.page}
        pages={roster.pages}
        href={(p) => `/people?${query({ page: String(p) })}`}
      />
    </PortalPage>
  );
}
