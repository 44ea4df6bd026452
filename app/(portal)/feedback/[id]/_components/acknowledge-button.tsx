'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { acknowledgeSheetAction } from '@/lib/feedback/actions';

export function AcknowledgeButton({ sheetId }: { sheetId: string }) {
  const t = useTranslations('feedback');
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      disabled={pending}
      data-testid="acknowledge"
      onClick={() =>
        start(async () => {
          await acknowledgeSheetAction({ sheetId });
          router.refresh();
        })
      }
    >
      {t('acknowledge')}
    </Button>
  );
}
