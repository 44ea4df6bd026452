import { getTranslations } from 'next-intl/server';
import { oidcSignInAction } from '@/lib/account/actions';
import type { Provider } from '@/lib/auth/company/config';

const button =
  'flex min-h-11 w-full items-center justify-center rounded-md border border-stone-300 bg-white px-4 text-sm ' +
  'font-medium text-stone-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 ' +
  'focus-visible:outline-red-700';

/** The company sign-ins this deployment has connected, under the password form (none: nothing shown). */
export async function CompanySignIn({
  providers,
  next,
  oidcName,
}: {
  providers: Provider[];
  next: string;
  oidcName: string | null;
}) {
  if (!providers.length) return null;
  const t = await getTranslations('login.company');
  const name = (p: Provider) => (p === 'oidc' && oidcName ? oidcName : t(`providers.${p}`));
  return (
    <section
      className="mt-4 space-y-2 rounded-lg border border-stone-200 bg-white p-5 shadow-sm"
      aria-labelledby="company-sign-in"
      data-testid="company-sign-in"
    >
      <h2 id="company-sign-in" className="text-sm font-medium text-stone-600">
        {t('or')}
      </h2>
      {providers.map((p) =>
        p === 'oidc' ? (
          <form key={p} action={oidcSignInAction}>
            <input type="hidden" name="next" value={next} />
            <button type="submit" className={button} data-testid="sign-in-oidc">
              {t('signInWith', { provider: name(p) })}
            </button>
          </form>
        ) : (
          <a
            key={p}
            href={`/api/sso/${p}/start?${new URLSearchParams({ next })}`}
            className={button}
            data-testid={`sign-in-${p}`}
          >
            {p === 'wecom' ? t('qr') : t('signInWith', { provider: name(p) })}
          </a>
        ),
      )}
    </section>
  );
}
