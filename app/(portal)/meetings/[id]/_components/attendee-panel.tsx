'use client';
import { Options } from '@/components/ui/options';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Select, SelectField } from '@/components/ui/field';
import {
  ATTENDANCE_STATUSES,
  expectedPeople,
  type AttendanceStatus,
  type AttendeeInput,
  type MeetingKind,
  REVIEW_RATINGS,
} from '@/lib/meetings/rules';
import type { EditorPerson } from './meeting-editor';

/**
 * Who was there, ticked from the roster: the members who should attend first (a tap marks one present), then
 * the unit's other people, who may attend without counting (列席). 谈心谈话 names one counterpart instead.
 */
export function AttendeePanel({
  kind,
  roster,
  hostId,
  attendees,
  error,
  onChange,
}: {
  kind: MeetingKind;
  roster: EditorPerson[];
  hostId: string;
  attendees: AttendeeInput[];
  error?: string;
  onChange: (a: AttendeeInput[]) => void;
}) {
  const t = useTranslations('meetings');
  const tp = useTranslations('people');
  const byId = new Map(attendees.map((a) => [a.personId, a]));
  if (kind === 'HEART_TALK')
    return (
      <Card title={t('talkWith')}>
        <SelectField
          id="counterpart"
          label={t('fields.counterpart')}
          value={attendees[0]?.personId ?? ''}
          error={error}
          onChange={(e) => onChange(e.target.value ? [{ personId: e.target.value, status: 'PRESENT' }] : [])}
        >
          <Options items={roster.filter((p) => p.id !== hostId)} label={(p) => p.name} empty={t('choose')} />
        </SelectField>
      </Card>
    );
  const expected = expectedPeople(kind, roster);
  const expectedIds = new Set(expected.map((p) => p.id));
  const others = roster.filter((p) => !expectedIds.has(p.id));
  const patch = (personId: string, change: Partial<AttendeeInput> | null) => {
    const rest = attendees.filter((a) => a.personId !== personId);
    if (change === null) return onChange(rest);
    const current = byId.get(personId) ?? { personId, status: 'ABSENT' as AttendanceStatus };
    onChange([...rest, { ...current, ...change }]);
  };
  const present = expected.filter((p) => byId.get(p.id)?.status === 'PRESENT').length;
  const row = (p: EditorPerson, counted: boolean) => {
    const a = byId.get(p.id);
    const here = a?.status === 'PRESENT';
    return (
      <li key={p.id} className="py-2" data-testid={`attendee-${p.name}`}>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex min-h-11 flex-1 items-center gap-3">
            <input
              type="checkbox"
              className="h-6 w-6 shrink-0"
              checked={here}
              aria-label={t('presentLabel', { name: p.name })}
              onChange={(e) =>
                counted || e.target.checked
                  ? patch(p.id, { status: e.target.checked ? 'PRESENT' : 'ABSENT', reason: undefined })
                  : patch(p.id, null)
              }
            />
            <span className="font-medium">{p.name}</span>
            <span className="text-xs text-stone-500">
              {p.status ? tp(`statuses.${p.status}`) : ''}
              {p.posts.length > 0 && ` · ${p.posts.map((x) => tp(`posts.${x}`)).join('、')}`}
            </span>
          </label>
          {kind === 'DEMOCRATIC_REVIEW' && here && counted && (
            <Select
              aria-label={t('ratingOf', { name: p.name })}
              value={a?.rating ?? ''}
              className="w-32"
              onChange={(e) =>
                patch(p.id, { rating: (e.target.value || undefined) as AttendeeInput['rating'] })
              }
            >
              <Options items={REVIEW_RATINGS} label={(r) => t(`ratings.${r}`)} empty={t('rating')} />
            </Select>
          )}
        </div>
        {counted && !here && (
          <div className="mt-1 grid grid-cols-[8rem_1fr] gap-2 pl-9">
            <Select
              aria-label={t('absenceOf', { name: p.name })}
              value={a?.status ?? 'ABSENT'}
              onChange={(e) => patch(p.id, { status: e.target.value as AttendanceStatus })}
            >
              <Options
                items={ATTENDANCE_STATUSES.filter((s) => s !== 'PRESENT')}
                label={(s) => t(`attendance.statuses.${s}`)}
              />
            </Select>
            <Input
              aria-label={t('reasonOf', { name: p.name })}
              placeholder={t('reason')}
              value={a?.reason ?? ''}
              maxLength={200}
              onChange={(e) => patch(p.id, { reason: e.target.value })}
            />
          </div>
        )}
      </li>
    );
  };
  return (
    <Card title={t('attendees')}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-stone-700" data-testid="present-count">
          {t('presentOf', { present, expected: expected.length })}
        </p>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            onChange([
              ...attendees.filter((a) => !expectedIds.has(a.personId)),
              ...expected.map((p) => ({ personId: p.id, status: 'PRESENT' as const })),
            ])
          }
        >
          {t('allPresent')}
        </Button>
      </div>
      {error && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {expected.length === 0 ? (
        <p className="text-sm text-stone-600">{t('nobodyExpected')}</p>
      ) : (
        <ul className="divide-y divide-stone-100">{expected.map((p) => row(p, true))}</ul>
      )}
      {others.length > 0 && (
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer py-2 text-sm text-brand-700">
            {t('others', { count: others.length })}
          </summary>
          <ul className="divide-y divide-stone-100">{others.map((p) => row(p, false))}</ul>
        </details>
      )}
    </Card>
  );
}
