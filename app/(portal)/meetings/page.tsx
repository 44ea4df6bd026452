import { getFormatter, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/pagination';
import { PortalPage } from '@/components/page/portal-page';
import { FilterField, FilterForm, UnitFilter } from '@/components/ui/filter-form';
import { Input, Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { Table } from '@/components/ui/table';
import { listQuery } from '@/lib/search-params';
import { requirePermission } from '@/lib/auth/current-user';
import { DAY } from '@/lib/calendar';
import { ZMeetingFilter } from '@/lib/meetings/filter';
import { MEETINGS_PAGE_SIZE, meetingsFor, readableUnits } from '@/lib/meetings/queries';
import { MEETING_KINDS } from '@/lib/meetings/rules';
import { can } from '@/lib/policy';
import { MeetingBadges } from './_components/meeting-badges';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('meetings');

export default async function MeetingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission('meeting.read');
  const f = ZMeetingFilter.parse(await searchParams);
  const [t, format, list, units] = await Promise.all([
    getTranslations('meetings'),
    getFormatter(),
    meetingsFor(user, f),
    readableUnits(user, f.orgId),
  ]);
  const query = (extra: Record<string, string | undefined>) => listQuery(f, extra);
  return (
    <PortalPage
      title={t('title')}
      description={t('intro')}
      links={[
        can(user, 'meeting.record') && { href: '/meetings/new', label: t('new'), primary: true },
        { href: '/meetings/attendance', label: t('attendance.link') },
      ]}
    >
      <FilterForm applyLabel={t('apply')} className="sm:grid-cols-5" aria-label={t('filter')}>
        <UnitFilter label={t('fields.org')} value={f.orgId} orgs={units} empty={t('allUnits')} />
        <FilterField label={t('fields.kind')}>
          <Select name="kind" defaultValue={f.kind ?? ''}>
            <Options items={MEETING_KINDS} label={(k) => t(`kinds.${k}`)} empty={t('allKinds')} />
          </Select>
        </FilterField>
        <FilterField label={t('from')}>
          <Input type="date" name="from" defaultValue={f.from} />
        </FilterField>
        <FilterField label={t('to')}>
          <Input type="date" name="to" defaultValue={f.to} />
        </FilterField>
      </FilterForm>
      <p className="text-sm text-stone-600">{t('shown', { total: list.total })}</p>
      <Table
        testId="meetings"
        rows={list.rows}
        rowKey={(m) => m.id}
        empty={t('none')}
        columns={[
          {
            key: 'heldOn',
            header: t('fields.heldOn'),
            href: (m) => `/meetings/${m.id}`,
            cell: (m) => format.dateTime(m.heldOn, DAY),
          },
          { key: 'kind', header: t('fields.kind'), cell: (m) => t(`kinds.${m.kind}`) },
          { key: 'org', header: t('fields.org'), cell: (m) => m.org.name },
          { key: 'topic', header: t('fields.topic'), deskOnly: true, cell: (m) => m.topic || '—' },
          {
            key: 'present',
            header: t('presentColumn'),
            cell: (m) => t('presentOf', { present: m.present, expected: m.expected }),
          },
          { key: 'state', header: t('state'), cell: (m) => <MeetingBadges meeting={m} t={t} /> },
        ]}
      />
      <Pagination
        page={list.page}
        pages={Math.max(1, Math.ceil(list.total / MEETINGS_PAGE_SIZE))}
        href={(p) => `/meetings?${query({ page: String(p) })}`}
      />
    </PortalPage>
  );
}
