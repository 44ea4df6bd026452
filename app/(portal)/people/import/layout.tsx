import { ClientMessages } from '@/components/client-messages';

/** An import's words: the keys its rows were refused with may be any namespace's errors. */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages section="people/import">{children}</ClientMessages>;
}
