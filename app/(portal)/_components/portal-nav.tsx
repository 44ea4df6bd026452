'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { LocaleSwitch } from '@/components/locale-switch';
import { logoutAction } from '@/lib/account/actions';

/** One's own account pages, beside the name (desk) or at the end of the menu (phone). */
const ACCOUNT_LINKS = [
  ['/change-password', 'changePassword'],
  ['/account/sessions', 'sessions'],
  ['/account/security', 'factors'],
] as const;

type Item = { href: string; label: string };
type Group = { key: string; label: string; items: Item[] };

type Bell = { count: number; label: string; unread: string };

export function PortalNav({
  groups,
  userName,
  roleLine,
  bell,
}: {
  groups: Group[];
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
  // The most specific item wins: on /reminders/supervision only 督办 is current, not 工作提醒 as well.
  const all = groups.flatMap((g) => g.items);
  const current = all.filter((i) => active(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <header className="no-print border-b border-brand-800 bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-3 sm:px-6">
        <Link href="/" className="flex min-h-14 shrink-0 items-center gap-2 whitespace-nowrap font-semibold">
          <span className="rounded bg-white px-1.5 py-0.5 text-sm text-brand-700">五标</span>
          <span className="hidden sm:inline lg:hidden">{app('name')}</span>
        </Link>
        {/* min-w-0 and wrapping: longer labels (English) take a second row instead of widening the page. */}
        <nav aria-label={t('mainNav')} className="hidden min-w-0 flex-1 lg:block" data-testid="main-nav">
          <NavMenus groups={groups} current={current} />
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
        <div className="hidden items-center gap-2 text-sm lg:flex">
          <div className="text-right leading-tight">
            <div data-testid="user-name" className="whitespace-nowrap">
              {userName}
            </div>
            <div className="hidden max-w-56 truncate text-xs text-brand-100 xl:block" title={roleLine}>
              {roleLine}
            </div>
          </div>
          {ACCOUNT_LINKS.map(([href, key]) => (
            <Link
              key={href}
              href={href}
              className="min-h-11 content-center whitespace-nowrap rounded px-2 hover:bg-brand-600"
            >
              {t(key)}
            </Link>
          ))}
          <LocaleSwitch className="hover:bg-brand-600" />
          <LogoutButton label={t('logout')} className="whitespace-nowrap rounded px-2 hover:bg-brand-600" />
        </div>
        <button
          type="button"
          className="min-h-11 rounded px-3 lg:hidden"
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
          className="border-t border-brand-800 px-3 pb-3 lg:hidden"
          data-testid="mobile-nav"
        >
          <div className="py-2 text-sm">
            <div>{userName}</div>
            <div className="text-xs text-brand-100">{roleLine}</div>
          </div>
          <ul>
            {groups.map((g) => (
              <li key={g.key} className="py-1">
                {g.items.length > 1 || !STANDALONE.has(g.key) ? (
                  <div className="px-2 pt-1 text-xs text-brand-100">{g.label}</div>
                ) : null}
                <ul>
                  {g.items.map((i) => (
                    <li key={i.href}>
                      <Link
                        href={i.href}
                        onClick={() => setOpen(false)}
                        aria-current={i.href === current ? 'page' : undefined}
                        className={`block min-h-11 content-center rounded px-2 ${i.href === current ? 'bg-brand-800' : ''}`}
                      >
                        {i.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            {ACCOUNT_LINKS.map(([href, key]) => (
              <li key={href}>
                <Link href={href} className="block min-h-11 content-center rounded px-2">
                  {t(key)}
                </Link>
              </li>
            ))}
          </ul>
          <div className="flex gap-2">
            <LocaleSwitch />
            <LogoutButton label={t('logout')} className="px-3" />
          </div>
        </div>
      )}
    </header>
  );
}

/** Groups that are one page each (the workbench, announcements): a plain link, not a menu. */
const STANDALONE = new Set(['home', 'notices']);

/**
 * One row at a desk: 工作台, the five steps 定标 · 明标 · 对标 · 核标 · 优标 as menus, 通知公告, and 组织与管理.
 * A menu opens on click or Enter and closes on Escape, a click elsewhere, or choosing a page.
 */
function NavMenus({ groups, current }: { groups: Group[]; current?: string }) {
  const [openKey, setOpenKey] = useState<string | null>(null);
  const root = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!openKey) return;
    const away = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpenKey(null);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpenKey(null);
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', esc);
    };
  }, [openKey]);
  const link = (i: Item, extra = '') => (
    <Link
      href={i.href}
      data-nav-item
      aria-current={i.href === current ? 'page' : undefined}
      onClick={() => setOpenKey(null)}
      className={`block whitespace-nowrap rounded px-3 py-2 text-sm ${i.href === current ? 'bg-brand-800' : 'hover:bg-brand-600'} ${extra}`}
    >
      {i.label}
    </Link>
  );
  return (
    <ul ref={root} className="flex flex-wrap items-center gap-0.5">
      {groups.map((g) => {
        if (STANDALONE.has(g.key) && g.items.length === 1) return <li key={g.key}>{link(g.items[0]!)}</li>;
        const isOpen = openKey === g.key;
        const here = g.items.some((i) => i.href === current);
        return (
          <li key={g.key} className="relative">
            <button
              type="button"
              aria-expanded={isOpen}
              aria-controls={`nav-${g.key}`}
              data-nav-group={g.key}
              onClick={() => setOpenKey(isOpen ? null : g.key)}
              className={`flex items-center gap-1 whitespace-nowrap rounded px-3 py-2 text-sm ${here ? 'bg-brand-800' : 'hover:bg-brand-600'}`}
            >
              {g.label}
              <svg aria-hidden viewBox="0 0 20 20" className="size-3 fill-current">
                <path d="M5 7l5 6 5-6z" />
              </svg>
            </button>
            <ul
              id={`nav-${g.key}`}
              hidden={!isOpen}
              className="absolute left-0 top-full z-30 mt-1 min-w-36 rounded-md border border-brand-800 bg-brand-700 p-1 shadow-lg"
            >
              {g.items.map((i) => (
                <li key={i.href}>{link(i)}</li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

/** Signing out is a form (a server action), so it works before the page's JavaScript has loaded. */
function LogoutButton({ label, className }: { label: string; className: string }) {
  return (
    <form action={logoutAction}>
      <button type="submit" className={`min-h-11 ${className}`}>
        {label}
      </button>
    </form>
  );
}
