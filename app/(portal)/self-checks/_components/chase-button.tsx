'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { chaseSheetsAction } from '@/lib/self-check/actions';

export function ChaseButton({ periodKey }: { periodKey: string }) {
  const t = useTranslations('selfCheck');
  const [result, setResult] = useState<string>();
  const chase = useAction(chaseSheetsAction, { onSuccess: (data) => setResult(t('chased', data)) });
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant="secondary"
        disabled={chase.pending}
        data-testid="chase-sheets"
        onClick={() => void chase.run({ periodKey })}
      >
        {t('chase')}
      </Button>
      {result && (
        <p className="text-sm text-green-700" role="status">
          {result}
        </p>
      )}
      <FormError message={chase.error} />
    </div>
  );
}
