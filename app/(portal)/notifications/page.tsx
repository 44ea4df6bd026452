import { getFormatter, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/pagination';
import { Card, PageHeader } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { NOTIFICATION_PAGE } from '@/lib/notifications/queries';
import { notificationPageFor } from '@/lib/notifications/queries';
import { NotificationList } from './_components/notification-list';
import { ChannelPrefs } from './_components/channel-prefs';
import { ownChannels } from '@/lib/channels/preferences';
import { NOTIFICATION_KINDS } from '@/lib/channels/notify';
import { db } from '@/lib/db';
import { pageTitle } from '@/lib/page-title';
import { pageNumber } from '@/lib/search-params';

export const generateMetadata = pageTitle('notifications');

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const user = await requireUser();
  const page = pageNumber((await searchParams).page);
  const [t, tAll, format, data, channels] = await Promise.all([
    getTranslations('notifications'),
    getTranslations(),
    getFormatter(),
    notificationPageFor(user, page),
    ownChannels(db, user),
  ]);
  // Parameters that name a message (a quality code) are rendered in the reader's language.
  const rows = data.rows.map((n) => {
    const params = { ...(n.params as Record<string, string | number>) };
    if (typeof params.quality === 'string') params.quality = tAll(`quality.${params.quality}` as never);
    return {
      id: n.id,
      kind: n.kind,
      text: tAll(n.titleKey as never, params as never),
      when: format.dateTime(n.createdAt, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Shanghai',
      }),
      read: !!n.readAt,
    };
  });
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('intro')} />
      <Card>
        {rows.length === 0 ? (
          <p className="text-sm text-stone-600">{t('empty')}</p>
        ) : (
          <NotificationList rows={rows} />
        )}
        <Pagination
          page={page}
          pages={Math.max(1, Math.ceil(data.total / NOTIFICATION_PAGE))}
          href={(p) => `/notifications?page=${p}`}
        />
      </Card>
      <Card title={t('channels.title')}>
        <p className="mb-3 text-sm text-stone-600">{t('channels.intro')}</p>
        <ChannelPrefs channels={channels} kinds={[...NOTIFICATION_KINDS]} />
      </Card>
    </div>
  );
}
