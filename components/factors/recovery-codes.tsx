'use client';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** The ten recovery codes, shown once: to write down or print, each good for one sign-in without the phone. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations('factors');
  return (
    <div className="space-y-3" data-testid="recovery-codes">
      <h3 className="text-sm font-semibold">{t('recovery.title')}</h3>
      <p className="text-sm text-stone-700">{t('recovery.intro')}</p>
      <ol className="grid grid-cols-2 gap-2 rounded-md border border-stone-200 bg-stone-50 p-3 font-mono text-sm">
        {codes.map((c) => (
          <li key={c} data-testid="recovery-code">
            {c}
          </li>
        ))}
      </ol>
      <Button type="button" className="w-full" onClick={onDone} data-testid="recovery-saved">
        {t('recovery.saved')}
      </Button>
    </div>
  );
}
