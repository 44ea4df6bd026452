import { z } from 'zod';
import { periodOf } from '../calendar';
import { msg } from '../i18n/message';
import { MEETING_KINDS, YEARLY_STUDY_HOURS } from '../meetings/rules';
import { RULE_KEYS, type RuleKey } from './rule-keys';

export { RULE_KEYS, type RuleKey };

/**
 * The library of computed criteria: each rule counts, from a unit's own records over the audited window, how
 * often it fell short, and names the records behind the count (and what is missing). A criterion of kind
 * COMPUTED names one rule and its parameters; the count is scored like a deduction. Pure: the facts are loaded
 * by lib/ledger/facts.ts.
 */
export type Window = { start: string; end: string };
export type Ref = {
  type: 'meeting' | 'person' | 'task' | 'transfer' | 'org' | 'period' | 'rectification';
  id: string;
  label: string;
};
export type RuleResult = { count: number; refs: Ref[] };

export type Facts = {
  today: string;
  org: { id: string; name: string; termEnd: string | null };
  meetings: {
    id: string;
    kind: string;
    heldOn: string;
    valid: boolean | null;
    backfilled: boolean;
  }[];
  /** 正式 and 预备党员 whose 组织关系 is the unit. */
  members: { id: string; name: string; hours: number; lapsed: boolean; owedMonths: number }[];
  /** People in the 发展党员 procedure (预备党员 included) and the problems of their dates. */
  pipeline: { id: string; name: string; problems: string[] }[];
  transfers: { id: string; name: string; validUntil: string | null; received: boolean }[];
  tasks: {
    id: string;
    code: string;
    article: number;
    periodKey: string;
    dueDate: string;
    open: boolean;
    backfillFlag: string | null;
  }[];
  /** The unit's 整改 items from feedback sheets: the deadline and, once accepted, whether it closed on time. */
  rectifications: {
    id: string;
    problem: string;
    deadline: string;
    accepted: boolean;
    onTime: boolean | null;
  }[];
};

/** A unit's facts before any group is read: every group empty. */
export const emptyFacts = (today: string, org: Facts['org']): Facts => ({
  today,
  org,
  meetings: [],
  members: [],
  pipeline: [],
  transfers: [],
  tasks: [],
  rectifications: [],
});

/** The parts of a unit's facts a rule reads: the loader reads only what the criteria at hand need. */
export type FactGroup = 'meetings' | 'members' | 'pipeline' | 'transfers' | 'tasks' | 'rectifications';

const none = z.object({}).strict();
const PERIODS = ['MONTH', 'QUARTER', 'YEAR'] as const;

/** The last day a record of the window can be counted on: the window's end, or today while it runs. */
const until = (w: Window, today: string) => (w.end < today ? w.end : today);
const within = (day: string, w: Window, today: string) => day >= w.start && day <= until(w, today);

/** The sub-periods of `per` that lie in the window and are over by `today`. */
function periodsIn(per: (typeof PERIODS)[number], w: Window, today: string) {
  const out: { key: string; start: string; end: string }[] = [];
  for (let p = periodOf(per, w.start); p.start <= w.end; p = periodOf(per, nextDay(p.end)))
    if (p.end < today && p.start >= w.start && p.end <= w.end) out.push(p);
  return out;
}
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const LEDGER_RULES = {
  /** Fewer valid meetings of a kind than `min` in each month/quarter/year: one count per missing meeting. */
  meetingsShort: {
    needs: ['meetings'] as FactGroup[],
    params: z
      .object({
        kind: z.enum(MEETING_KINDS, msg('ledger.errors.badKind')),
        per: z.enum(PERIODS, msg('ledger.errors.badPer')),
        min: z.coerce.number().int().min(1).max(31),
      })
      .strict(),
    count(f: Facts, w: Window, p: { kind: string; per: (typeof PERIODS)[number]; min: number }): RuleResult {
      const refs: Ref[] = [];
      let count = 0;
      for (const period of periodsIn(p.per, w, f.today)) {
        const held = f.meetings.filter(
          (m) => m.kind === p.kind && m.valid === true && m.heldOn >= period.start && m.heldOn <= period.end,
        );
        const short = Math.max(0, p.min - held.length);
        count += short;
        if (short)
          refs.push({ type: 'period', id: period.key, label: `${period.key}: ${held.length}/${p.min}` });
      }
      return { count, refs };
    },
  },
  /** Meetings recorded in the window that could not validly decide (no quorum). */
  invalidMeetings: {
    needs: ['meetings'] as FactGroup[],
    params: z.object({ kind: z.enum(MEETING_KINDS).optional() }).strict(),
    count(f: Facts, w: Window, p: { kind?: string }): RuleResult {
      const bad = f.meetings.filter(
        (m) => m.valid === false && (!p.kind || m.kind === p.kind) && within(m.heldOn, w, f.today),
      );
      return { count: bad.length, refs: bad.map((m) => ({ type: 'meeting', id: m.id, label: m.heldOn })) };
    },
  },
  /** Members with no organizational life for six months (党章第九条). */
  lapsedMembers: {
    needs: ['members'] as FactGroup[],
    params: none,
    count: (f: Facts) => people(f.members.filter((m) => m.lapsed)),
  },
  /** Members under the year's 学时 (32 by default); in a shorter or running window, under its share of them. */
  studyHoursShort: {
    needs: ['members'] as FactGroup[],
    params: z.object({ hours: z.coerce.number().min(1).max(200).default(YEARLY_STUDY_HOURS) }).strict(),
    count(f: Facts, w: Window, p: { hours: number }): RuleResult {
      // While the window runs, only the months already over are asked for.
      const months = periodsIn('MONTH', w, f.today).length;
      const goal = (p.hours * months) / 12;
      return people(f.members.filter((m) => m.hours < goal));
    },
  },
  /** Members with 党费 unpaid for a month or more. */
  duesArrears: {
    needs: ['members'] as FactGroup[],
    params: none,
    count: (f: Facts) => people(f.members.filter((m) => m.owedMonths > 0)),
  },
  /** The committee's term is over and no 换届 (or approved 延期) is recorded. */
  termOverdue: {
    needs: [] as FactGroup[],
    params: none,
    count(f: Facts, w: Window): RuleResult {
      const over = f.org.termEnd !== null && f.org.termEnd < until(w, f.today);
      return over
        ? { count: 1, refs: [{ type: 'org', id: f.org.id, label: f.org.termEnd! }] }
        : { count: 0, refs: [] };
    },
  },
  /** People in the 发展党员 procedure whose dates break its rules (lib/people/development.ts). */
  developmentDates: {
    needs: ['pipeline'] as FactGroup[],
    params: none,
    count: (f: Facts) => people(f.pipeline.filter((m) => m.problems.length > 0)),
  },
  /** 介绍信 out of the unit past their validity without the receiving branch's 报到. */
  transfersOverdue: {
    needs: ['transfers'] as FactGroup[],
    params: none,
    count(f: Facts, w: Window): RuleResult {
      const late = f.transfers.filter((t) => !t.received && t.validUntil && t.validUntil < until(w, f.today));
      return { count: late.length, refs: late.map((t) => ({ type: 'transfer', id: t.id, label: t.name })) };
    },
  },
  /** Prescribed tasks of an article due in the window and still not done. */
  tasksOverdue: {
    needs: ['tasks'] as FactGroup[],
    params: z.object({ article: z.coerce.number().int().min(1).max(999) }).strict(),
    count(f: Facts, w: Window, p: { article: number }): RuleResult {
      const late = f.tasks.filter(
        (t) => t.article === p.article && t.open && t.dueDate < f.today && within(t.dueDate, w, f.today),
      );
      return {
        count: late.length,
        refs: late.map((t) => ({ type: 'task', id: t.id, label: `${t.code} ${t.periodKey}` })),
      };
    },
  },
  /** 整改 items whose deadline fell in the window and passed without the team's acceptance (销号) by then. */
  rectificationsOverdue: {
    needs: ['rectifications'] as FactGroup[],
    params: none,
    count(f: Facts, w: Window): RuleResult {
      const late = f.rectifications.filter(
        (r) => r.deadline < f.today && within(r.deadline, w, f.today) && (!r.accepted || r.onTime === false),
      );
      return {
        count: late.length,
        refs: late.map((r) => ({ type: 'rectification', id: r.id, label: `${r.deadline} ${r.problem}` })),
      };
    },
  },
  /** Records flagged as back-filled: tasks recorded long after, or in a burst, and meetings entered late. */
  backfillFlags: {
    needs: ['tasks', 'meetings'] as FactGroup[],
    params: none,
    count(f: Facts, w: Window): RuleResult {
      const tasks = f.tasks.filter((t) => t.backfillFlag && within(t.dueDate, w, f.today));
      const meetings = f.meetings.filter((m) => m.backfilled && within(m.heldOn, w, f.today));
      return {
        count: tasks.length + meetings.length,
        refs: [
          ...tasks.map((t): Ref => ({ type: 'task', id: t.id, label: `${t.code} ${t.periodKey}` })),
          ...meetings.map((m): Ref => ({ type: 'meeting', id: m.id, label: m.heldOn })),
        ],
      };
    },
  },
} as const;

// RULE_KEYS (zod-free, for the editor) and LEDGER_RULES name the same rules: each direction is checked here.
LEDGER_RULES satisfies Record<RuleKey, unknown>;
type NoUnnamedRule = keyof typeof LEDGER_RULES extends RuleKey ? true : never;
const noUnnamedRule: NoUnnamedRule = true;
void noUnnamedRule;

const people = (ms: { id: string; name: string }[]): RuleResult => ({
  count: ms.length,
  refs: ms.map((m) => ({ type: 'person', id: m.id, label: m.name })),
});
/** A criterion's rule and parameters as stored: checked against the library, or the message key of the refusal. */
export function parseRule(
  key: string | null | undefined,
  params: unknown,
): { ok: true; key: RuleKey; params: Record<string, unknown> } | { ok: false; error: string } {
  if (!key || !(key in LEDGER_RULES)) return { ok: false, error: 'ledger.errors.unknownRule' };
  const r = LEDGER_RULES[key as RuleKey].params.safeParse(params ?? {});
  if (!r.success) return { ok: false, error: 'ledger.errors.badParams' };
  return { ok: true, key: key as RuleKey, params: r.data };
}

/** The fact groups the given criteria's rules read (a rule that does not parse reads nothing). */
export function factsNeeded(
  criteria: readonly { ruleKey: string | null; ruleParams: unknown }[],
): Set<FactGroup> {
  const out = new Set<FactGroup>();
  for (const c of criteria) {
    const r = parseRule(c.ruleKey, c.ruleParams);
    if (r.ok) for (const g of LEDGER_RULES[r.key].needs) out.add(g);
  }
  return out;
}

/** Runs a stored rule over the facts; a rule that no longer parses counts nothing. */
export function runRule(
  key: string | null | undefined,
  params: unknown,
  f: Facts,
  w: Window,
): RuleResult | null {
  const parsed = parseRule(key, params);
  if (!parsed.ok) return null;
  const rule = LEDGER_RULES[parsed.key] as { count: (f: Facts, w: Window, p: unknown) => RuleResult };
  return rule.count(f, w, parsed.params);
}

/** "kind=COMMITTEE; per=MONTH; min=1" ⇄ { kind: 'COMMITTEE', per: 'MONTH', min: '1' }: how people type them. */
export function paramsFromText(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[;；,，\n]+/)) {
    const [k, ...v] = part.split(/[=＝:：]/);
    if (k?.trim()) out[k.trim()] = v.join('=').trim();
  }
  return out;
}
export const paramsToText = (p: Record<string, unknown> | null | undefined) =>
  Object.entries(p ?? {})
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('; ');
