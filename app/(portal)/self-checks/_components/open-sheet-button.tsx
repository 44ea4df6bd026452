'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormError } from '@/components/form-error';
import { RunButton } from '@/components/ui/item-row';
import { useAction } from '@/components/use-action';
import { openSheetAction } from '@/lib/self-check/actions';

export function OpenSheetButton({ orgId, periodKey }: { orgId: string; periodKey: string }) {
  const t = useTranslations('selfCheck');
  const router = useRouter();
  const openSheet = useAction(openSheetAction, { onSuccess: (d) => router.push(`/self-checks/${d.id}`) });
  return (
    <>
      <RunButton action={openSheet} input={{ orgId, periodKey }}>
        {t('open')}
      </RunButton>
      <FormError message={openSheet.error} />
    </>
  );
}
