import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';

type V = { id: string; label: string; status: string; effectiveDate: Date | null };

/** Which version the page shows; a warning when it is not the one in force. */
export async function VersionBanner({ version }: { version: V }) {
  const t = await getTranslations('handbook');
  const format = await getFormatter();
  if (version.status === 'PUBLISHED') {
    return (
      <p className="text-sm text-stone-600" data-testid="version-label">
        {t('inForce', {
          label: version.label,
          date: version.effectiveDate
            ? format.dateTime(version.effectiveDate, { dateStyle: 'long', timeZone: 'UTC' })
            : '—',
        })}
      </p>
    );
  }
  return (
    <p
      className={`rounded-md px-3 py-2 text-sm ${version.status === 'DRAFT' ? 'bg-amber-50 text-amber-900' : 'bg-stone-100 text-stone-700'}`}
      data-testid="version-label"
    >
      {version.status === 'DRAFT'
        ? t('viewingDraft', { label: version.label })
        : t('viewingOld', { label: version.label })}{' '}
      <Link href="/handbook" className="underline">
        {t('backToCurrent')}
      </Link>
    </p>
  );
}

export const withVersion = (path: string, v: V) =>
  v.status === 'PUBLISHED' ? path : `${path}${path.includes('?') ? '&' : '?'}v=${v.id}`;
