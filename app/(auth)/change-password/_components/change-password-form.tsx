'use client';
import { SubmitButton } from '@/components/form-submit';
import { ActionForm } from '@/components/action-form';
import { PasswordField } from '@/components/ui/field';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { changePasswordAction } from '@/lib/account/actions';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';

const schemas = lazySchemas(() => import('@/lib/users/schema'));

export function ChangePasswordForm({
  forced,
  expired = false,
  name,
}: {
  forced: boolean;
  expired?: boolean;
  name: string;
}) {
  const t = useTranslations('changePassword');
  const router = useRouter();
  const { submit, formError, field, busy } = useActionForm(schemas.ZChangePassword, changePasswordAction, {
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
    refresh: true,
    onSuccess: () => router.push('/'),
  });
  return (
    <ActionForm
      submit={submit}
      error={formError}
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm"
      heading={
        <>
          <h2 className="text-base font-semibold">{t('title')}</h2>
          <p className="text-sm text-stone-600">
            {expired ? t('expired', { name }) : forced ? t('forced', { name }) : t('intro')}
          </p>
        </>
      }
    >
      <PasswordField
        id="currentPassword"
        label={t('current')}
        autoComplete="current-password"
        {...field('currentPassword')}
      />
      <PasswordField
        id="newPassword"
        label={t('new')}
        hint={t('policy')}
        autoComplete="new-password"
        {...field('newPassword')}
      />
      <PasswordField id="confirm" label={t('confirm')} autoComplete="new-password" {...field('confirm')} />
      <SubmitButton className="w-full" pending={busy}>
        {t('submit')}
      </SubmitButton>
    </ActionForm>
  );
}
