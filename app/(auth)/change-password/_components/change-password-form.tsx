'use client';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { PasswordField } from '@/components/ui/field';
import { useActionForm } from '@/components/use-action-form';
import { changePasswordAction } from '@/lib/account/actions';
import { ZChangePassword } from '@/lib/users/schema';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';

export function ChangePasswordForm({ forced, name }: { forced: boolean; name: string }) {
  const t = useTranslations('changePassword');
  const router = useRouter();
  const { form, submit, formError, errorOf, busy } = useActionForm(ZChangePassword, changePasswordAction, {
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
    onSuccess: () => {
      router.push('/');
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm"
      noValidate
    >
      <h2 className="text-base font-semibold">{t('title')}</h2>
      <p className="text-sm text-stone-600">{forced ? t('forced', { name }) : t('intro')}</p>
      <FormError message={formError} />
      <PasswordField
        id="currentPassword"
        label={t('current')}
        error={errorOf('currentPassword')}
        autoComplete="current-password"
        {...form.register('currentPassword')}
      />
      <PasswordField
        id="newPassword"
        label={t('new')}
        error={errorOf('newPassword')}
        hint={t('policy')}
        autoComplete="new-password"
        {...form.register('newPassword')}
      />
      <PasswordField
        id="confirm"
        label={t('confirm')}
        error={errorOf('confirm')}
        autoComplete="new-password"
        {...form.register('confirm')}
      />
      <Button type="submit" className="w-full" disabled={busy}>
        {t('submit')}
      </Button>
    </form>
  );
}
