import { getTranslations } from 'next-intl/server';
import { DemoMark } from '@/components/demo-mark';
import { ClientLinks } from '@/components/ui/client-links';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/current-user';
import { passwordSetting } from '@/lib/auth/password-policy';
import { db } from '@/lib/db';
import { navFor } from '@/lib/nav';
import { unreadCountFor } from '@/lib/notifications/queries';
import { PortalNav } from './_components/portal-nav';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations();
  const primary = user.grants[0];
  const unread = await unreadCountFor(user);
  const { warnDays } = await passwordSetting(db);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900"
      >
        {t('shell.skipToContent')}
      </a>
      <DemoMark />
      {user.passwordExpiresIn !== null && user.passwordExpiresIn <= warnDays && (
        <div
          className="no-print bg-amber-50 px-3 py-1 text-center text-sm text-amber-900"
          role="status"
          data-testid="password-expiring"
        >
          <Link href="/change-password" className="underline">
            {t('shell.passwordExpiring', { days: Math.max(0, user.passwordExpiresIn) })}
          </Link>
        </div>
      )}
      <PortalNav
        groups={navFor(user).map((g) => ({
          key: g.key,
          label: t(`navGroups.${g.key}`),
          items: g.items.map((i) => ({ href: i.href, label: t(`nav.${i.key}`) })),
        }))}
        userName={user.name}
        bell={{
          count: unread,
          label: t('notifications.bell'),
          unread: t('notifications.unread', { count: unread }),
        }}
        roleLine={primary ? `${t(`roles.${primary.role}`)} · ${primary.orgName}` : t('shell.noRole')}
      />
      <ClientLinks id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-3 py-4 sm:px-6 sm:py-6">
        {children}
      </ClientLinks>
    </div>
  );
}
