'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { openSheetAction } from '@/lib/self-check/actions';

export function OpenSheetButton({ orgId, periodKey }: { orgId: string; periodKey: string }) {
  const t = useTranslations('selfCheck');
  const tm = useTranslateMessage();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await openSheetAction({ orgId, periodKey });
            if (r.ok) router.push(`/self-checks/${r.data.id}`);
            else setError(tm(r.error, r.params));
          })
        }
      >
        {t('open')}
      </Button>
      <FormError message={error} />
    </>
  );
}
