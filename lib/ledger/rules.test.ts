import { describe, expect, it } from 'vitest';
import {
  emptyFacts,
  factsNeeded,
  paramsFromText,
  paramsToText,
  parseRule,
  runRule,
  type Facts,
} from './rules';

const Q3 = { start: '2026-07-01', end: '2026-09-30' };
const YEAR = { start: '2026-01-01', end: '2026-12-31' };
const member = (id: string, o: Partial<Facts['members'][number]> = {}) => ({
  id,
  name: id,
  hours: 40,
  lapsed: false,
  owedMonths: 0,
  ...o,
});
const meeting = (id: string, kind: string, heldOn: string, o: Partial<Facts['meetings'][number]> = {}) => ({
  id,
  kind,
  heldOn,
  valid: true,
  backfilled: false,
  ...o,
});
const facts = (o: Partial<Facts> = {}): Facts => ({
  ...emptyFacts('2026-11-30', { id: 'o', name: '甲支部', termEnd: null }),
  ...o,
});
const run = (key: string, params: unknown, f: Facts, w = Q3) => runRule(key, params, f, w);

describe('computed rules', () => {
  it('rectificationsOverdue counts 整改 past its deadline in the window unless accepted on time', () => {
    const item = (id: string, deadline: string, accepted: boolean, onTime: boolean | null) => ({
      id,
      problem: `问题${id}`,
      deadline,
      accepted,
      onTime,
    });
    const f = facts({
      today: '2026-10-15',
      rectifications: [
        item('open-late', '2026-08-31', false, null), // not accepted, deadline gone: counts
        item('late-accepted', '2026-09-15', true, false), // accepted after the deadline: counts
        item('on-time', '2026-09-20', true, true),
        item('due-in-q4', '2026-10-31', false, null), // deadline after the window (and not yet come)
        item('earlier', '2026-06-30', false, null), // a deadline of another window
      ],
    });
    const r = run('rectificationsOverdue', {}, f)!;
    expect(r.count).toBe(2);
    expect(r.refs.map((x) => x.id).sort()).toEqual(['late-accepted', 'open-late']);
    expect(r.refs[0]!.type).toBe('rectification');
    expect(factsNeeded([{ ruleKey: 'rectificationsOverdue', ruleParams: {} }])).toEqual(
      new Set(['rectifications']),
    );
  });
  it('meetingsShort counts each missing monthly 支委会; an invalid one does not count as held', () => {
    const f = facts({
      meetings: [
        meeting('m7', 'COMMITTEE', '2026-07-10'),
        meeting('m8', 'COMMITTEE', '2026-08-12', { valid: false }),
        meeting('m9', 'COMMITTEE', '2026-09-03'),
        meeting('t9', 'THEME_DAY', '2026-08-20'),
      ],
    });
    const r = run('meetingsShort', { kind: 'COMMITTEE', per: 'MONTH', min: 1 }, f)!;
    expect(r.count).toBe(1);
    expect(r.refs).toEqual([{ type: 'period', id: '2026-M08', label: '2026-M08: 0/1' }]);
  });
  it('meetingsShort leaves out periods not over yet', () => {
    const f = facts({ today: '2026-08-15', meetings: [meeting('m7', 'COMMITTEE', '2026-07-10')] });
    expect(run('meetingsShort', { kind: 'COMMITTEE', per: 'MONTH', min: 1 }, f)!.count).toBe(0);
  });
  it('a quarterly 党员大会 short by one in a year with three held', () => {
    const f = facts({
      meetings: ['2026-02-10', '2026-05-10', '2026-09-10'].map((d, i) =>
        meeting(`g${i}`, 'GENERAL_ASSEMBLY', d),
      ),
      today: '2027-01-05',
    });
    expect(run('meetingsShort', { kind: 'GENERAL_ASSEMBLY', per: 'QUARTER', min: 1 }, f, YEAR)!.count).toBe(
      1,
    );
  });
  it('invalidMeetings counts the window’s meetings without quorum', () => {
    const f = facts({
      meetings: [
        meeting('a', 'GENERAL_ASSEMBLY', '2026-08-01', { valid: false }),
        meeting('b', 'GENERAL_ASSEMBLY', '2026-05-01', { valid: false }),
      ],
    });
    expect(run('invalidMeetings', {}, f)).toEqual({
      count: 1,
      refs: [{ type: 'meeting', id: 'a', label: '2026-08-01' }],
    });
  });
  it('lapsed members, 党费 arrears and 发展 date problems count people', () => {
    const f = facts({
      members: [member('a', { lapsed: true }), member('b', { owedMonths: 2 }), member('d')],
      pipeline: [
        { id: 'c', name: 'c', problems: ['talkLate'] },
        { id: 'e', name: 'e', problems: [] },
      ],
    });
    expect(run('lapsedMembers', {}, f)!.count).toBe(1);
    expect(run('duesArrears', {}, f)!.refs.map((r) => r.id)).toEqual(['b']);
    expect(run('developmentDates', {}, f)!.count).toBe(1);
  });
  it('studyHoursShort takes the window’s share of the 32 学时: 8 for a quarter', () => {
    const f = facts({ members: [member('a', { hours: 7.5 }), member('b', { hours: 8 })] });
    expect(run('studyHoursShort', {}, f)!.refs.map((r) => r.id)).toEqual(['a']);
    expect(run('studyHoursShort', { hours: 32 }, f, YEAR)!.count).toBe(2);
    // In November, ten months of the year are over: 26.7 学时 asked so far.
    const nov = facts({ members: [member('a', { hours: 26 }), member('b', { hours: 27 })] });
    expect(run('studyHoursShort', {}, nov, YEAR)!.refs.map((r) => r.id)).toEqual(['a']);
  });
  it('termOverdue, transfersOverdue, tasksOverdue and backfillFlags', () => {
    const f = facts({
      org: { id: 'o', name: '甲支部', termEnd: '2026-08-31' },
      transfers: [
        { id: 't1', name: '张三', validUntil: '2026-09-01', received: false },
        { id: 't2', name: '李四', validUntil: '2026-09-01', received: true },
      ],
      tasks: [
        {
          id: 'k1',
          code: 'A-04-1',
          article: 4,
          periodKey: '2026-M08',
          dueDate: '2026-08-31',
          open: true,
          backfillFlag: null,
        },
        {
          id: 'k2',
          code: 'A-04-1',
          article: 4,
          periodKey: '2026-M09',
          dueDate: '2026-09-30',
          open: false,
          backfillFlag: 'LAG',
        },
        {
          id: 'k3',
          code: 'A-12-1',
          article: 12,
          periodKey: '2026-M09',
          dueDate: '2026-09-30',
          open: true,
          backfillFlag: null,
        },
      ],
      meetings: [meeting('m', 'THEME_DAY', '2026-07-05', { backfilled: true })],
    });
    expect(run('termOverdue', {}, f)!.count).toBe(1);
    expect(run('transfersOverdue', {}, f)!.refs.map((r) => r.id)).toEqual(['t1']);
    expect(run('tasksOverdue', { article: 4 }, f)!.refs.map((r) => r.id)).toEqual(['k1']);
    expect(run('backfillFlags', {}, f)!.count).toBe(2);
  });
});

describe('rule parameters', () => {
  it('are checked against the rule: unknown rules, unknown or missing parameters are refused', () => {
    expect(parseRule('meetingsShort', { kind: 'COMMITTEE', per: 'MONTH', min: '1' })).toMatchObject({
      ok: true,
      params: { min: 1 },
    });
    expect(parseRule('nope', {})).toEqual({ ok: false, error: 'ledger.errors.unknownRule' });
    expect(parseRule('meetingsShort', { kind: 'COMMITTEE', per: 'WEEK', min: 1 })).toEqual({
      ok: false,
      error: 'ledger.errors.badParams',
    });
    expect(parseRule('lapsedMembers', { extra: 1 })).toMatchObject({ ok: false });
    expect(runRule('nope', {}, facts(), Q3)).toBeNull();
  });
  it('read and write as people type them', () => {
    const p = paramsFromText('kind=COMMITTEE；per = MONTH; min=1');
    expect(p).toEqual({ kind: 'COMMITTEE', per: 'MONTH', min: '1' });
    expect(paramsToText({ kind: 'COMMITTEE', min: 1 })).toBe('kind=COMMITTEE; min=1');
  });
});

describe('factsNeeded', () => {
  it('names only what the criteria read; an unknown rule reads nothing', () => {
    expect([
      ...factsNeeded([{ ruleKey: 'meetingsShort', ruleParams: { kind: 'COMMITTEE', per: 'MONTH', min: 1 } }]),
    ]).toEqual(['meetings']);
    expect(
      [
        ...factsNeeded([
          { ruleKey: 'backfillFlags', ruleParams: {} },
          { ruleKey: 'duesArrears', ruleParams: {} },
        ]),
      ].sort(),
    ).toEqual(['meetings', 'members', 'tasks']);
    expect([
      ...factsNeeded([
        { ruleKey: 'termOverdue', ruleParams: {} },
        { ruleKey: 'nope', ruleParams: {} },
      ]),
    ]).toEqual([]);
  });
});
