'use client';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

// The server logs the error with this digest; the user quotes it to support. No detail is shown.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations('errorPages');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-md px-4 py-16 text-center" data-testid="page-500">
      <div className="text-5xl font-bold text-brand-700">500</div>
      <h1 className="mt-3 text-lg font-semibold">{t('errorTitle')}</h1>
      <p className="mt-2 text-sm text-stone-600">{t('errorBody')}</p>
      <p className="mt-2 font-mono text-xs text-stone-500">{t('reference', { ref: error.digest ?? '-' })}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 min-h-11 rounded-md bg-brand-700 px-4 text-sm text-white"
      >
        {t('retry')}
      </button>
    </div>
  );
}
