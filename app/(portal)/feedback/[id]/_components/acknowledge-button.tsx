'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { acknowledgeSheetAction } from '@/lib/feedback/actions';

export function AcknowledgeButton({ sheetId }: { sheetId: string }) {
  const t = useTranslations('feedback');
  const router = useRouter();
  const acknowledge = useAction(acknowledgeSheetAction);
  return (
    <Button
      type="button"
      disabled={acknowledge.pending}
      data-testid="acknowledge"
      onClick={() =>
        // Refreshed whatever the answer: a refusal (say, already acknowledged) shows the sheet as it now is.
        void acknowledge.run({ sheetId }).then((r) => {
          if (r) router.refresh();
        })
      }
    >
      {t('acknowledge')}
    </Button>
  );
}
