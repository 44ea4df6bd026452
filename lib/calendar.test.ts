import { describe, expect, it } from 'vitest';
import {
  addMonths,
  cstDay,
  dueDate,
  isoWeek,
  isWorkingDay,
  nthWorkingDay,
  periodFromKey,
  periodOf,
  type Calendar,
} from './calendar';

// 2026 (State Council notice): 春节 2/15–2/23 off, 2/14 and 2/28 (Saturdays) worked; 国庆 10/1–10/7 off, 10/10 worked.
const cal: Calendar = {
  holidays: new Set([
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-23',
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ]),
  workdays: new Set(['2026-02-14', '2026-02-28', '2026-10-10']),
};

describe('periods and keys', () => {
  it.each([
    ['DAY', '2026-11-25', '2026-11-25', '2026-11-25', '2026-11-25'],
    ['WEEK', '2026-11-25', '2026-W48', '2026-11-23', '2026-11-29'],
    ['MONTH', '2026-11-25', '2026-M11', '2026-11-01', '2026-11-30'],
    ['QUARTER', '2026-11-25', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['HALF_YEAR', '2026-11-25', '2026-H2', '2026-07-01', '2026-12-31'],
    ['YEAR', '2026-11-25', '2026', '2026-01-01', '2026-12-31'],
    ['MONTH', '2028-02-10', '2028-M02', '2028-02-01', '2028-02-29'],
    ['QUARTER', '2026-03-31', '2026-Q1', '2026-01-01', '2026-03-31'],
  ] as const)('%s of %s is %s (%s … %s)', (f, day, key, start, end) => {
    expect(periodOf(f, day)).toEqual({ frequency: f, key, start, end });
    expect(periodFromKey(key)).toEqual({ frequency: f, key, start, end });
  });
  it('ISO weeks across the year boundary', () => {
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(periodOf('WEEK', '2025-12-29').key).toBe('2026-W01');
    expect(periodFromKey('2026-W01')!.start).toBe('2025-12-29');
    expect(periodFromKey('2025-W53')).toBeNull();
  });
  it('refuses malformed keys', () => {
    expect(periodFromKey('2026-M13')).toBeNull();
    expect(periodFromKey('2026-Q5')).toBeNull();
    expect(periodFromKey('abc')).toBeNull();
  });
  it('takes the calendar day in China Standard Time', () => {
    expect(cstDay(new Date('2026-11-24T16:30:00Z'))).toBe('2026-11-25');
    expect(cstDay(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
  });
});

describe('working days and due dates', () => {
  it('holidays are off, make-up Saturdays are on', () => {
    expect(isWorkingDay('2026-02-16', cal)).toBe(false);
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(isWorkingDay('2026-11-28', cal)).toBe(false);
    expect(isWorkingDay('2026-11-27', cal)).toBe(true);
  });
  it('the 5th working day of February 2026 skips the Spring Festival', () => {
    // 2/2–2/6 are the first five working days.
    expect(nthWorkingDay('2026-02-01', 5, cal)).toBe('2026-02-06');
    // From 2/14: 14 (make-up), 24, 25, 26, 27 → the 5th is 2/27.
    expect(nthWorkingDay('2026-02-14', 5, cal)).toBe('2026-02-27');
  });
  it('due rules', () => {
    const oct = periodOf('MONTH', '2026-10-15');
    // 10/1–10/7 off; 10/8, 10/9 and the make-up Saturday 10/10 are the first three working days.
    expect(dueDate({ kind: 'WORKDAY_OF_PERIOD', n: 3 }, oct, cal)).toBe('2026-10-10');
    expect(dueDate({ kind: 'WORKDAY_OF_PERIOD', n: 40 }, oct, cal)).toBe('2026-10-31');
    expect(dueDate({ kind: 'DAYS_BEFORE_PERIOD_END', n: 0 }, oct, cal)).toBe('2026-10-31');
    expect(dueDate({ kind: 'DAYS_BEFORE_PERIOD_END', n: 5 }, periodOf('QUARTER', '2026-11-01'), cal)).toBe(
      '2026-12-26',
    );
    expect(dueDate({ kind: 'DAYS_AFTER_PERIOD_END', n: 10 }, periodOf('HALF_YEAR', '2026-03-01'), cal)).toBe(
      '2026-07-10',
    );
    expect(dueDate({ kind: 'DAYS_BEFORE_PERIOD_END', n: 60 }, periodOf('MONTH', '2026-02-01'), cal)).toBe(
      '2026-02-01',
    );
    expect(() => dueDate({ kind: 'DAYS_AFTER_EVENT', n: 3 }, oct, cal)).toThrow();
  });
});

describe('addMonths', () => {
  it("keeps the day, or takes the month's last where it is shorter (leap years by the Gregorian rule)", () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2000-03-31', -1)).toBe('2000-02-29');
    expect(addMonths('1900-01-29', 1)).toBe('1900-02-28');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-12-02', -36)).toBe('2023-12-02');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('agrees with the calendar of Date.UTC on every day of 1999–2029 and shifts of ±40 months', () => {
    const reference = (day: string, n: number) => {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      const first = new Date(Date.UTC(y, m - 1 + n, 1));
      const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
      first.setUTCDate(Math.min(d, last));
      return first.toISOString().slice(0, 10);
    };
    const mismatches: string[] = [];
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2029, 11, 31); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      for (const n of [-40, -13, -12, -1, 0, 1, 3, 6, 11, 12, 24, 40])
        if (addMonths(day, n) !== reference(day, n)) mismatches.push(`${day} ${n}`);
    }
    expect(mismatches).toEqual([]);
  });
});
