import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { refuse } from '@/lib/auth/refusals';
import { FileLinks } from '@/components/file-links';
import { Pagination } from '@/components/pagination';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { FilterField, FilterForm, UnitFilter } from '@/components/ui/filter-form';
import { Table } from '@/components/ui/table';
import { Input, Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { requireUser } from '@/lib/auth/current-user';
import { can, canCompanyWide } from '@/lib/policy';
import { addDays, cstDay, periodFromKey } from '@/lib/calendar';
import { db } from '@/lib/db';
import { supervisionPhotosFor } from '@/lib/photos/queries';
import { PhotoChecks } from '@/components/photo-checks';
import { PhotoRuleForm } from './_components/photo-rule-form';
import { overdueRectificationsFor } from '@/lib/feedback/queries';
import { supervisableOrgsFor, supervisionListFor } from '@/lib/reminders/queries';
import { SUPERVISION_STATUSES, ZSupervisionFilter } from '@/lib/reminders/schema';
import { SUPERVISION_PAGE } from '@/lib/reminders/queries';
import { NoticeForm } from './_components/notice-form';
import { ReviewForms } from './_components/review-forms';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('supervision');

const TONE = { done: 'green', overdue: 'red', dueSoon: 'amber', open: 'stone' } as const;

export default async function SupervisionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  if (!can(user, 'reminder.supervise')) await refuse(user);
  const f = ZSupervisionFilter.parse(await searchParams);
  const [t, tr, th, tq, format] = await Promise.all([
    getTranslations('supervision'),
    getTranslations('reminders'),
    getTranslations('handbook'),
    getTranslations('quality'),
    getFormatter(),
  ]);
  // Photos of the filtered period, else of the last three months.
  const today = cstDay(new Date());
  const photoWindow = (f.periodKey && periodFromKey(f.periodKey)) || {
    start: addDays(today, -91),
    end: today,
  };
  const [list, orgs, lateFixes, tf, tph, photos, ruleEditable] = await Promise.all([
    supervisionListFor(user, f),
    supervisableOrgsFor(user, f.orgId),
    overdueRectificationsFor(user, 'reminder.supervise'),
    getTranslations('feedback'),
    getTranslations('photos'),
    supervisionPhotosFor(user, { orgId: f.orgId, from: photoWindow.start, to: photoWindow.end }),
    canCompanyWide(db, user, 'reminder.supervise'),
  ]);
  const day = (d: Date) =>
    format.dateTime(d, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  const query = (page: number) =>
    `?${new URLSearchParams(
      Object.entries({ ...f, page: String(page) })
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => [k, String(v)]),
    )}`;
  const noticeOrg = f.status === 'overdue' && f.orgId ? f.orgId : null;
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('intro')} />
      <Card>
        <FilterForm
          className="sm:grid-cols-5"
          data-testid="supervision-filter"
          applyLabel={t('filters.apply')}
        >
          <UnitFilter label={t('filters.org')} value={f.orgId} orgs={orgs} empty={t('filters.allOrgs')} />
          <FilterField label={t('filters.period')}>
            <Input name="periodKey" defaultValue={f.periodKey ?? ''} placeholder={t('filters.periodHint')} />
          </FilterField>
          <FilterField label={t('filters.article')}>
            <Input name="article" type="number" min={1} defaultValue={f.article ?? ''} />
          </FilterField>
          <FilterField label={t('filters.status')}>
            <Select name="status" defaultValue={f.status}>
              <Options items={SUPERVISION_STATUSES} label={(s) => t(`statuses.${s}`)} />
            </Select>
          </FilterField>
        </FilterForm>
      </Card>
      <Card title={t('count', { total: list.total })}>
        <Table
          testId="supervision-list"
          framed={false}
          rows={list.tasks}
          rowKey={(x) => x.id}
          rowProps={(x) => ({ 'data-testid': 'supervision-row', 'data-task-id': x.id })}
          empty={t('empty')}
          columns={[
            ...(noticeOrg
              ? [
                  {
                    key: 'select',
                    header: t('select'),
                    className: 'align-top',
                    cell: (x: (typeof list.tasks)[number]) =>
                      x.orgId === noticeOrg && (
                        <input
                          type="checkbox"
                          name="taskIds"
                          value={x.id}
                          form="notice-form"
                          aria-label={x.action.title}
                          defaultChecked
                          className="size-5"
                        />
                      ),
                  },
                ]
              : []),
            { key: 'unit', header: t('unit'), className: 'align-top', cell: (x) => x.org.name },
            {
              key: 'item',
              header: t('item'),
              className: 'align-top',
              cell: (x) => (
                <>
                  <div className="font-medium">{x.action.title}</div>
                  <Link
                    href={`/handbook/articles/${x.action.article.number}`}
                    className="text-xs text-brand-700 underline"
                  >
                    {th('articleNo', { number: x.action.article.number })}
                  </Link>
                  <span className="ml-2 text-xs text-stone-500">{x.periodKey}</span>
                </>
              ),
            },
            {
              key: 'due',
              header: t('due'),
              className: 'whitespace-nowrap align-top',
              cell: (x) => day(x.dueDate),
            },
            {
              key: 'state',
              header: t('state'),
              className: 'align-top',
              cell: (x) => (
                <>
                  <Badge tone={TONE[x.state]}>{tr(`states.${x.state}`)}</Badge>
                  {x.quality && (
                    <div className="mt-1">
                      <Badge tone="blue">{tq(x.quality)}</Badge>
                    </div>
                  )}
                </>
              ),
            },
            {
              key: 'result',
              header: t('result'),
              className: 'align-top',
              cell: (x) => (
                <>
                  {x.status === 'DONE' && (
                    <div className="space-y-1">
                      <div className="text-xs text-stone-600">
                        {tr(x.onTime ? 'doneOnTime' : 'doneLate', {
                          activity: x.activityDate ? day(x.activityDate) : '—',
                        })}
                        {x.note && `（${x.note}）`}
                      </div>
                      {x.backfillFlag && <Badge tone="amber">{tr(`backfill.${x.backfillFlag}`)}</Badge>}
                      <div>
                        <FileLinks
                          files={x.evidence}
                          route="/api/reminders/evidence/"
                          name={(e) => e.fileName}
                          className="mr-2 text-xs text-brand-700 underline"
                        />
                      </div>
                      <ReviewForms taskId={x.id} />
                    </div>
                  )}
                  {x.reviews[0] && (
                    <div className="text-xs text-stone-500">
                      {t('lastReview', {
                        kind: x.reviews[0].kind === 'RATING' ? tq(x.reviews[0].quality!) : t('return'),
                      })}{' '}
                      {x.reviews[0].comment}
                    </div>
                  )}
                </>
              ),
            },
          ]}
        />
        <Pagination
          page={f.page}
          pages={Math.max(1, Math.ceil(list.total / SUPERVISION_PAGE))}
          href={query}
        />
      </Card>
      {lateFixes.length > 0 && (
        <Card title={tf('overdueTitle')}>
          <ul className="list-disc pl-5 text-sm" data-testid="supervision-late-rectifications">
            {lateFixes.map((r) => (
              <li key={r.id}>
                {r.org.name}：{r.problem}（{tf('due', { date: day(r.deadline) })}）
              </li>
            ))}
          </ul>
        </Card>
      )}
      <PhotoChecks
        photos={photos}
        showUnit
        caption={tph('window', { from: photoWindow.start, to: photoWindow.end })}
      />
      {ruleEditable && (
        <Card title={tph('settings.title')}>
          <PhotoRuleForm rule={photos.rule} />
        </Card>
      )}
      {f.status === 'overdue' && list.tasks.length > 0 && (
        <Card title={t('noticeTitle')}>
          {noticeOrg ? (
            <NoticeForm orgId={noticeOrg} />
          ) : (
            <p className="text-sm text-stone-600">{t('onlyOneOrg')}</p>
          )}
        </Card>
      )}
    </div>
  );
}
