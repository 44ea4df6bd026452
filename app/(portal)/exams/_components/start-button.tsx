'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { startAttemptAction } from '@/lib/exams/actions';

export function StartButton({ examId, label }: { examId: string; label: string }) {
  const router = useRouter();
  const startAttempt = useAction(startAttemptAction, {
    onSuccess: (d) => router.push(`/exams/attempts/${d.id}`),
  });
  useTranslations('exams');
  return (
    <span>
      <Button
        type="button"
        disabled={startAttempt.pending}
        data-testid="start-exam"
        onClick={() => void startAttempt.run({ examId })}
      >
        {label}
      </Button>
      <FormError message={startAttempt.error} />
    </span>
  );
}
