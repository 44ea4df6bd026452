import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { isDemoDatabase } from '@/lib/demo';

/** A thin strip on every page of a demo database, so invented records are never taken for real ones. */
export async function DemoMark() {
  if (!(await isDemoDatabase(db))) return null;
  const t = await getTranslations('shell');
  return (
    <div
      className="bg-amber-100 px-3 py-0.5 text-center text-xs text-amber-900"
      role="note"
      data-testid="demo-mark"
    >
      {t('demoMark')}
    </div>
  );
}
