import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { EnrolFactor } from '@/components/factors/enrol';
import { requireUser } from '@/lib/auth/current-user';
import { SignOutLink } from '@/components/factors/sign-out-link';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('factors', 'enrol.title');

/** After the password, for a person who must have a second factor and has none yet: set one up first. */
export default async function EnrolPage() {
  const user = await requireUser({ allowFactor: 'enrol' });
  if (user.factorOwed !== 'enrol') redirect('/');
  const t = await getTranslations('factors');
  return (
    <div className="space-y-3">
      <div className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 className="text-base font-semibold">{t('enrol.title')}</h2>
        <p className="text-sm text-stone-600">{t('enrol.intro', { name: user.name })}</p>
        <EnrolFactor then="home" />
      </div>
      <SignOutLink />
    </div>
  );
}
