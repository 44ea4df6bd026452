'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { loginAction, type LoginState } from '@/lib/account/actions';

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations('login');
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {});
  return (
    <form
      action={action}
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm"
      data-testid="login-form"
    >
      <h2 className="text-base font-semibold">{t('title')}</h2>
      {state.error && (
        <div
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          data-testid="login-error"
        >
          {t(`error.${state.error}`)}
        </div>
      )}
      <input type="hidden" name="next" value={next} />
      <InputField
        id="username"
        label={t('username')}
        name="username"
        autoComplete="username"
        required
        maxLength={64}
        defaultValue={state.username}
        autoCapitalize="none"
      />
      <InputField
        id="password"
        label={t('password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={256}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
      <p className="text-xs text-stone-500">{t('hint')}</p>
    </form>
  );
}
