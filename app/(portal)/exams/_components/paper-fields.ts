import type { QuestionType } from '@/lib/exams/rules';

/** The fields every exam form shares, read from the form: counts per type, window (browser time → instant), limit, pass mark. */
export function paperFields(fd: FormData, types: readonly QuestionType[]) {
  const num = (k: string) => Number(fd.get(k) || 0);
  return {
    parts: types.map((type) => ({ type, count: num(`count-${type}`) })).filter((p) => p.count > 0),
    opensAt: new Date(String(fd.get('opensAt'))).toISOString(),
    closesAt: new Date(String(fd.get('closesAt'))).toISOString(),
    durationMin: num('durationMin'),
    passMark: num('passMark'),
  };
}
