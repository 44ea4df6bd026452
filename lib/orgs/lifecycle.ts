/**
 * A branch's lifecycle, checked against 《中国共产党支部工作条例（试行）》(2018) and 《中国共产党章程》; pure, dates as
 * 'YYYY-MM-DD'. What the organization page explains and the event reminders act on:
 *   - 第五条: 正式党员 3 人以上 set up a 党支部; fewer → a 联合党支部 (covering, in practice, at most 5 units);
 *     a project of at least 6 months sets up a branch, a shorter one a 临时党支部; the parent is asked within
 *     `requestDays` of the project's start and answers (批复) within one month;
 *   - 第八条 / 第九条: 正式党员 7 人以上 → a 支部委员会 of 3–5 (一般不超过7人); fewer → 书记 (and a 副书记), no committee;
 *   - 第十条 / 党章 第三十条: the branch committee serves 3 years (党总支 too), a 基层党委 5; a 延期 is approved by the
 *     parent and may not exceed one year;
 *   - 临时党支部 do not 发展党员, collect 党费 or hold 换届.
 */
import { addDays, addMonths } from '../calendar';

export type LifecycleSettings = {
  requestDays: number;
  termYears: { BRANCH: number; GENERAL_BRANCH: number; COMMITTEE: number };
};
export const DEFAULT_LIFECYCLE: LifecycleSettings = {
  requestDays: 15,
  termYears: { BRANCH: 3, GENERAL_BRANCH: 3, COMMITTEE: 5 },
};
/** Days before a term's end the branch is reminded. */
export const TERM_REMINDERS = [180, 90, 30] as const;

export type LifecycleOrg = {
  type: string;
  status: string;
  temporary: boolean;
  jointUnits: number | null;
  projectPlannedStart: string | null;
  projectPlannedEnd: string | null;
  projectActualStart: string | null;
  projectActualEnd: string | null;
  setupRequestedOn: string | null;
  setupApprovedOn: string | null;
  termStart: string | null;
  termYears: number | null;
  termExtendedTo: string | null;
};
export type Finding = {
  key: string;
  tone: 'info' | 'warn' | 'overdue';
  params?: Record<string, string | number>;
};

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The term's end: start + years of its type, or the approved 延期. Null when no term is recorded. */
export function termEnd(
  o: Pick<LifecycleOrg, 'type' | 'termStart' | 'termYears' | 'termExtendedTo'>,
  s = DEFAULT_LIFECYCLE,
) {
  if (!o.termStart) return null;
  if (o.termExtendedTo) return o.termExtendedTo;
  const years = o.termYears ?? s.termYears[o.type as keyof LifecycleSettings['termYears']] ?? 3;
  return addMonths(o.termStart, 12 * years);
}

/** A 延期 is approved by the parent and ends at most one year after the term would have. */
export function extensionProblem(
  o: Pick<LifecycleOrg, 'type' | 'termStart' | 'termYears'>,
  to: string,
  s = DEFAULT_LIFECYCLE,
) {
  const end = termEnd({ ...o, termExtendedTo: null }, s);
  if (!end) return 'orgs.lifecycle.errors.noTerm';
  if (to <= end) return 'orgs.lifecycle.errors.extensionNotLater';
  if (to > addMonths(end, 12)) return 'orgs.lifecycle.errors.extensionTooLong';
  return null;
}

export function lifecycleFindings(
  o: LifecycleOrg,
  counts: { full: number; committee: number },
  today: string,
  s: LifecycleSettings = DEFAULT_LIFECYCLE,
): Finding[] {
  const out: Finding[] = [];
  const partyUnit = o.type === 'BRANCH' || o.type === 'GENERAL_BRANCH' || o.type === 'COMMITTEE';
  if (!partyUnit || o.status === 'ARCHIVED') return out;
  if (o.temporary) out.push({ key: 'temporary', tone: 'info' });

  // Setting up a project's branch.
  if (o.type === 'BRANCH' && o.status === 'PREPARING' && o.projectActualStart) {
    const short =
      !!o.projectPlannedEnd &&
      o.projectPlannedEnd < addMonths(o.projectPlannedStart ?? o.projectActualStart, 6);
    if (counts.full < 3) out.push({ key: 'suggestJoint', tone: 'warn', params: { full: counts.full } });
    else if (!o.setupRequestedOn) {
      const due = addDays(o.projectActualStart, s.requestDays);
      out.push({
        key: short ? 'requestTemporary' : 'requestBranch',
        tone: due < today ? 'overdue' : 'warn',
        params: { due, full: counts.full },
      });
    }
    if (o.setupRequestedOn && !o.setupApprovedOn) {
      const due = addMonths(o.setupRequestedOn, 1);
      out.push({ key: 'approvalDue', tone: due < today ? 'overdue' : 'info', params: { due } });
    }
  }
  if (o.jointUnits !== null && o.jointUnits > 5)
    out.push({ key: 'jointTooMany', tone: 'warn', params: { units: o.jointUnits } });

  // 支部委员会 or a secretary alone.
  if (o.type === 'BRANCH' && o.status === 'ACTIVE' && !o.temporary) {
    if (counts.full >= 7 && counts.committee < 3)
      out.push({
        key: 'committeeRequired',
        tone: 'warn',
        params: { full: counts.full, committee: counts.committee },
      });
    if (counts.committee > 7)
      out.push({ key: 'committeeTooLarge', tone: 'warn', params: { committee: counts.committee } });
    if (counts.full < 7 && counts.committee > 2)
      out.push({ key: 'noCommitteeBelow7', tone: 'info', params: { full: counts.full } });
    if (counts.full < 3 && o.jointUnits === null)
      out.push({ key: 'suggestJoint', tone: 'warn', params: { full: counts.full } });
  }

  // 换届.
  if (!o.temporary && o.status === 'ACTIVE') {
    const end = termEnd(o, s);
    if (!end) out.push({ key: 'noTerm', tone: 'info' });
    else {
      const left = days(today, end);
      if (left < 0) out.push({ key: 'termOverdue', tone: 'overdue', params: { end, days: -left } });
      else if (left <= TERM_REMINDERS[0])
        out.push({ key: 'termSoon', tone: left <= 30 ? 'overdue' : 'warn', params: { end, days: left } });
    }
  }
  return out;
}
