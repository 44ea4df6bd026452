import { getTranslations } from 'next-intl/server';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('offline');

/**
 * Shown by the service worker (public/sw.js) when a page cannot be reached. Kept by the worker when it installs, so
 * it has no personal data and needs no sign-in.
 */
export default async function OfflinePage() {
  const t = await getTranslations('offline');
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-5 py-10">
      {/* eslint-disable-next-line @next/next/no-img-element -- a cached file, shown offline */}
      <img src="/icons/icon-192.png" alt="" width={56} height={56} className="rounded-2xl" />
      <h1 className="text-xl font-semibold" data-testid="offline-title">
        {t('title')}
      </h1>
      <p className="text-stone-700">{t('body')}</p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
        <li>{t('audits')}</li>
        <li>{t('meetings')}</li>
      </ul>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load: offline, no client router */}
      <a
        href="/"
        className="inline-flex min-h-11 items-center justify-center rounded-md bg-red-700 px-4 text-sm font-medium text-white"
      >
        {t('retry')}
      </a>
    </main>
  );
}
