'use client';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { parseMsg } from '@/lib/i18n/message';

/** A message key, possibly with its parameters ("key|{json}"); words (an action's refusal in words) never are. */
const KEY = /^[a-zA-Z]+(\.[a-zA-Z0-9]+)+(\|.*)?$/;

/**
 * Turns a message key from zod or an action ("key|{params}") into text in the page's language; words the server
 * already gave (lib/action-client.ts `wordFailure`) pass as they are. The function keeps its identity between
 * renders, so effects and callbacks may depend on it.
 */
export function useTranslateMessage() {
  const t = useTranslations();
  return useCallback(
    (m: string | undefined, extra?: Record<string, string | number>) => {
      if (!m) return undefined;
      if (!KEY.test(m)) return m;
      const { key, params } = parseMsg(m);
      const all = { ...params, ...extra };
      return t.has(key) ? t(key, all) : t('errors.unexpected', { ref: '-' });
    },
    [t],
  );
}
