import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { BASE_NAMESPACES, pickMessages, SECTION_NAMESPACES } from '@/lib/i18n/client-messages';
import { SectionMessages } from './section-messages';

/**
 * The messages the client components need, and no others (lib/i18n/client-messages.ts): the root layout sends
 * the base, a section's layout only what its section adds.
 */
export async function ClientMessages({ section, children }: { section?: string; children: React.ReactNode }) {
  const all = (await getMessages()) as Parameters<typeof pickMessages>[0];
  if (section)
    return (
      <SectionMessages messages={pickMessages(all, SECTION_NAMESPACES[section] ?? [])}>
        {children}
      </SectionMessages>
    );
  return (
    <NextIntlClientProvider messages={pickMessages(all, BASE_NAMESPACES)}>{children}</NextIntlClientProvider>
  );
}
