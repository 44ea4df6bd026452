import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Badge, PageHeader } from '@/components/ui/card';
import { FilterField, FilterForm, UnitFilter } from '@/components/ui/filter-form';
import { Input } from '@/components/ui/field';
import { Table } from '@/components/ui/table';
import { Pagination } from '@/components/pagination';
import { requirePermission } from '@/lib/auth/current-user';
import { cstDay } from '@/lib/calendar';
import { unitAttendance } from '@/lib/meetings/attendance';
import { firstBranchFor, readableUnits } from '@/lib/meetings/queries';
import { YEARLY_STUDY_HOURS } from '@/lib/meetings/rules';
import { load } from '@/lib/page-guard';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('meetings', 'attendance.title');

const ZQuery = z.object({
  orgId: z.uuid().optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

/** Members a page lists: a 300-person branch's year was 516 KB of HTML on one page. */
const PAGE = 50;

/** A branch's members: attendance, 补学 owed, 学时 against 32, and the six-month warning. */
export default async function AttendancePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission('meeting.read');
  const q = ZQuery.parse(await searchParams);
  // The reader's first branch (its members are the list), also when the picker's levels leave it out.
  const orgId = q.orgId ?? (await firstBranchFor(user));
  const [t, units] = await Promise.all([getTranslations('meetings'), readableUnits(user, orgId)]);
  const year = q.year ?? Number(cstDay(new Date()).slice(0, 4));
  const list = orgId ? await load(() => unitAttendance(user, orgId, year)) : null;
  const lapsed = list?.rows.filter((r) => r.lapsed).length ?? 0;
  // Whom the branch must talk to first: six months without organizational life, then short of 学时, then by name.
  const ordered = (list?.rows ?? []).toSorted(
    (a, b) => Number(b.lapsed) - Number(a.lapsed) || Number(b.short) - Number(a.short),
  );
  const pages = Math.max(1, Math.ceil(ordered.length / PAGE));
  const page = Math.min(q.page ?? 1, pages);
  const href = (n: number) =>
    `/meetings/attendance?${new URLSearchParams({ ...(orgId && { orgId }), year: String(year), page: String(n) })}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('attendance.title')}
        description={t('attendance.intro', { goal: YEARLY_STUDY_HOURS })}
      />
      <FilterForm applyLabel={t('apply')} className="sm:grid-cols-3" aria-label={t('filter')}>
        <UnitFilter label={t('fields.org')} value={orgId} orgs={units} />
        <FilterField label={t('attendance.year')}>
          <Input type="number" name="year" defaultValue={year} min={2000} max={2100} />
        </FilterField>
      </FilterForm>
      {list && (
        <>
          {lapsed > 0 && (
            <p
              role="alert"
              className="rounded-md bg-red-50 p-3 text-sm text-red-800"
              data-testid="lapsed-alert"
            >
              {t('attendance.lapsedAlert', { count: lapsed })}
            </p>
          )}
          {list.rows.length > 0 && (
            <p className="text-sm text-stone-600" data-testid="attendance-total">
              {t('attendance.total', { total: list.rows.length })}
            </p>
          )}
          <Table
            testId="attendance"
            rows={ordered.slice((page - 1) * PAGE, page * PAGE)}
            rowKey={(r) => r.personId}
            empty={t('attendance.none')}
            columns={[
              {
                key: 'name',
                header: t('fields.name'),
                href: (r) => `/people/${r.personId}`,
                cell: (r) => r.name,
              },
              {
                key: 'attended',
                header: t('attendance.attended'),
                cell: (r) => t('attendance.attendedOf', { present: r.present, total: r.present + r.missed }),
              },
              { key: 'owed', header: t('attendance.makeupOwed'), cell: (r) => r.makeupOwed || '—' },
              {
                key: 'hours',
                header: t('attendance.hours'),
                cell: (r) => (
                  <span className={r.short ? 'font-medium text-red-700' : ''}>
                    {t('attendance.hoursOf', { hours: r.hours, goal: YEARLY_STUDY_HOURS })}
                  </span>
                ),
              },
              { key: 'last', header: t('attendance.lastAttended'), cell: (r) => r.lastAttended ?? '—' },
              {
                key: 'flags',
                header: t('attendance.flags'),
                cell: (r) => (
                  <span className="flex flex-wrap gap-1">
                    {r.lapsed && <Badge tone="red">{t('attendance.lapsed')}</Badge>}
                    {r.short && <Badge tone="amber">{t('attendance.short')}</Badge>}
                  </span>
                ),
              },
            ]}
          />
          {pages > 1 && <Pagination page={page} pages={pages} href={href} />}
        </>
      )}
    </div>
  );
}
