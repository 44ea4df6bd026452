'use client';
import { useTranslations } from 'next-intl';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import type { ActionResult } from '@/lib/action-client';
import { signInAction } from '@/lib/training/actions';

/** A dropped connection (a phone on a weak signal) rejects instead of answering: shown as unexpected. */
const signIn = (input: { sessionId: string; token: string }) =>
  signInAction(input).catch((): ActionResult<never> => ({
    ok: false,
    error: 'errors.unexpected',
    params: { ref: '-' },
  }));

export function SignInButton({ sessionId, token }: { sessionId: string; token: string }) {
  const t = useTranslations('training');
  const sign = useAction(signIn, { refresh: true });
  return (
    <div>
      <Button
        type="button"
        className="min-h-14 w-full text-lg"
        disabled={sign.pending}
        onClick={() => void sign.run({ sessionId, token })}
      >
        {t('signIn')}
      </Button>
      <FormError message={sign.error} />
    </div>
  );
}
