'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { signInAction } from '@/lib/training/actions';

export function SignInButton({ sessionId, token }: { sessionId: string; token: string }) {
  const t = useTranslations('training');
  const tm = useTranslateMessage();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <div>
      <Button
        type="button"
        className="min-h-14 w-full text-lg"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await signInAction({ sessionId, token }).catch(() => ({
              ok: false as const,
              error: 'errors.unexpected',
              params: { ref: '-' },
            }));
            if (r.ok) router.refresh();
            else setError(tm(r.error, r.params) ?? r.error);
          })
        }
      >
        {t('signIn')}
      </Button>
      <FormError message={error} />
    </div>
  );
}
