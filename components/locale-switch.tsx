'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { setLocaleAction } from '@/lib/account/actions';

export function LocaleSwitch({ className = '' }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations('shell');
  const router = useRouter();
  const [pending, start] = useTransition();
  const other = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      data-testid="locale-switch"
      disabled={pending}
      className={`min-h-11 rounded-md px-3 text-sm underline-offset-2 hover:underline ${className}`}
      onClick={() =>
        start(async () => {
          await setLocaleAction(other);
          router.refresh();
        })
      }
    >
      {t('switchTo')}
    </button>
  );
}
