'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { startAttemptAction } from '@/lib/exams/actions';

export function StartButton({ examId, label }: { examId: string; label: string }) {
  const tm = useTranslateMessage();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  useTranslations('exams');
  return (
    <span>
      <Button
        type="button"
        disabled={pending}
        data-testid="start-exam"
        onClick={() =>
          start(async () => {
            const r = await startAttemptAction({ examId });
            if (r.ok) router.push(`/exams/attempts/${r.data.id}`);
            else setError(tm(r.error, r.params) ?? r.error);
          })
        }
      >
        {label}
      </Button>
      <FormError message={error} />
    </span>
  );
}
