'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { LocaleSwitch } from '@/components/locale-switch';
import { logoutAction } from '@/lib/account/actions';

type Item = { href: string; label: string };

type Bell = { count: number; label: string; unread: string };

export function PortalNav({
  items,
  userName,
  roleLine,
  bell,
}: {
  items: Item[];
  userName: string;
  roleLine: string;
  bell: Bell;
}) {
  const t = useTranslations('shell');
  const app = useTranslations('app');
  const path = usePathname();
  const [open, setOpen] = useState(false);
  const active = (href: string) =>
    href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  return (
    <header className="no-print border-b border-brand-800 bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-3 sm:px-6">
        <Link href="/" className="flex min-h-14 items-center gap-2 font-semibold">
          <span className="rounded bg-white px-1.5 py-0.5 text-sm text-brand-700">五标</span>
          <span className="hidden sm:inline md:hidden xl:inline">{app('name')}</span>
        </Link>
        <nav aria-label={t('mainNav')} className="hidden flex-1 md:block" data-testid="main-nav">
          <ul className="flex flex-wrap gap-0.5">
            {items.map((i) => (
              <li key={i.href}>
                <Link
                  href={i.href}
                  className={`block whitespace-nowrap rounded px-2 py-2 text-sm ${active(i.href) ? 'bg-brand-800' : 'hover:bg-brand-600'}`}
                >
                  {i.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Link
          href="/notifications"
          className="flex min-h-11 shrink-0 items-center rounded px-2 text-sm hover:bg-brand-600"
          data-testid="bell"
          aria-label={`${bell.label}（${bell.unread}）`}
        >
          <svg aria-hidden viewBox="0 0 24 24" className="inline size-5 fill-none stroke-current stroke-2">
            <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          </svg>
          {bell.count > 0 && (
            <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs" data-testid="bell-count">
              {bell.count > 99 ? '99+' : bell.count}
            </span>
          )}
        </Link>
        <div className="hidden items-center gap-2 text-sm md:flex">
          <div className="text-right leading-tight">
            <div data-testid="user-name" className="whitespace-nowrap">
              {userName}
            </div>
            <div className="hidden text-xs text-brand-100 xl:block">{roleLine}</div>
          </div>
          <Link
            href="/change-password"
            className="min-h-11 content-center whitespace-nowrap rounded px-2 hover:bg-brand-600"
          >
            {t('changePassword')}
          </Link>
          <LocaleSwitch className="hover:bg-brand-600" />
          <form action={logoutAction}>
            <button type="submit" className="min-h-11 whitespace-nowrap rounded px-2 hover:bg-brand-600">
              {t('logout')}
            </button>
          </form>
        </div>
        <button
          type="button"
          className="min-h-11 rounded px-3 md:hidden"
          aria-expanded={open}
          aria-controls="mobile-nav"
          onClick={() => setOpen(!open)}
        >
          {open ? t('closeMenu') : t('menu')}
        </button>
      </div>
      {open && (
        <div
          id="mobile-nav"
          className="border-t border-brand-800 px-3 pb-3 md:hidden"
          data-testid="mobile-nav"
        >
          <div className="py-2 text-sm">
            <div>{userName}</div>
            <div className="text-xs text-brand-100">{roleLine}</div>
          </div>
          <ul>
            {items.map((i) => (
              <li key={i.href}>
                <Link
                  href={i.href}
                  onClick={() => setOpen(false)}
                  className="block min-h-11 content-center rounded px-2"
                >
                  {i.label}
                </Link>
              </li>
            ))}
            <li>
              <Link href="/change-password" className="block min-h-11 content-center rounded px-2">
                {t('changePassword')}
              </Link>
            </li>
          </ul>
          <div className="flex gap-2">
            <LocaleSwitch />
            <form action={logoutAction}>
              <button type="submit" className="min-h-11 px-3">
                {t('logout')}
              </button>
            </form>
          </div>
        </div>
      )}
    </header>
  );
}
