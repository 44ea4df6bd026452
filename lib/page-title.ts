import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/** A page's title from its messages, in the reader's language: `export const generateMetadata = pageTitle('meetings')`. */
export const pageTitle =
  (namespace: string, key = 'title') =>
  async (): Promise<Metadata> => ({ title: (await getTranslations(namespace))(key as never) });
