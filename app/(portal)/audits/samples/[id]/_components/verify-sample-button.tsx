'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CallButton } from '@/components/ui/call-button';
import { useAction } from '@/components/use-action';
import { verifySampleAction } from '@/lib/audits/actions';

/** Re-runs the working paper's draw from its stored population and seed, and says whether it is the same. */
export function VerifySampleButton({ sampleId }: { sampleId: string }) {
  const t = useTranslations('audits.samples');
  const [r, setR] = useState<{ same: boolean; units: number; records: number }>();
  const verify = useAction(verifySampleAction, { onSuccess: (d) => setR(d) });
  return (
    <CallButton
      label={t('verify')}
      testId="verify-sample"
      pending={verify.pending}
      onClick={() => {
        setR(undefined);
        void verify.run({ sampleId });
      }}
      done={r?.same ? t('verified', { units: r.units, records: r.records }) : undefined}
      doneTestId="verify-sample-result"
      error={r ? (r.same ? undefined : t('mismatch')) : verify.error}
    />
  );
}
