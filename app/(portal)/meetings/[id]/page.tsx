import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card, PageHeader, ListCard } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/current-user';
import { DAY } from '@/lib/calendar';
import { meetingFor } from '@/lib/meetings/queries';
import type { MeetingKind, Problem } from '@/lib/meetings/rules';
import { load } from '@/lib/page-guard';
import { pageParams } from '@/lib/route-params';
import { MeetingBadges } from '../_components/meeting-badges';
import { ProblemList } from '../_components/problem-list';
import { FilesPanel } from './_components/files-panel';
import { MakeupForm } from './_components/makeup-form';
import { MeetingEditor } from './_components/meeting-editor';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('meetings');

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  // meetingFor asks policy: the unit's readers, or an audit team on the unit.
  const user = await requireUser();
  const { id } = await pageParams(params);
  const [t, tp, format, m] = await Promise.all([
    getTranslations('meetings'),
    getTranslations('people'),
    getFormatter(),
    load(() => meetingFor(user, id)),
  ]);
  const kind = m.kind as MeetingKind;
  const title = `${m.org.name} · ${t(`kinds.${kind}`)} · ${format.dateTime(m.heldOn, DAY)}`;
  const header = (
    <PageHeader
      title={title}
      description={<MeetingBadges meeting={m} t={t} />}
      actions={
        <Link href={`/meetings?orgId=${m.org.id}`} className="text-sm text-brand-700 hover:underline">
          {t('backToList')}
        </Link>
      }
    />
  );
  if (m.editable)
    return (
      <div className="space-y-4">
        {header}
        <MeetingEditor
          key={m.lockVersion}
          kind={kind}
          today={m.today}
          roster={m.roster}
          initial={{
            id: m.id,
            lockVersion: m.lockVersion,
            heldOn: day(m.heldOn),
            startTime: m.startTime ?? '',
            place: m.place,
            hostId: m.hostId ?? '',
            lecturerId: m.lecturerId ?? '',
            lecturerName: m.lecturerName ?? '',
            topic: m.topic,
            agenda: m.agenda,
            minutes: m.minutes,
            isElection: m.isElection,
            studyHours: m.studyHours,
            backfillReason: m.backfillReason ?? '',
            attendees: m.attendees.map((a) => ({
              personId: a.personId,
              status: a.status,
              reason: a.reason ?? undefined,
              rating: a.rating ?? undefined,
            })),
            resolutions: m.resolutions.map((r) => ({
              text: r.text,
              votesFor: r.votesFor,
              votesAgainst: r.votesAgainst,
              votesAbstain: r.votesAbstain,
            })),
          }}
        />
        <FilesPanel meetingId={m.id} files={m.files} />
      </div>
    );
  const made = new Map(m.makeups.map((x) => [x.personId, x]));
  const absent = m.attendees.filter((a) => a.status !== 'PRESENT');
  const present = m.attendees.filter((a) => a.status === 'PRESENT');
  return (
    <div className="space-y-4">
      {header}
      <section
        data-testid="validity"
        className={`rounded-lg border p-4 text-sm ${m.valid === false ? 'border-red-200 bg-red-50' : 'border-green-200 bg-green-50'}`}
      >
        <p className="font-medium">{m.valid === false ? t('invalidKept') : t('validKept')}</p>
        <ProblemList problems={m.problems as Problem[]} />
        {m.tasks.map((task) => (
          <p key={task.id} className="mt-1">
            {t('completedTask', { code: task.action.code, title: task.action.title, period: task.periodKey })}
          </p>
        ))}
        {m.backfillReason && <p className="mt-1">{t('backfillShown', { reason: m.backfillReason })}</p>}
      </section>
      <Card title={t('basics')}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          {[
            [t('fields.place'), m.place || '—'],
            [t('fields.startTime'), m.startTime || '—'],
            [kind === 'HEART_TALK' ? t('fields.talker') : t('fields.host'), m.host?.name ?? '—'],
            ...(kind === 'PARTY_LECTURE'
              ? [[t('fields.lecturer'), m.lecturer?.name ?? m.lecturerName ?? '—']]
              : []),
            [t('fields.studyHours'), String(m.studyHours)],
            [t('fields.topic'), m.topic || '—'],
          ].map(([k, v]) => (
            <div key={k} className="flex gap-2">
              <dt className="shrink-0 text-stone-500">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        {m.agenda && <p className="mt-3 whitespace-pre-wrap text-sm">{m.agenda}</p>}
      </Card>
      <Card title={t('attendeesOf', { present: present.length, total: m.attendees.length })}>
        <Table
          testId="attendees"
          framed={false}
          rows={m.attendees}
          rowKey={(a) => a.personId}
          empty={t('nobodyExpected')}
          columns={[
            { key: 'name', header: t('fields.name'), cell: (a) => a.person.name },
            {
              key: 'status',
              header: t('fields.attendance'),
              cell: (a) =>
                `${t(`attendance.statuses.${a.status}`)}${a.reason ? `（${a.reason}）` : ''}${a.voting ? '' : ` · ${tp(`statuses.${a.person.status ?? 'NONE'}`)}`}`,
            },
            ...(kind === 'DEMOCRATIC_REVIEW'
              ? [
                  {
                    key: 'rating',
                    header: t('rating'),
                    cell: (a: (typeof m.attendees)[number]) => (a.rating ? t(`ratings.${a.rating}`) : '—'),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {m.resolutions.length > 0 && (
        <Card title={t('resolutions')}>
          <ol className="space-y-2 text-sm">
            {m.resolutions.map((r) => (
              <li key={r.id}>
                {r.seq}. {r.text} —{' '}
                {t('votes', { for: r.votesFor, against: r.votesAgainst, abstain: r.votesAbstain })}{' '}
                <strong>{r.passed ? t('passed') : t('notPassed')}</strong>
              </li>
            ))}
          </ol>
        </Card>
      )}
      {m.minutes && (
        <Card title={t('fields.minutes')}>
          <p className="whitespace-pre-wrap text-sm">{m.minutes}</p>
        </Card>
      )}
      <ListCard
        title={t('files')}
        items={m.files}
        empty={t('noFiles')}
        testId="meeting-files"
        className="space-y-1 text-sm"
        item={(f) => (
          <li key={f.id}>
            <a href={`/api/meetings/files/${f.id}`} className="text-brand-700 hover:underline">
              {f.fileName}
            </a>
          </li>
        )}
      />
      {m.status === 'SUBMITTED' && absent.length > 0 && (
        <Card title={t('makeupTitle')}>
          <ul className="divide-y divide-stone-100 text-sm" data-testid="makeups">
            {absent.map((a) => {
              const done = made.get(a.personId);
              return (
                <li key={a.personId} className="py-2">
                  <span className="font-medium">{a.person.name}</span>{' '}
                  {done ? (
                    t('makeupDone', {
                      on: format.dateTime(done.studiedOn, DAY),
                      method: done.method,
                      hours: done.hours,
                    })
                  ) : m.canMakeup ? (
                    <MakeupForm
                      meetingId={m.id}
                      personId={a.personId}
                      name={a.person.name}
                      heldOn={day(m.heldOn)}
                      today={m.today}
                    />
                  ) : (
                    t('makeupOwed')
                  )}
                </li>
              );
            })}
          </ul>
        </Card>
      )}
    </div>
  );
}
