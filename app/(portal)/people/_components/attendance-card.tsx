import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, Card } from '@/components/ui/card';
import { DAY } from '@/lib/calendar';
import { personAttendance } from '@/lib/meetings/attendance';
import { YEARLY_STUDY_HOURS } from '@/lib/meetings/rules';
import type { Subject } from '@/lib/policy';

/** The person's organizational life this year: meetings by kind, 补学, 学时, and the six-month warning. */
export async function AttendanceCard({
  user,
  person,
  year,
}: {
  user: Subject;
  person: { id: string; org: { id: string; path: string } };
  year: number;
}) {
  const a = await personAttendance(user, person, year);
  if (!a) return null;
  const [t, format] = await Promise.all([getTranslations('meetings'), getFormatter()]);
  const s = a.summary;
  return (
    <Card title={t('attendance.ofPerson', { year })}>
      <div data-testid="person-attendance" className="space-y-3 text-sm">
        {s && (
          <p className="flex flex-wrap items-center gap-2">
            <span>{t('attendance.hoursOf', { hours: s.hours, goal: YEARLY_STUDY_HOURS })}</span>
            <span>
              · {t('attendance.lastAttended')}: {s.lastAttended ?? '—'}
            </span>
            {s.lapsed && <Badge tone="red">{t('attendance.lapsed')}</Badge>}
            {s.makeupOwed > 0 && <Badge tone="amber">{t('attendance.owed', { count: s.makeupOwed })}</Badge>}
          </p>
        )}
        {a.byKind.length === 0 ? (
          <p className="text-stone-600">{t('attendance.noneForPerson')}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {a.byKind.map((k) => (
              <li key={k.kind} className="rounded-md bg-stone-50 px-3 py-1">
                {t(`kinds.${k.kind}`)}{' '}
                {t('attendance.attendedOf', { present: k.present, total: k.present + k.missed })}
              </li>
            ))}
          </ul>
        )}
        {a.makeups.length > 0 && (
          <ul className="space-y-1">
            {a.makeups.map((m) => (
              <li key={m.id}>
                {t('attendance.makeupLine', {
                  on: format.dateTime(m.studiedOn, DAY),
                  hours: m.hours,
                  method: m.method,
                })}{' '}
                <Link href={`/meetings/${m.meeting.id}`} className="text-brand-700 hover:underline">
                  {t(`kinds.${m.meeting.kind}`)} {format.dateTime(m.meeting.heldOn, DAY)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
