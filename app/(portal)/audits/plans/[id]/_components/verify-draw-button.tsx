'use client';
import { useTranslations } from 'next-intl';
import { VerifyButton } from '@/components/verify-button';
import { verifyDrawAction } from '@/lib/audits/actions';

export function VerifyDrawButton({ planId }: { planId: string }) {
  const t = useTranslations('audits');
  return (
    <VerifyButton
      action={verifyDrawAction}
      input={{ planId }}
      label={t('verify')}
      done={(d) => t('verified', { count: d.sample.length })}
      mismatch={t('verifyMismatch')}
      testId="verify-draw"
    />
  );
}
