'use client';
import { NextIntlClientProvider, useLocale, useMessages, useTimeZone } from 'next-intl';
import { useMemo } from 'react';
import { mergeMessages } from '@/lib/i18n/client-messages';

type Messages = Parameters<typeof mergeMessages>[0];

/**
 * A section's messages laid over the ones the root layout sent: the page carries the base once, not once per
 * layout (a nested provider replaces its parent's messages rather than adding to them). It passes on the locale and
 * the time zone; lib/i18n/request.ts sets no `formats` or `now` — one that did would pass them here too, or the
 * sections would render without them.
 */
export function SectionMessages({ messages, children }: { messages: Messages; children: React.ReactNode }) {
  const parent = useMessages() as Messages;
  const locale = useLocale();
  const timeZone = useTimeZone();
  const merged = useMemo(() => mergeMessages(parent, messages), [parent, messages]);
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
