import { requireUser } from '@/lib/auth/current-user';
import { ChangePasswordForm } from './_components/change-password-form';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('changePassword');

export default async function ChangePasswordPage() {
  const user = await requireUser({ allowPasswordChange: true });
  const expired = user.passwordExpiresIn !== null && user.passwordExpiresIn < 0;
  return <ChangePasswordForm forced={user.mustChangePassword} expired={expired} name={user.name} />;
}
