'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { verifyDrawAction } from '@/lib/audits/actions';

export function VerifyDrawButton({ planId }: { planId: string }) {
  const t = useTranslations('audits');
  const [drawn, setDrawn] = useState<{ same: boolean; count: number }>();
  const verify = useAction(verifyDrawAction, {
    onSuccess: (d) => setDrawn({ same: d.same, count: d.sample.length }),
  });
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="secondary"
        disabled={verify.pending}
        data-testid="verify-draw"
        onClick={() => {
          setDrawn(undefined);
          void verify.run({ planId });
        }}
      >
        {t('verify')}
      </Button>
      {drawn?.same ? (
        <p className="text-sm text-green-700" role="status" data-testid="verify-result">
          {t('verified', { count: drawn.count })}
        </p>
      ) : (
        <FormError message={drawn ? t('verifyMismatch') : verify.error} />
      )}
    </div>
  );
}
