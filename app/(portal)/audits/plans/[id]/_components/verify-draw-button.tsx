'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CallButton } from '@/components/ui/call-button';
import { useAction } from '@/components/use-action';
import { verifyDrawAction } from '@/lib/audits/actions';

export function VerifyDrawButton({ planId }: { planId: string }) {
  const t = useTranslations('audits');
  const [drawn, setDrawn] = useState<{ same: boolean; count: number }>();
  const verify = useAction(verifyDrawAction, {
    onSuccess: (d) => setDrawn({ same: d.same, count: d.sample.length }),
  });
  return (
    <CallButton
      label={t('verify')}
      testId="verify-draw"
      pending={verify.pending}
      onClick={() => {
        setDrawn(undefined);
        void verify.run({ planId });
      }}
      done={drawn?.same ? t('verified', { count: drawn.count }) : undefined}
      doneTestId="verify-result"
      error={drawn ? (drawn.same ? undefined : t('verifyMismatch')) : verify.error}
    />
  );
}
