'use client';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { verifyDrawAction } from '@/lib/audits/actions';

export function VerifyDrawButton({ planId }: { planId: string }) {
  const t = useTranslations('audits');
  const tm = useTranslateMessage();
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        data-testid="verify-draw"
        onClick={() =>
          start(async () => {
            const r = await verifyDrawAction({ planId });
            if (!r.ok) setResult({ ok: false, text: tm(r.error, r.params) ?? r.error });
            else
              setResult({
                ok: r.data.same,
                text: r.data.same ? t('verified', { count: r.data.sample.length }) : t('verifyMismatch'),
              });
          })
        }
      >
        {t('verify')}
      </Button>
      {result &&
        (result.ok ? (
          <p className="text-sm text-green-700" role="status" data-testid="verify-result">
            {result.text}
          </p>
        ) : (
          <FormError message={result.text} />
        ))}
    </div>
  );
}
