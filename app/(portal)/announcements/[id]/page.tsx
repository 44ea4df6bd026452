import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/current-user';
import { announcementDetailFor, receiptsFor } from '@/lib/announcements/queries';
import { load } from '@/lib/page-guard';
import { ChaseUnreadButton } from './_components/chase-button';
import { MarkRead } from './_components/mark-read';
import { pagedRecord, type PagedRecordProps } from '@/lib/route-params';
import { CST_DATE_TIME } from '@/lib/calendar';
import { pageTitle } from '@/lib/page-title';
import { Pagination } from '@/components/pagination';

export const generateMetadata = pageTitle('announcements');

export default async function AnnouncementPage(props: PagedRecordProps) {
  const user = await requireUser();
  const { id, page } = await pagedRecord(props);
  const { announcement: a, recipient, manager, targets } = await load(() => announcementDetailFor(user, id));
  const [t, format, rc] = await Promise.all([
    getTranslations('announcements'),
    getFormatter(),
    manager ? receiptsFor(user, id, page) : null,
  ]);
  const when = (d: Date) => format.dateTime(d, CST_DATE_TIME);
  return (
    <div className="space-y-4">
      {recipient && !a.recipients[0]!.readAt && <MarkRead id={a.id} />}
      <PageHeader
        title={<span data-testid="announcement-title">{a.title}</span>}
        description={t('byline', {
          author: a.author.name,
          date: when(a.createdAt),
          targets: targets.join('、'),
        })}
      />
      <Card>
        <div className="whitespace-pre-line text-sm leading-7" data-testid="announcement-body">
          {a.body}
        </div>
        {a.attachments.length > 0 && (
          <ul className="mt-4 space-y-1 text-sm">
            {a.attachments.map((f) => (
              <li key={f.id}>
                <a href={`/api/announcements/attachments/${f.id}`} className="text-brand-700 underline">
                  {f.fileName}
                </a>{' '}
                <span className="text-xs text-stone-500">{Math.ceil(f.size / 1024)} KB</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {rc && (
        <Card
          title={t('receipts', { read: rc.read, unread: rc.unread })}
          actions={rc.unread > 0 && <ChaseUnreadButton id={a.id} />}
        >
          <div className="max-h-96 overflow-auto">
            <Table
              testId="receipts"
              framed={false}
              rows={rc.rows}
              rowKey={(_, i) => String(i)}
              empty={t('noRecipients')}
              columns={[
                { key: 'reader', header: t('reader'), cell: (r) => r.user.name },
                { key: 'unit', header: t('unit'), cell: (r) => r.user.org?.name ?? '—' },
                {
                  key: 'readAt',
                  header: t('readAt'),
                  cell: (r) =>
                    r.readAt ? (
                      when(r.readAt)
                    ) : (
                      <span className="text-red-700">
                        {t('notRead')}
                        {r.chasedAt && ` · ${t('chasedAt', { date: when(r.chasedAt) })}`}
                      </span>
                    ),
                },
              ]}
            />
          </div>
          <Pagination page={rc.page} pages={rc.pages} href={(p) => `/announcements/${a.id}?page=${p}`} />
        </Card>
      )}
    </div>
  );
}
