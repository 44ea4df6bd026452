'use client';

import { useRouter } from 'next/navigation';
import { useRef, type ComponentProps, type MouseEvent } from 'react';

type Target = { target: EventTarget | null; currentTarget: Element };

/** A plain link of this app's pages (not a file from /api/, not another tab, not a place on this page). */
function pageLink(e: Target): HTMLAnchorElement | null {
  const a = e.target instanceof Element ? e.target.closest('a') : null;
  if (!a || !e.currentTarget.contains(a) || a.hasAttribute('download')) return null;
  if ((a.target && a.target !== '_self') || a.getAttribute('href')?.startsWith('#')) return null;
  if (a.origin !== window.location.origin || a.pathname.startsWith('/api/')) return null;
  if (a.hash && a.pathname === window.location.pathname && a.search === window.location.search) return null;
  return a;
}

/**
 * The portal's main area. Links written as HTML (a list's rows, `compact` in lib/static-markup.ts) navigate
 * inside the app as next/link's do: a click moves without reloading the page, and a pointer or focus on a link
 * fetches its page ahead. A click next/link has handled, or with a modifier (new tab, new window), is left alone.
 */
export function ClientLinks(props: ComponentProps<'main'>) {
  const router = useRouter();
  const onClick = (e: MouseEvent<HTMLElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = pageLink(e);
    if (!a) return;
    e.preventDefault();
    router.push(a.pathname + a.search + a.hash);
  };
  const last = useRef('');
  const ahead = (e: Target) => {
    const a = pageLink(e);
    const href = a ? a.pathname + a.search : '';
    if (!a || href === last.current) return;
    last.current = href;
    router.prefetch(href);
  };
  return <main {...props} onClick={onClick} onMouseOver={ahead} onFocus={ahead} />;
}
