// Pure rules of the standard: deductions, grades, completeness, totals, search words. Tests beside.

export type DeductionRule = { maxPoints: number; unitDeduction: number; cap: number | null };

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Points lost for `count` occurrences: unit × count, at most the cap (or the criterion's max). */
export function deduction(rule: DeductionRule, count: number): number {
  const limit = Math.min(rule.cap ?? rule.maxPoints, rule.maxPoints);
  return round1(Math.min(Math.max(0, count) * rule.unitDeduction, limit));
}

/** A criterion's score: max − deductions, never below 0. */
export function criterionScore(rule: DeductionRule, count: number): number {
  return round1(Math.max(0, rule.maxPoints - deduction(rule, count)));
}

export function total(scores: number[]): number {
  return round1(scores.reduce((s, x) => s + x, 0));
}

export type Band = { code: string; minScore: number };
export const DEFAULT_BANDS: Band[] = [
  { code: 'EXCELLENT', minScore: 90 },
  { code: 'GOOD', minScore: 80 },
  // 合格 at 70, as most groups' standards set it.
  { code: 'PASS', minScore: 70 },
  { code: 'FAIL', minScore: 0 },
];

/** The highest band whose minimum the score reaches (bands in any order). */
export function gradeOf(score: number, bands: Band[] = DEFAULT_BANDS): string {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore);
  return (sorted.find((b) => score >= b.minScore) ?? sorted.at(-1)!).code;
}

/** How far the criteria's points are from the declared total (0 when they agree). */
export function sumDifference(maxPoints: number[], declared: number): number {
  return round1(total(maxPoints) - declared);
}

export const FIVE_ANSWERS = ['what', 'who', 'how', 'when', 'standard'] as const;
export type FiveAnswers = Record<(typeof FIVE_ANSWERS)[number], string>;

/** The answers an article still lacks (empty or whitespace). */
export function missingAnswers(a: FiveAnswers): (typeof FIVE_ANSWERS)[number][] {
  return FIVE_ANSWERS.filter((k) => !a[k]?.trim());
}

const HAN_RUN = /\p{Script=Han}+/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Search words for Chinese text. Intl.Segmenter splits 党费 into 党|费 and 三会一课 into 三|会|一课, so a
 * word index alone would miss the terms people type. Every run of Han characters is therefore indexed as
 * its overlapping character pairs (党费收缴 → 党费 费收 收缴; a single character stays itself); other
 * scripts (Latin, digits) are taken from the segmenter's words, lower-cased.
 */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) {
    if (run.length === 1) words.push(run);
    for (let i = 0; i + 1 < run.length; i += 1) words.push(run.slice(i, i + 2));
  }
  for (const s of segmenter.segment(text.replace(HAN_RUN, ' '))) {
    if (s.isWordLike) words.push(s.segment.toLowerCase());
  }
  return words;
}

/** The distinct terms of a query, for highlighting matches in results. */
export function queryTerms(q: string): string[] {
  const terms = new Set<string>();
  for (const [run] of q.matchAll(HAN_RUN)) terms.add(run);
  for (const s of segmenter.segment(q.replace(HAN_RUN, ' ')))
    if (s.isWordLike) terms.add(s.segment.toLowerCase());
  return [...terms];
}

export type ArticleContent<O extends string = string> = {
  title: string;
  what: string;
  who: string;
  how: string;
  when: string;
  standard: string;
  orgTypes: O[];
  tags: string[];
};

/** An article's own content (the five answers, title, unit types, tags): what an edit changes and a copy carries. */
export function articleContent<O extends string>(a: ArticleContent<O>): ArticleContent<O> {
  return {
    title: a.title,
    what: a.what,
    who: a.who,
    how: a.how,
    when: a.when,
    standard: a.standard,
    orgTypes: a.orgTypes,
    tags: a.tags,
  };
}

export const FREQUENCIES = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR', 'EVENT'] as const;
export const DUE_KINDS = [
  'WORKDAY_OF_PERIOD',
  'DAYS_BEFORE_PERIOD_END',
  'DAYS_AFTER_PERIOD_END',
  'DAYS_AFTER_EVENT',
] as const;
export const RESPONSIBLE_ROLES = ['SECRETARY', 'CLERK', 'COMMITTEE', 'MEMBER'] as const;
