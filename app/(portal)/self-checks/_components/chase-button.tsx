'use client';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { chaseSheetsAction } from '@/lib/self-check/actions';

export function ChaseButton({ periodKey }: { periodKey: string }) {
  const t = useTranslations('selfCheck');
  const tm = useTranslateMessage();
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        data-testid="chase-sheets"
        onClick={() =>
          start(async () => {
            const r = await chaseSheetsAction({ periodKey });
            if (r.ok) {
              setError(undefined);
              setResult(t('chased', r.data));
            } else setError(tm(r.error, r.params));
          })
        }
      >
        {t('chase')}
      </Button>
      {result && (
        <p className="text-sm text-green-700" role="status">
          {result}
        </p>
      )}
      <FormError message={error} />
    </div>
  );
}
