import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/current-user';
import { configuredProviders, oidcConfig } from '@/lib/auth/company/config';
import { inAppProvider, safeNext } from '@/lib/auth/company/flow';
import { LoginForm } from './_components/login-form';
import { CompanySignIn } from './_components/company-sign-in';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('login');

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string; password?: string }>;
}) {
  if (await getSessionUser()) redirect('/');
  const sp = await searchParams;
  const next = safeNext(typeof sp.next === 'string' ? sp.next : '/');
  // next-auth sends a refused OIDC sign-in back here with its error type: the company sign-in page explains it.
  if (typeof sp.error === 'string')
    redirect(`/login/company?${new URLSearchParams({ provider: 'oidc', error: sp.error })}`);
  const providers = configuredProviders();
  // Inside the WeCom, DingTalk or Feishu client, its own sign-in needs no click (unless the person chose a password).
  const inApp = inAppProvider((await headers()).get('user-agent'));
  if (inApp && providers.includes(inApp) && sp.password !== '1')
    redirect(`/api/sso/${inApp}/start?${new URLSearchParams({ next })}`);
  return (
    <>
      <LoginForm next={next} />
      <CompanySignIn providers={providers} next={next} oidcName={oidcConfig()?.name ?? null} />
    </>
  );
}
