'use client';
import { SubmitButton } from '@/components/form-submit';
import { startRegistration } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import {
  confirmTotpAction,
  passkeyRegistrationOptionsAction,
  registerPasskeyAction,
  startTotpAction,
} from '@/lib/account/factor-actions';
import { RecoveryCodes } from './recovery-codes';

/**
 * Setting up a second factor: the authenticator app (QR code, or the key typed in, then a first code) or a passkey
 * (the browser's own dialog). After the first factor, the ten recovery codes are shown once.
 * `then`: where to go once done ('/' at the sign-in's enrolment step; refresh on the security page).
 */
export function EnrolFactor({ then, allowTotp = true }: { then: 'home' | 'refresh'; allowTotp?: boolean }) {
  const t = useTranslations('factors');
  const router = useRouter();
  const [totp, setTotp] = useState<{ secret: string; qr: string } | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [passkeyError, setPasskeyError] = useState<string>();
  const done = (recovery: string[] | null) => {
    if (recovery) return setCodes(recovery);
    finish();
  };
  const finish = () => {
    setCodes(null);
    setTotp(null);
    setCode('');
    if (then === 'home') router.replace('/');
    else router.refresh();
  };
  const start = useAction(startTotpAction, { onSuccess: (d) => setTotp({ secret: d.secret, qr: d.qr }) });
  const confirm = useAction(confirmTotpAction, { onSuccess: (d) => done(d.recoveryCodes) });
  const options = useAction(passkeyRegistrationOptionsAction);
  const register = useAction(registerPasskeyAction, { onSuccess: (d) => done(d.recoveryCodes) });

  const addPasskey = async () => {
    setPasskeyError(undefined);
    const o = await options.run({});
    if (!o?.ok) return;
    try {
      const response = await startRegistration(o.data);
      await register.run({ response: response as never });
    } catch (e) {
      // The browser's refusal (cancelled, timed out, not allowed here) is for the console; the person gets a retry.
      console.warn('[passkey]', e instanceof Error ? `${e.name}: ${e.message}` : e);
      setPasskeyError(t('passkeyCancelled'));
    }
  };

  if (codes) return <RecoveryCodes codes={codes} onDone={finish} />;
  return (
    <div className="space-y-5" data-testid="enrol-factor">
      {allowTotp && (
        <section className="space-y-3">
          <h3 className="text-sm font-semibold">{t('totp.title')}</h3>
          {!totp ? (
            <>
              <p className="text-sm text-stone-600">{t('totp.intro')}</p>
              <Button
                type="button"
                variant="secondary"
                disabled={start.pending}
                onClick={() => void start.run({})}
                data-testid="start-totp"
              >
                {t('totp.start')}
              </Button>
              <FormError message={start.error} />
            </>
          ) : (
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                void confirm.run({ code });
              }}
            >
              <p className="text-sm text-stone-600">{t('totp.scan')}</p>
              {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
              <img src={totp.qr} alt={t('totp.qrAlt')} width={200} height={200} className="mx-auto" />
              <p className="text-xs text-stone-600">
                {t('totp.manual')}{' '}
                <code className="break-all font-mono text-sm" data-testid="totp-secret">
                  {totp.secret}
                </code>
              </p>
              <Field
                label={t('totp.code')}
                htmlFor="totp-code"
                error={confirm.fieldErrors.code && confirm.error}
              >
                <Input
                  id="totp-code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={8}
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  required
                />
              </Field>
              {!confirm.fieldErrors.code && <FormError message={confirm.error} />}
              <SubmitButton pending={confirm.pending} className="w-full">
                {t('totp.confirm')}
              </SubmitButton>
            </form>
          )}
        </section>
      )}
      <section className="space-y-3 border-t border-stone-100 pt-4">
        <h3 className="text-sm font-semibold">{t('passkey.title')}</h3>
        <p className="text-sm text-stone-600">{t('passkey.intro')}</p>
        <Button
          type="button"
          variant="secondary"
          disabled={options.pending || register.pending}
          onClick={() => void addPasskey()}
          data-testid="add-passkey"
        >
          {t('passkey.add')}
        </Button>
        <FormError message={passkeyError ?? options.error ?? register.error} />
      </section>
    </div>
  );
}
