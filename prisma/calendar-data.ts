// PRC public holidays and make-up working days (调休), per the State Council's yearly notices.
// 2027 has not been announced: its statutory days are entered as an estimate (marked 预估) and
// should be corrected by the committee once the notice is published.

type Range = { name: string; from: string; to?: string };

export const HOLIDAYS: Range[] = [
  { name: '元旦', from: '2025-01-01' },
  { name: '春节', from: '2025-01-28', to: '2025-02-04' },
  { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
  { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
  { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
  { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
  { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
  { name: '春节', from: '2026-02-15', to: '2026-02-23' },
  { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
  { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
  { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
  { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
  { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  { name: '元旦（预估）', from: '2027-01-01', to: '2027-01-03' },
  { name: '春节（预估）', from: '2027-02-05', to: '2027-02-12' },
  { name: '清明节（预估）', from: '2027-04-03', to: '2027-04-05' },
  { name: '劳动节（预估）', from: '2027-05-01', to: '2027-05-05' },
  { name: '端午节（预估）', from: '2027-06-09' },
  { name: '中秋节（预估）', from: '2027-09-15' },
  { name: '国庆节（预估）', from: '2027-10-01', to: '2027-10-07' },
];

export const MAKEUP_WORKDAYS: Range[] = [
  { name: '春节调休上班', from: '2025-01-26' },
  { name: '春节调休上班', from: '2025-02-08' },
  { name: '劳动节调休上班', from: '2025-04-27' },
  { name: '国庆节调休上班', from: '2025-09-28' },
  { name: '国庆节调休上班', from: '2025-10-11' },
  { name: '元旦调休上班', from: '2026-01-04' },
  { name: '春节调休上班', from: '2026-02-14' },
  { name: '春节调休上班', from: '2026-02-28' },
  { name: '劳动节调休上班', from: '2026-05-09' },
  { name: '国庆节调休上班', from: '2026-09-20' },
  { name: '国庆节调休上班', from: '2026-10-10' },
];

export function expand(ranges: Range[]): { date: string; name: string }[] {
  return ranges.flatMap((r) => {
    const out: { date: string; name: string }[] = [];
    for (
      let d = new Date(`${r.from}T00:00:00Z`);
      d <= new Date(`${r.to ?? r.from}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      out.push({ date: d.toISOString().slice(0, 10), name: r.name });
    }
    return out;
  });
}
