import { ClientMessages } from '@/components/client-messages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages section="self-checks/[id]">{children}</ClientMessages>;
}
