'use client';
import { useTranslations } from 'next-intl';
import { VerifyButton } from '@/components/verify-button';
import { verifySampleAction } from '@/lib/audits/actions';

/** Re-runs the working paper's draw from its stored population and seed, and says whether it is the same. */
export function VerifySampleButton({ sampleId }: { sampleId: string }) {
  const t = useTranslations('audits.samples');
  return (
    <VerifyButton
      action={verifySampleAction}
      input={{ sampleId }}
      label={t('verify')}
      done={(d) => t('verified', { units: d.units, records: d.records })}
      mismatch={t('mismatch')}
      testId="verify-sample"
    />
  );
}
