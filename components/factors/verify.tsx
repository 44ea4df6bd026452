'use client';
import { SubmitButton } from '@/components/form-submit';
import { startAuthentication } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import {
  passkeyAuthenticationOptionsAction,
  verifyCodeAction,
  verifyPasskeyAction,
} from '@/lib/account/factor-actions';

/** The step after the password: a code from the app, a passkey, or (phone lost) a recovery code. */
export function VerifyFactor({ hasTotp, hasPasskey }: { hasTotp: boolean; hasPasskey: boolean }) {
  const t = useTranslations('factors');
  const router = useRouter();
  const [method, setMethod] = useState<'totp' | 'recovery'>(hasTotp ? 'totp' : 'recovery');
  const [code, setCode] = useState('');
  const [passkeyError, setPasskeyError] = useState<string>();
  const through = () => router.replace('/');
  const verify = useAction(verifyCodeAction, { onSuccess: through });
  const options = useAction(passkeyAuthenticationOptionsAction);
  const passkey = useAction(verifyPasskeyAction, { onSuccess: through });
  const signWithPasskey = async () => {
    setPasskeyError(undefined);
    const o = await options.run({});
    if (!o?.ok) return;
    try {
      const response = await startAuthentication(o.data);
      await passkey.run({ response: response as never });
    } catch (e) {
      // The browser's refusal (cancelled, timed out, not allowed here) is for the console; the person gets a retry.
      console.warn('[passkey]', e instanceof Error ? `${e.name}: ${e.message}` : e);
      setPasskeyError(t('passkeyCancelled'));
    }
  };
  return (
    <div
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm"
      data-testid="verify-factor"
    >
      <h2 className="text-base font-semibold">{t('verify.title')}</h2>
      <p className="text-sm text-stone-600">{t('verify.intro')}</p>
      {hasPasskey && (
        <>
          <Button
            type="button"
            className="w-full"
            disabled={options.pending || passkey.pending}
            onClick={() => void signWithPasskey()}
            data-testid="use-passkey"
          >
            {t('verify.passkey')}
          </Button>
          <FormError message={passkeyError ?? options.error ?? passkey.error} />
        </>
      )}
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void verify.run({ method, code });
        }}
      >
        <Field
          label={method === 'totp' ? t('verify.totpCode') : t('verify.recoveryCode')}
          htmlFor="factor-code"
          error={verify.error}
        >
          <Input
            id="factor-code"
            inputMode={method === 'totp' ? 'numeric' : 'text'}
            autoComplete="one-time-code"
            autoCapitalize="characters"
            maxLength={16}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
          />
        </Field>
        <SubmitButton
          variant={hasPasskey ? 'secondary' : 'primary'}
          className="w-full"
          pending={verify.pending}
        >
          {t('verify.submit')}
        </SubmitButton>
      </form>
      {hasTotp && (
        <button
          type="button"
          className="text-sm text-brand-700 underline"
          onClick={() => {
            setMethod(method === 'totp' ? 'recovery' : 'totp');
            setCode('');
            verify.reset();
          }}
          data-testid="switch-method"
        >
          {method === 'totp' ? t('verify.useRecovery') : t('verify.useTotp')}
        </button>
      )}
    </div>
  );
}
