import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { BASE_NAMESPACES, pickMessages, SECTION_NAMESPACES } from '@/lib/i18n/client-messages';

/** The messages a section's client components need, and no others (lib/i18n/client-messages.ts). */
export async function ClientMessages({ section, children }: { section?: string; children: React.ReactNode }) {
  const all = (await getMessages()) as Parameters<typeof pickMessages>[0];
  const namespaces = [...BASE_NAMESPACES, ...(section ? (SECTION_NAMESPACES[section] ?? []) : [])];
  return <NextIntlClientProvider messages={pickMessages(all, namespaces)}>{children}</NextIntlClientProvider>;
}
