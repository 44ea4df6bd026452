/**
 * 党费, by 《关于中国共产党党费收缴、使用和管理的规定》(中组发〔2008〕3号). Pure; money in fen (integer cents).
 *   在职: after-tax monthly wage ≤ 3,000 → 0.5%; ≤ 5,000 → 1%; ≤ 10,000 → 1.5%; above → 2% — of the WHOLE wage, the
 *         band decides the rate only (3,200 pays 32.00; 9,800 pays 147.00);
 *   离退休: ≤ 5,000 → 0.5%; above → 1%;
 *   学生, 下岗失业, 享受最低生活保障: 0.20 a month.
 * The base is set at the start of each year (年初核定). 预备党员 pay from the month of the 支部大会 that admitted them.
 * 补交 reaches back at most 6 months; 6 consecutive months unpaid without good reason is treated as 自行脱党
 * (党章 第九条), so such members are flagged for the branch to follow the procedure.
 */
export const DUES_CATEGORIES = ['EMPLOYED', 'RETIRED', 'STUDENT', 'UNEMPLOYED', 'LOW_INCOME'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];
export const MAX_BACK_MONTHS = 6;
export const LAPSE_MONTHS = 6;

/** Yuan as text or number → fen, refusing more than two decimals. */
export function toFen(yuan: number | string): number {
  const s = typeof yuan === 'number' ? yuan.toFixed(2) : yuan.trim();
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(s)) throw new RangeError(`not an amount: ${s}`);
  const [int, dec = ''] = s.split('.');
  return Number(int) * 100 + Number(dec.padEnd(2, '0'));
}
export const fenToYuan = (fen: number) => (fen / 100).toFixed(2);

/** The rate in basis points (1/10,000) for a monthly base in fen. */
export function duesRate(category: DuesCategory, baseFen: number): number {
  if (category === 'EMPLOYED') {
    if (baseFen <= 300_000) return 50;
    if (baseFen <= 500_000) return 100;
    if (baseFen <= 1_000_000) return 150;
    return 200;
  }
  if (category === 'RETIRED') return baseFen <= 500_000 ? 50 : 100;
  return 0;
}

/** The monthly 党费 in fen, rounded half up to the fen. */
export function monthlyDues(category: DuesCategory, baseFen: number): number {
  if (category === 'STUDENT' || category === 'UNEMPLOYED' || category === 'LOW_INCOME') return 20;
  return Math.floor((baseFen * duesRate(category, baseFen) + 5_000) / 10_000);
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
export const addMonth = (m: string, n: number) => monthOf(monthIndex(m) + n);
export const monthsBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i += 1) out.push(monthOf(i));
  return out;
};

/**
 * The months a member owes: from the later of the tracking start and the month of admission, up to last month
 * (this month is not late yet), less those paid. `lapse` is true when the last 6 months are all unpaid.
 */
export function arrears(
  o: { admittedMonth: string | null; paid: ReadonlySet<string> },
  startMonth: string,
  thisMonth: string,
): { months: string[]; lapse: boolean } {
  const from = o.admittedMonth && o.admittedMonth > startMonth ? o.admittedMonth : startMonth;
  const last = addMonth(thisMonth, -1);
  const months = last < from ? [] : monthsBetween(from, last).filter((m) => !o.paid.has(m));
  const recent = monthsBetween(addMonth(last, -(LAPSE_MONTHS - 1)), last);
  const lapse = months.length >= LAPSE_MONTHS && recent.every((m) => months.includes(m));
  return { months, lapse };
}

/** A payment's month may be this month, a later month of this year paid ahead, or at most 6 months back (补交). */
export function paymentMonthProblem(month: string, thisMonth: string): string | null {
  if (month < addMonth(thisMonth, -MAX_BACK_MONTHS)) return 'dues.errors.tooFarBack';
  if (month > `${thisMonth.slice(0, 4)}-12`) return 'dues.errors.tooFarAhead';
  return null;
}
