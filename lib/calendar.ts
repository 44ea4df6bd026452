/**
 * Periods in China Standard Time (UTC+8, no daylight saving) with stable keys, and due dates from a
 * prescribed action's due rule. Pure: dates are calendar days written 'YYYY-MM-DD'.
 *   DAY 2026-11-25 · WEEK 2026-W48 (ISO) · MONTH 2026-M11 · QUARTER 2026-Q4 · HALF_YEAR 2026-H2 · YEAR 2026
 */

export type Frequency = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR';
export type Period = { frequency: Frequency; key: string; start: string; end: string };
export type DueRule = {
  kind: 'WORKDAY_OF_PERIOD' | 'DAYS_BEFORE_PERIOD_END' | 'DAYS_AFTER_PERIOD_END' | 'DAYS_AFTER_EVENT';
  n: number;
};
export type Calendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The calendar day in China Standard Time of an instant. */
export function cstDay(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

const toUtc = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A date column (kept at UTC midnight) as its day, '' when empty: for forms and sheets. */
export const ymd = (d?: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

export const addDays = (day: string, n: number) => fromUtc(toUtc(day) + n * DAY_MS);
/** 1 = Monday … 7 = Sunday. */
export const weekday = (day: string) => ((new Date(toUtc(day)).getUTCDay() + 6) % 7) + 1;

/** ISO week-numbering year and week of a day. */
export function isoWeek(day: string): { year: number; week: number } {
  const thursday = addDays(day, 4 - weekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toUtc(thursday) - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return { year, week };
}

const lastDayOfMonth = (y: number, m: number) => fromUtc(Date.UTC(y, m, 0));

/** The period of the given frequency that contains `day`. */
export function periodOf(frequency: Frequency, day: string): Period {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  switch (frequency) {
    case 'DAY':
      return { frequency, key: day, start: day, end: day };
    case 'WEEK': {
      const { year, week } = isoWeek(day);
      const start = addDays(day, 1 - weekday(day));
      return { frequency, key: `${year}-W${pad(week)}`, start, end: addDays(start, 6) };
    }
    case 'MONTH':
      return { frequency, key: `${y}-M${pad(m)}`, start: `${y}-${pad(m)}-01`, end: lastDayOfMonth(y, m) };
    case 'QUARTER': {
      const q = Math.ceil(m / 3);
      return {
        frequency,
        key: `${y}-Q${q}`,
        start: `${y}-${pad(q * 3 - 2)}-01`,
        end: lastDayOfMonth(y, q * 3),
      };
    }
    case 'HALF_YEAR': {
      const h = m <= 6 ? 1 : 2;
      return {
        frequency,
        key: `${y}-H${h}`,
        start: `${y}-${h === 1 ? '01' : '07'}-01`,
        end: h === 1 ? `${y}-06-30` : `${y}-12-31`,
      };
    }
    case 'YEAR':
      return { frequency, key: `${y}`, start: `${y}-01-01`, end: `${y}-12-31` };
  }
}

/** The period a stable key names (the inverse of periodOf(...).key). */
export function periodFromKey(key: string): Period | null {
  let m: RegExpMatchArray | null;
  if ((m = key.match(/^(\d{4})-(\d{2})-(\d{2})$/))) return periodOf('DAY', key);
  if ((m = key.match(/^(\d{4})-W(\d{2})$/))) {
    // Monday of ISO week 1 is the Monday of the week that contains 4 January.
    const jan4 = `${m[1]}-01-04`;
    const start = addDays(addDays(jan4, 1 - weekday(jan4)), (Number(m[2]) - 1) * 7);
    const p = periodOf('WEEK', start);
    return p.key === key ? p : null;
  }
  if ((m = key.match(/^(\d{4})-M(\d{2})$/)) && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return periodOf('MONTH', `${m[1]}-${m[2]}-01`);
  if ((m = key.match(/^(\d{4})-Q([1-4])$/)))
    return periodOf('QUARTER', `${m[1]}-${pad(Number(m[2]) * 3)}-01`);
  if ((m = key.match(/^(\d{4})-H([12])$/)))
    return periodOf('HALF_YEAR', `${m[1]}-${m[2] === '1' ? '01' : '07'}-01`);
  if ((m = key.match(/^(\d{4})$/))) return periodOf('YEAR', `${m[1]}-01-01`);
  return null;
}

/** Monday–Friday work, except public holidays; weekends work when declared make-up working days (调休). */
export function isWorkingDay(day: string, cal: Calendar): boolean {
  if (cal.holidays.has(day)) return false;
  if (cal.workdays.has(day)) return true;
  return weekday(day) <= 5;
}

/** The n-th working day on or after `from` (n ≥ 1). */
export function nthWorkingDay(from: string, n: number, cal: Calendar): string {
  let day = from;
  let count = 0;
  for (let guard = 0; guard < 800; guard += 1) {
    if (isWorkingDay(day, cal)) {
      count += 1;
      if (count >= n) return day;
    }
    day = addDays(day, 1);
  }
  throw new Error('no working day found');
}

/** The due day of a periodic action's task. Event-driven rules have no period: they are due after their event. */
export function dueDate(rule: DueRule, period: Period, cal: Calendar): string {
  switch (rule.kind) {
    case 'WORKDAY_OF_PERIOD': {
      const due = nthWorkingDay(period.start, Math.max(1, rule.n), cal);
      return due > period.end ? period.end : due;
    }
    case 'DAYS_BEFORE_PERIOD_END': {
      const due = addDays(period.end, -rule.n);
      return due < period.start ? period.start : due;
    }
    case 'DAYS_AFTER_PERIOD_END':
      return addDays(period.end, rule.n);
    case 'DAYS_AFTER_EVENT':
      throw new Error('event-driven actions are due after their event, not in a period');
  }
}

export const PERIODIC: Frequency[] = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'];

/** How pages show an instant: date and time in China Standard Time, whatever the server's zone. */
export const CST_DATE_TIME = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' } as const;
/** How pages show a calendar day (kept as UTC midnight): the day itself, never shifted by a zone. */
export const DAY = { dateStyle: 'medium', timeZone: 'UTC' } as const;

/** The same day `n` months later (or earlier), the month's last day where it is shorter: 01-31 + 1 → 02-28. */
export const addMonths = (day: string, n: number) => {
  // Integer arithmetic, no Date: the 发展 checks call it a few times for each of 18,000 people of a company.
  const months = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + n;
  const y = Math.floor(months / 12);
  const m = months - y * 12 + 1;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const last = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return `${y}-${pad(m)}-${pad(Math.min(Number(day.slice(8, 10)), last))}`;
};
