'use client';
import { useTranslations } from 'next-intl';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { rejectionAsUnexpected, useAction } from '@/components/use-action';
import { signInAction } from '@/lib/training/actions';

const signIn = rejectionAsUnexpected(signInAction);

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
