import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { ChangePasswordForm } from './_components/change-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('changePassword'))('title') };
}

export default async function ChangePasswordPage() {
  const user = await requireUser({ allowPasswordChange: true });
  return <ChangePasswordForm forced={user.mustChangePassword} name={user.name} />;
}
