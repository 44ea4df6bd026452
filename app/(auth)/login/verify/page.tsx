import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { VerifyFactor } from '@/components/factors/verify';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { SignOutLink } from '@/components/factors/sign-out-link';
import { ownFactors } from '@/lib/account/factors';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('factors', 'verify.title');

/** After the password, for a person with a second factor: nothing of the portal is reachable before it. */
export default async function VerifyPage() {
  const user = await requireUser({ allowFactor: 'verify' });
  if (user.factorOwed !== 'verify') redirect('/');
  const [f, t] = await Promise.all([ownFactors(db, user), getTranslations('factors')]);
  return (
    <div className="space-y-3">
      <p className="text-center text-sm text-stone-700">{t('signedInAs', { name: user.name })}</p>
      <VerifyFactor hasTotp={!!f.totp} hasPasskey={f.passkeys.length > 0} />
      <SignOutLink />
    </div>
  );
}
