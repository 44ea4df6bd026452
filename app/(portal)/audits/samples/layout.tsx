import { ClientMessages } from '@/components/client-messages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages section="audits/samples">{children}</ClientMessages>;
}
