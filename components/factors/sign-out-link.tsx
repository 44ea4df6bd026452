import { getTranslations } from 'next-intl/server';
import { logoutAction } from '@/lib/account/actions';

/** "退出登录" under a sign-in step (the second factor), for someone who would rather not go on. */
export async function SignOutLink() {
  const t = await getTranslations('factors');
  return (
    <form action={logoutAction} className="text-center">
      <button type="submit" className="text-sm text-stone-600 underline">
        {t('cancel')}
      </button>
    </form>
  );
}
