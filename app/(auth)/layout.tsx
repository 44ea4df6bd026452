import { getTranslations } from 'next-intl/server';
import { DemoMark } from '@/components/demo-mark';
import { LocaleSwitch } from '@/components/locale-switch';

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('app');
  return (
    <>
      <DemoMark />
      <div className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
        <div className="w-full max-w-sm">
          <div className="mb-6 text-center">
            <div className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-full bg-brand-700 text-lg font-bold text-white">
              五标
            </div>
            <h1 className="text-lg font-semibold">{t('title')}</h1>
            <p className="text-sm text-stone-600">{t('tagline')}</p>
          </div>
          {children}
          <div className="mt-4 text-center">
            <LocaleSwitch className="text-stone-600" />
          </div>
        </div>
      </div>
    </>
  );
}
