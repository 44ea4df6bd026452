import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PortalPage } from '@/components/page/portal-page';
import { Pagination } from '@/components/pagination';
import { Badge, Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { ANNOUNCEMENT_PAGE } from '@/lib/announcements/queries';
import { announcementListFor } from '@/lib/announcements/queries';
import { can } from '@/lib/policy';
import { pageTitle } from '@/lib/page-title';
import { pageNumber } from '@/lib/search-params';

export const generateMetadata = pageTitle('announcements');

export default async function AnnouncementsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const user = await requireUser();
  const page = pageNumber((await searchParams).page);
  const [t, format, list] = await Promise.all([
    getTranslations('announcements'),
    getFormatter(),
    announcementListFor(user, page),
  ]);
  return (
    <PortalPage
      title={t('title')}
      description={t('intro')}
      links={[
        can(user, 'announcement.manage') && { href: '/announcements/new', label: t('new'), primary: true },
      ]}
    >
      <Card>
        {list.rows.length === 0 ? (
          <p className="text-sm text-stone-600">{t('empty')}</p>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm" data-testid="announcement-list">
            {list.rows.map((a) => {
              const unread = a.recipients.length > 0 && !a.recipients[0]!.readAt;
              return (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link
                    href={`/announcements/${a.id}`}
                    className={`text-brand-700 hover:underline ${unread ? 'font-semibold' : ''}`}
                  >
                    {a.title}
                  </Link>
                  <span className="flex items-center gap-2 text-xs text-stone-500">
                    {unread && <Badge tone="red">{t('unread')}</Badge>}
                    {a.author.name} ·{' '}
                    {format.dateTime(a.createdAt, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' })}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        <Pagination
          page={page}
          pages={Math.max(1, Math.ceil(list.total / ANNOUNCEMENT_PAGE))}
          href={(p) => `/announcements?page=${p}`}
        />
      </Card>
    </PortalPage>
  );
}
