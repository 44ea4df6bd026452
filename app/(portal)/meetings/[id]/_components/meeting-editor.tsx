'use client';
import { Options } from '@/components/ui/options';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { InputField, NumberField, SelectField, TextareaField } from '@/components/ui/field';
import { useAction, useRefusalTexts } from '@/components/use-action';
import { saveMeetingAction, submitMeetingAction } from '@/lib/meetings/actions';
import { checkMeeting, type MeetingKind, type RosterPerson, VOTING_KINDS } from '@/lib/meetings/rules';
import type { TSaveMeeting } from '@/lib/meetings/schema';
import { AttendeePanel } from './attendee-panel';
import { ResolutionPanel } from './resolution-panel';
import { useLocalDraft } from './use-local-draft';
import { ValidityPanel } from './validity-panel';

export type EditorPerson = RosterPerson & { name: string };

type TextKey =
  | 'heldOn'
  | 'startTime'
  | 'place'
  | 'hostId'
  | 'lecturerId'
  | 'lecturerName'
  | 'studyHours'
  | 'topic'
  | 'agenda'
  | 'minutes'
  | 'backfillReason';

// No answer from the server (no signal): the copy on this device stays, and the refusal says so.
const OFFLINE = { ok: false as const, error: 'meetings.offline' };
const saveOrKeep = (input: TSaveMeeting) => saveMeetingAction(input).catch(() => OFFLINE);
const submitOrKeep = (input: TSaveMeeting) => submitMeetingAction(input).catch(() => OFFLINE);

/**
 * The record as the clerk fills it in, on a phone or at a desk: every change is kept on the device at once
 * (nothing lost on reload or without signal), validity is worked out as people are ticked, and the server
 * gets it on 保存 or 提交.
 */
export function MeetingEditor({
  kind,
  initial,
  roster,
  today,
}: {
  kind: MeetingKind;
  initial: TSaveMeeting;
  roster: EditorPerson[];
  today: string;
}) {
  const t = useTranslations('meetings');
  const router = useRouter();
  const draft = useLocalDraft(`meeting:${initial.id}`, initial.lockVersion, initial);
  // The roster shown is of the day the record was saved with; another day is checked against its own on save.
  const initialDay = initial.heldOn;
  const m = draft.value;
  const set = <K extends keyof TSaveMeeting>(k: K, v: TSaveMeeting[K]) =>
    draft.update((d) => ({ ...d, [k]: v }));
  const [saved, setSaved] = useState<string>();
  const done = (key: string) => () => {
    draft.clear();
    setSaved(t(key));
    router.refresh();
  };
  const save = useAction(saveOrKeep, { onSuccess: done('savedDraft') });
  const submit = useAction(submitOrKeep, { onSuccess: done('submittedNow') });
  const refused = useRefusalTexts(submit.error ? submit : save);
  const send = (call: typeof save) => {
    setSaved(undefined);
    save.reset();
    submit.reset();
    void call.run(m);
  };
  const check = useMemo(
    () =>
      checkMeeting({
        kind,
        isElection: !!m.isElection,
        heldOn: m.heldOn,
        attendees: m.attendees,
        roster,
        votes: m.resolutions.map((r) => ({
          votesFor: Number(r.votesFor) || 0,
          votesAgainst: Number(r.votesAgainst) || 0,
          votesAbstain: Number(r.votesAbstain) || 0,
        })),
      }),
    [kind, m, roster],
  );
  const people = roster.filter((p) => p.member || p.inGroup);
  /** A text field's id, label, value and refusal, and how it changes the record. */
  const bind = (k: TextKey, label?: string) => ({
    id: k,
    label: label ?? t(`fields.${k}`),
    value: String(m[k] ?? ''),
    error: refused[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      set(k, e.target.value as never),
  });
  const pending = save.pending || submit.pending;
  return (
    <div className="space-y-4" data-testid="meeting-editor">
      {draft.older && (
        <div
          role="status"
          className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="older-copy"
        >
          <p>{t('olderCopy')}</p>
          <div className="flex gap-2">
            <Button type="button" variant="secondary" onClick={draft.takeOlder}>
              {t('takeOlder')}
            </Button>
            <Button type="button" variant="secondary" onClick={draft.dropOlder}>
              {t('dropOlder')}
            </Button>
          </div>
        </div>
      )}
      {m.heldOn !== initialDay && (
        <p className="text-sm text-stone-600" data-testid="date-changed">
          {t('dateChanged')}
        </p>
      )}
      {draft.restored && (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="restored">
          {t('restored')}
        </p>
      )}
      <Card title={t('basics')}>
        <div className="grid gap-3 sm:grid-cols-2">
          <InputField {...bind('heldOn')} type="date" max={today} />
          <InputField {...bind('startTime')} type="time" />
          <InputField {...bind('place')} />
          <SelectField {...bind('hostId', kind === 'HEART_TALK' ? t('fields.talker') : t('fields.host'))}>
            <Options items={people} label={(p) => p.name} empty={t('choose')} />
          </SelectField>
          {kind === 'PARTY_LECTURE' && (
            <>
              <SelectField {...bind('lecturerId', t('fields.lecturer'))} hint={t('lecturerHint')}>
                <Options items={people} label={(p) => p.name} empty={t('lecturerOutside')} />
              </SelectField>
              {!m.lecturerId && <InputField {...bind('lecturerName')} />}
            </>
          )}
          <NumberField
            {...bind('studyHours')}
            step="0.5"
            min={0}
            max={16}
            hint={t('studyHoursHint')}
            value={String(m.studyHours ?? 0)}
          />
          {kind === 'GENERAL_ASSEMBLY' && (
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="h-5 w-5"
                checked={!!m.isElection}
                onChange={(e) => set('isElection', e.target.checked)}
              />
              {t('fields.isElection')}
            </label>
          )}
        </div>
        <div className="mt-3 space-y-3">
          <InputField {...bind('topic')} />
          <TextareaField {...bind('agenda')} rows={3} />
        </div>
      </Card>
      <AttendeePanel
        kind={kind}
        roster={roster}
        hostId={m.hostId ?? ''}
        attendees={m.attendees}
        error={refused.attendees}
        onChange={(a) => set('attendees', a)}
      />
      <ValidityPanel check={check} kind={kind} roster={roster} />
      {VOTING_KINDS.includes(kind) && (
        <ResolutionPanel
          resolutions={m.resolutions}
          passed={check.passed}
          error={refused.resolutions}
          onChange={(r) => set('resolutions', r)}
        />
      )}
      <Card title={t('fields.minutes')}>
        <TextareaField {...bind('minutes', t('minutesLabel'))} rows={8} />
      </Card>
      <Card title={t('backfillTitle')}>
        <TextareaField {...bind('backfillReason')} rows={2} hint={t('backfillHint')} />
      </Card>
      <div className="sticky bottom-0 z-10 space-y-2 rounded-lg border border-stone-200 bg-white/95 p-3 sm:static sm:border-0 sm:bg-transparent sm:p-0">
        <FormError message={refused._form} />
        {saved && (
          <p role="status" className="text-sm text-green-800">
            {saved}
          </p>
        )}
        <div className="flex gap-2">
          <Button type="button" variant="secondary" disabled={pending} onClick={() => send(save)}>
            {t('saveDraft')}
          </Button>
          <Button
            type="button"
            disabled={pending}
            onClick={() => {
              if (window.confirm(check.valid ? t('confirmSubmit') : t('confirmSubmitInvalid'))) send(submit);
            }}
          >
            {t('submit')}
          </Button>
        </div>
      </div>
    </div>
  );
}
