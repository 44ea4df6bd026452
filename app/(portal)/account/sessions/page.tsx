import { getFormatter, getTranslations } from 'next-intl/server';
import { PortalPage } from '@/components/page/portal-page';
import { Card } from '@/components/ui/card';
import { ownSessions } from '@/lib/account/sessions';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { pageTitle } from '@/lib/page-title';
import { SessionList } from './_components/session-list';

export const generateMetadata = pageTitle('sessions');

export default async function SessionsPage() {
  const user = await requireUser();
  const [t, format, data] = await Promise.all([
    getTranslations('sessions'),
    getFormatter(),
    ownSessions(db, user),
  ]);
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <PortalPage title={t('title')} description={t('intro', { limit: data.limit })}>
      <Card>
        <SessionList
          rows={data.sessions.map((s) => ({
            id: s.id,
            device: s.device,
            ip: s.ip ?? '—',
            since: when(s.createdAt),
            lastSeen: when(s.lastSeenAt),
            current: s.current,
          }))}
        />
      </Card>
    </PortalPage>
  );
}
