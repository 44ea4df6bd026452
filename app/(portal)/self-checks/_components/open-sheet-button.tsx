'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { openSheetAction } from '@/lib/self-check/actions';

export function OpenSheetButton({ orgId, periodKey }: { orgId: string; periodKey: string }) {
  const t = useTranslations('selfCheck');
  const router = useRouter();
  const openSheet = useAction(openSheetAction, { onSuccess: (d) => router.push(`/self-checks/${d.id}`) });
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        disabled={openSheet.pending}
        onClick={() => void openSheet.run({ orgId, periodKey })}
      >
        {t('open')}
      </Button>
      <FormError message={openSheet.error} />
    </>
  );
}
