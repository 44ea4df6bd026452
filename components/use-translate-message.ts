'use client';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { parseMsg } from '@/lib/i18n/message';

/**
 * Turns a message key from zod or an action ("key|{params}") into text in the page's language.
 * The function keeps its identity between renders, so effects and callbacks may depend on it.
 */
export function useTranslateMessage() {
  const t = useTranslations();
  return useCallback(
    (m: string | undefined, extra?: Record<string, string | number>) => {
      if (!m) return undefined;
      const { key, params } = parseMsg(m);
      const all = { ...params, ...extra };
      return t.has(key) ? t(key, all) : t('errors.unexpected', { ref: '-' });
    },
    [t],
  );
}
