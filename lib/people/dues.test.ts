import { describe, expect, it } from 'vitest';
import { arrears, fenToYuan, monthlyDues, paymentMonthProblem, toFen } from './dues';

const yuan = (category: Parameters<typeof monthlyDues>[0], base: string) =>
  fenToYuan(monthlyDues(category, toFen(base)));

describe('党费 (2008 rules)', () => {
  it('applies the band’s rate to the whole wage, not progressively', () => {
    expect(yuan('EMPLOYED', '3200')).toBe('32.00');
    expect(yuan('EMPLOYED', '9800')).toBe('147.00');
    expect(yuan('EMPLOYED', '7200')).toBe('108.00');
  });

  it('at every band edge of 在职', () => {
    expect(yuan('EMPLOYED', '3000')).toBe('15.00');
    expect(yuan('EMPLOYED', '3000.01')).toBe('30.00');
    expect(yuan('EMPLOYED', '5000')).toBe('50.00');
    expect(yuan('EMPLOYED', '5000.01')).toBe('75.00');
    expect(yuan('EMPLOYED', '10000')).toBe('150.00');
    expect(yuan('EMPLOYED', '10000.01')).toBe('200.00');
    expect(yuan('EMPLOYED', '0')).toBe('0.00');
  });

  it('离退休 at 0.5% to 5,000 and 1% above; the fixed 0.20 categories', () => {
    expect(yuan('RETIRED', '5000')).toBe('25.00');
    expect(yuan('RETIRED', '5000.01')).toBe('50.00');
    expect(yuan('STUDENT', '0')).toBe('0.20');
    expect(yuan('UNEMPLOYED', '1200')).toBe('0.20');
    expect(yuan('LOW_INCOME', '900')).toBe('0.20');
  });

  it('rounds to the fen, half up', () => {
    expect(yuan('EMPLOYED', '3333.33')).toBe('33.33');
    expect(yuan('EMPLOYED', '2001')).toBe('10.01'); // 10.005 → 10.01
  });

  it('refuses what is not an amount', () => {
    expect(() => toFen('-5')).toThrow(RangeError);
    expect(() => toFen('abc')).toThrow(RangeError);
    expect(() => toFen('1.234')).toThrow(RangeError);
  });
});

describe('arrears', () => {
  const paid = (...m: string[]) => new Set(m);
  it('counts unpaid months to last month, from admission or the tracking start', () => {
    expect(
      arrears({ admittedMonth: null, paid: paid('2026-01', '2026-02') }, '2026-01', '2026-05').months,
    ).toEqual(['2026-03', '2026-04']);
    expect(arrears({ admittedMonth: '2026-09', paid: paid() }, '2026-01', '2026-11').months).toEqual([
      '2026-09',
      '2026-10',
    ]);
    expect(arrears({ admittedMonth: '2026-11', paid: paid() }, '2026-01', '2026-11').months).toEqual([]);
  });
  it('flags six consecutive unpaid months for the 自行脱党 procedure', () => {
    const seven = arrears(
      { admittedMonth: null, paid: paid('2026-01', '2026-02', '2026-03') },
      '2026-01',
      '2026-11',
    );
    expect([seven.months.length, seven.lapse]).toEqual([7, true]);
    const four = arrears(
      { admittedMonth: null, paid: paid('2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06') },
      '2026-01',
      '2026-11',
    );
    expect([four.months.length, four.lapse]).toEqual([4, false]);
  });
  it('补交 reaches back six months at most; paying ahead stays within the year', () => {
    expect(paymentMonthProblem('2026-05', '2026-11')).toBeNull();
    expect(paymentMonthProblem('2026-04', '2026-11')).toBe('dues.errors.tooFarBack');
    expect(paymentMonthProblem('2026-12', '2026-11')).toBeNull();
    expect(paymentMonthProblem('2027-01', '2026-11')).toBe('dues.errors.tooFarAhead');
  });
});
