import { AnchorButton, LinkButton } from '@/components/ui/button';
import { getTranslations } from 'next-intl/server';
import { companyPolicy, isProvider, oidcConfig } from '@/lib/auth/company/config';
import { FAILURES, type CompanyFailure } from '@/lib/auth/company/link';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('login');

/** next-auth's own error types for an OIDC sign-in it refused, in the words of our refusals. */
const NEXT_AUTH: Record<string, CompanyFailure> = {
  InvalidCheck: 'state',
  OAuthCallbackError: 'provider',
  CallbackRouteError: 'provider',
  OAuthSignInError: 'unavailable',
  Configuration: 'unavailable',
  AccessDenied: 'denied',
};

/** Why a company sign-in was refused, and what the person can do: try again, use a password, ask the admin. */
export default async function CompanySignInFailed({
  searchParams,
}: {
  searchParams: Promise<{ provider?: string; error?: string }>;
}) {
  const sp = await searchParams;
  const t = await getTranslations('login.company');
  const provider = typeof sp.provider === 'string' && isProvider(sp.provider) ? sp.provider : 'oidc';
  const raw = typeof sp.error === 'string' ? sp.error : '';
  const reason: CompanyFailure | 'other' = (FAILURES as readonly string[]).includes(raw)
    ? (raw as CompanyFailure)
    : (NEXT_AUTH[raw] ?? 'other');
  const name = provider === 'oidc' && oidcConfig()?.name ? oidcConfig()!.name! : t(`providers.${provider}`);
  const retry = provider === 'oidc' ? '/login' : `/api/sso/${provider}/start`;
  return (
    <section
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm"
      data-testid="company-failed"
      data-reason={reason}
    >
      <h2 className="text-base font-semibold">{t('title', { provider: name })}</h2>
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {t(`reasons.${reason}`, { provider: name })}
      </p>
      {reason === 'no-match' && companyPolicy().requestOnNoMatch && (
        <p className="text-sm text-stone-700" data-testid="company-requested">
          {t('requested')}
        </p>
      )}
      <div className="flex flex-col gap-2 sm:flex-row">
        <AnchorButton href={retry} variant="primary">
          {t('retry')}
        </AnchorButton>
        <LinkButton href="/login?password=1">{t('password')}</LinkButton>
      </div>
    </section>
  );
}
