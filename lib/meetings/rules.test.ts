import { describe, expect, it } from 'vitest';
import {
  checkMeeting,
  expectedPeople,
  inputError,
  lapsedSince,
  type AttendeeInput,
  type AttendanceStatus,
  type RosterPerson,
} from './rules';

const DAY = '2026-06-15';
const person = (id: string, o: Partial<RosterPerson> = {}): RosterPerson => ({
  id,
  status: 'FULL',
  posts: [],
  member: true,
  inGroup: true,
  ...o,
});
/** Seven 正式党员, two 预备党员, one 群众 working in the unit. */
const ROSTER = [
  ...['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7'].map((id) => person(id)),
  person('p1', { status: 'PROBATIONARY' }),
  person('p2', { status: 'PROBATIONARY' }),
  person('m1', { status: 'MASSES', member: false }),
];
const mark = (statuses: Record<string, AttendanceStatus>): AttendeeInput[] =>
  Object.entries(statuses).map(([personId, status]) => ({ personId, status }));
const present = (...ids: string[]) => mark(Object.fromEntries(ids.map((i) => [i, 'PRESENT' as const])));
const assembly = (attendees: AttendeeInput[], votes: { votesFor: number }[] = [], isElection = false) =>
  checkMeeting({
    kind: 'GENERAL_ASSEMBLY',
    isElection,
    heldOn: DAY,
    attendees,
    roster: ROSTER,
    votes: votes.map((v) => ({ votesAgainst: 0, votesAbstain: 0, ...v })),
  });

describe('支部党员大会 quorum', () => {
  it('needs more than half of the voting members: 4 of 7 is enough, 3 of 7 is not', () => {
    expect(assembly(present('f1', 'f2', 'f3', 'f4')).valid).toBe(true);
    const r = assembly(present('f1', 'f2', 'f3', 'p1', 'p2'));
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual([{ code: 'quorum', params: { present: 3, expected: 7, needed: 4 } }]);
  });
  it('预备党员 are expected but do not count towards the quorum', () => {
    const r = assembly(present('f1', 'f2', 'f3', 'p1', 'p2'));
    expect(r.presentVoters).toBe(3);
    expect(r.makeup).toEqual(['f4', 'f5', 'f6', 'f7']);
  });
  it('members away (外出流动) leave 应到会: 3 of 7 with 2 in transit is 3 of 5, enough', () => {
    const r = assembly([...present('f1', 'f2', 'f3'), ...mark({ f6: 'IN_TRANSIT', f7: 'IN_TRANSIT' })]);
    expect(r).toMatchObject({ valid: true, expectedVoters: 5, presentVoters: 3 });
  });
  it('a member on leave (请假) still counts in 应到会', () => {
    const r = assembly([...present('f1', 'f2', 'f3'), ...mark({ f6: 'LEAVE', f7: 'LEAVE' })]);
    expect(r.valid).toBe(false);
  });
  it('a member made 正式 after the meeting day votes as 预备', () => {
    const roster = ROSTER.map((p) => (p.id === 'f4' ? { ...p, fullOn: '2026-07-01' } : p));
    const r = checkMeeting({
      kind: 'GENERAL_ASSEMBLY',
      isElection: false,
      heldOn: DAY,
      attendees: present('f1', 'f2', 'f3', 'f4'),
      roster,
      votes: [],
    });
    expect(r).toMatchObject({ valid: false, expectedVoters: 6, presentVoters: 3 });
  });
  it('an election needs more than four fifths: 6 of 7 yes, 5 of 7 no', () => {
    expect(assembly(present('f1', 'f2', 'f3', 'f4', 'f5', 'f6'), [], true).valid).toBe(true);
    expect(assembly(present('f1', 'f2', 'f3', 'f4', 'f5'), [], true).problems[0]).toEqual({
      code: 'electionQuorum',
      params: { present: 5, expected: 7, needed: 6 },
    });
  });
  it('four fifths of 15 is 12: 12 present is not more than it, 13 is', () => {
    const roster = Array.from({ length: 15 }, (_, i) => person(`v${i}`));
    const run = (n: number) =>
      checkMeeting({
        kind: 'GENERAL_ASSEMBLY',
        isElection: true,
        heldOn: DAY,
        attendees: present(...roster.slice(0, n).map((p) => p.id)),
        roster,
        votes: [],
      }).valid;
    expect([run(12), run(13)]).toEqual([false, true]);
  });
});

describe('resolutions', () => {
  it('pass with yes votes from more than half of those who should attend, not of those present', () => {
    const r = assembly(present('f1', 'f2', 'f3', 'f4', 'f5'), [{ votesFor: 4 }, { votesFor: 3 }]);
    expect(r.passed).toEqual([true, false]);
  });
  it('fail when the meeting had no quorum, whatever the votes', () => {
    expect(assembly(present('f1', 'f2', 'f3'), [{ votesFor: 3 }]).passed).toEqual([false]);
  });
  it('more votes than voting members present is refused', () => {
    const e = inputError(
      'GENERAL_ASSEMBLY',
      present('f1', 'f2', 'f3', 'p1'),
      ROSTER,
      [{ votesFor: 3, votesAgainst: 1, votesAbstain: 0 }],
      DAY,
    );
    expect(e).toEqual({ key: 'meetings.errors.tooManyVotes', params: { seq: 1, cast: 4, voters: 3 } });
  });
});

describe('支部委员会', () => {
  const committee = [
    person('s', { posts: ['SECRETARY'] }),
    person('d', { posts: ['DEPUTY_SECRETARY'] }),
    person('o', { posts: ['ORGANIZATION'] }),
    person('x', { posts: ['PROPAGANDA'] }),
    person('g', { posts: ['GROUP_LEADER'] }),
  ];
  const run = (...ids: string[]) =>
    checkMeeting({
      kind: 'COMMITTEE',
      isElection: false,
      heldOn: DAY,
      attendees: present(...ids),
      roster: committee,
      votes: [],
    });
  it('expects the committee members only (a 党小组长 is not one)', () =>
    expect(expectedPeople('COMMITTEE', committee).map((p) => p.id)).toEqual(['s', 'd', 'o', 'x']));
  it('needs more than half: 3 of 4 yes, 2 of 4 no', () => {
    expect(run('s', 'd', 'o').valid).toBe(true);
    expect(run('s', 'd', 'g').problems).toEqual([
      { code: 'committeeQuorum', params: { present: 2, expected: 4, needed: 3 } },
    ]);
  });
});

describe('input refused', () => {
  it('a person counted twice', () =>
    expect(inputError('THEME_DAY', [...present('f1'), ...present('f1')], ROSTER, [], DAY)?.key).toBe(
      'meetings.errors.duplicateAttendee',
    ));
  it('an attendee from another unit', () =>
    expect(inputError('THEME_DAY', present('zz'), ROSTER, [], DAY)?.key).toBe(
      'meetings.errors.foreignAttendee',
    ));
  it('votes at a kind that takes none', () =>
    expect(
      inputError('THEME_DAY', present('f1'), ROSTER, [{ votesFor: 1, votesAgainst: 0, votesAbstain: 0 }], DAY)
        ?.key,
    ).toBe('meetings.errors.noVotesForKind'));
  it('a talk with more than one counterpart', () =>
    expect(inputError('HEART_TALK', present('f1', 'f2'), ROSTER, [], DAY)?.key).toBe(
      'meetings.errors.talkPair',
    ));
});

describe('民主评议党员', () => {
  it('marks the record when a present member has no result', () => {
    const r = checkMeeting({
      kind: 'DEMOCRATIC_REVIEW',
      isElection: false,
      heldOn: DAY,
      attendees: [
        { personId: 'f1', status: 'PRESENT', rating: 'EXCELLENT' },
        { personId: 'f2', status: 'PRESENT' },
      ],
      roster: ROSTER,
      votes: [],
    });
    expect(r.problems).toEqual([{ code: 'unrated', params: { count: 1 } }]);
  });
});

describe('six months without organizational life (党章第九条)', () => {
  const today = '2026-11-30';
  it('warns when the last attendance is before the window', () => {
    expect(lapsedSince('2026-05-29', '2020-01-01', today)).toBe(true);
    expect(lapsedSince('2026-05-30', '2020-01-01', today)).toBe(false);
  });
  it('warns a member who never attended, unless admitted inside the window', () => {
    expect(lapsedSince(null, null, today)).toBe(true);
    expect(lapsedSince(null, '2026-07-01', today)).toBe(false);
  });
});
