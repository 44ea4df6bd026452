'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CallButton } from '@/components/ui/call-button';
import { useAction } from '@/components/use-action';
import { chaseSheetsAction } from '@/lib/self-check/actions';

export function ChaseButton({ periodKey }: { periodKey: string }) {
  const t = useTranslations('selfCheck');
  const [result, setResult] = useState<string>();
  const chase = useAction(chaseSheetsAction, { onSuccess: (data) => setResult(t('chased', data)) });
  return (
    <CallButton
      className="space-y-1"
      label={t('chase')}
      testId="chase-sheets"
      pending={chase.pending}
      onClick={() => void chase.run({ periodKey })}
      done={result}
      error={chase.error}
    />
  );
}
