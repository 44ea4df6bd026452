import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { PhotoItem } from '@/lib/photos/queries';
import type { PhotoRule } from '@/lib/photos/rules';

const FILE_HREF = {
  TASK: (id: string) => `/api/reminders/evidence/${id}`,
  MEETING: (id: string) => `/api/meetings/files/${id}`,
} as const;

/**
 * Flagged photos of a unit (audit page, self-check review) or of a supervisor's units (督办): what each photo
 * says of itself against the record it is evidence for. Server component; the caller has authorized the read.
 */
export async function PhotoChecks({
  photos: { checked, flagged: total, items, rule },
  caption,
  showUnit = false,
  linkFiles = true,
}: {
  /** What lib/photos/queries.ts found: photos checked, flagged in all, the flagged listed, the rule applied. */
  photos: { checked: number; flagged: number; items: PhotoItem[]; rule: PhotoRule };
  caption?: string;
  showUnit?: boolean;
  /** Whether the viewer may open the files (the routes check again). */
  linkFiles?: boolean;
}) {
  const [t, tm, format] = await Promise.all([
    getTranslations('photos'),
    getTranslations('meetings'),
    getFormatter(),
  ]);
  const time = (d: Date) =>
    format.dateTime(d, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Shanghai',
    });
  const flagged = items.filter((i) => i.flags.length);
  return (
    <Card title={t('title')}>
      <div data-testid="photo-checks" className="space-y-2 text-sm">
        <p className="text-stone-700">
          {t('summary', { checked, flagged: total })}
          {total > flagged.length && <span className="ml-2">{t('firstOnly', { n: flagged.length })}</span>}
          {caption && <span className="ml-2 text-xs text-stone-500">{caption}</span>}
        </p>
        <p className="text-xs text-stone-500">{t('rule', rule)}</p>
        {flagged.length === 0 ? (
          <p className="text-stone-500">{t('none')}</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {flagged.map((p) => (
              <li key={p.id} className="py-2" data-testid="photo-flagged" data-file-name={p.fileName}>
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  {linkFiles && p.opens ? (
                    <a href={FILE_HREF[p.source](p.fileId)} className="font-medium text-brand-700 underline">
                      {p.fileName}
                    </a>
                  ) : (
                    <span className="font-medium">{p.fileName}</span>
                  )}
                  {showUnit && <span className="text-stone-600">{p.orgName}</span>}
                  <span className="text-stone-600">
                    {p.record.type === 'task'
                      ? t('taskRecord', { title: p.record.title, period: p.record.periodKey })
                      : p.record.type === 'meeting'
                        ? `${tm(`kinds.${p.record.meetingKind}`)} ${p.record.topic}`
                        : t('goneRecord')}
                  </span>
                  {p.source === 'MEETING' && p.record.type === 'meeting' && (
                    <Link href={`/meetings/${p.recordId}`} className="text-xs text-brand-700 underline">
                      {t('openRecord')}
                    </Link>
                  )}
                </div>
                <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-stone-500">
                  <span>{t('claimed', { date: p.activityDate })}</span>
                  <span>{p.takenAt ? t('taken', { time: time(p.takenAt) }) : t('noTime')}</span>
                  <span>{t('received', { time: time(p.receivedAt) })}</span>
                </div>
                <ul className="mt-1 space-y-0.5">
                  {p.flags.map((f) => (
                    <li key={f.code} className="text-xs text-red-800" data-testid={`photo-flag-${f.code}`}>
                      {f.code === 'time' &&
                        t(f.days < 0 ? 'flags.timeBefore' : 'flags.timeAfter', { days: Math.abs(f.days) })}
                      {f.code === 'distance' && t('flags.distance', { km: f.km })}
                      {f.code === 'unreadable' && t('flags.unreadable')}
                      {f.code === 'reuse' && (
                        <>
                          {t('flags.reuse')}{' '}
                          {f.uses
                            .map(
                              (u) =>
                                `${u.orgName ?? t('otherUnit')} ${u.activityDate}${
                                  u.same ? t('flags.reuseSame') : t('flags.reuseSimilar')
                                }`,
                            )
                            .join('；')}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
