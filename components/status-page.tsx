import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

const PAGES = {
  forbidden: { code: '403', title: 'forbiddenTitle', body: 'forbiddenBody' },
  notFound: { code: '404', title: 'notFoundTitle', body: 'notFoundBody' },
} as const;

/** The page shown for a refused (403) or unknown (404) address: its code, what it means, a way home. */
export async function StatusPage({ status }: { status: keyof typeof PAGES }) {
  const t = await getTranslations('errorPages');
  const { code, title, body } = PAGES[status];
  return (
    <div className="mx-auto max-w-md px-4 py-16 text-center" data-testid={`page-${code}`}>
      <div className="text-5xl font-bold text-brand-700">{code}</div>
      <h1 className="mt-3 text-lg font-semibold">{t(title)}</h1>
      <p className="mt-2 text-sm text-stone-600">{t(body)}</p>
      <Link
        href="/"
        className="mt-6 inline-block min-h-11 content-center rounded-md bg-brand-700 px-4 text-sm text-white"
      >
        {t('home')}
      </Link>
    </div>
  );
}
