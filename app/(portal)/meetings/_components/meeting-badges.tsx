import type { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';

/**
 * Draft or submitted, valid or not, back-filled: the state of a record in a word or three. Synchronous, with the
 * page's `meetings` translator (an async component in each row of a list is a render task and a chunk of its own).
 */
export function MeetingBadges({
  meeting,
  t,
}: {
  meeting: { status: string; valid: boolean | null; backfillReason: string | null };
  t: Awaited<ReturnType<typeof getTranslations<'meetings'>>>;
}) {
  return (
    <span className="flex flex-wrap gap-1">
      <Badge tone={meeting.status === 'SUBMITTED' ? 'green' : undefined}>
        {t(`statuses.${meeting.status}`)}
      </Badge>
      {meeting.valid === false && <Badge tone="red">{t('invalid')}</Badge>}
      {meeting.backfillReason && <Badge tone="amber">{t('backfilled')}</Badge>}
    </span>
  );
}
