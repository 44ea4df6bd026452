/**
 * Pure rules of exams: drawing a paper and grading answers.
 *
 * Drawing (reproducible): seed → FNV-1a → mulberry32 (lib/audits/sampling.ts); for each part of the
 * rules (type, count, optional difficulty), the eligible current questions are keyed u^(1/w) with
 * w = 3 for questions on the quarter's exam-focus articles and 1 otherwise, and the largest keys are
 * taken — so focus articles come up more often, no question (by key) appears twice in a paper, and a
 * retake (another seed) draws differently where the bank allows.
 *
 * Grading: single choice and true/false all-or-nothing; multiple choice full points for exactly the
 * correct set, half points for a non-empty subset of it with no wrong option, otherwise 0; a blank is
 * right when it matches any accepted answer after trimming, width-folding and case-folding; short
 * answers are graded by a person (null here).
 */
import { mulberry32, seedToInt } from '../audits/sampling';

export const QUESTION_TYPES = ['SINGLE', 'MULTIPLE', 'JUDGE', 'BLANK', 'SHORT'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export type BankQuestion = {
  id: string;
  key: string;
  type: QuestionType;
  difficulty: number;
  articleKeys: string[];
  tags: string[];
};
export type PaperRules = {
  parts: { type: QuestionType; count: number; difficulty?: number }[];
  articleKeys?: string[];
  tags?: string[];
};
export type Gradable = { type: QuestionType; answer: unknown; points: number; options?: { id: string }[] };

export function drawPaper(
  bank: BankQuestion[],
  rules: PaperRules,
  focusKeys: string[],
  seed: string,
): string[] {
  const rand = mulberry32(seedToInt(seed));
  const focus = new Set(focusKeys);
  const used = new Set<string>();
  const out: string[] = [];
  const inScope = (q: BankQuestion) =>
    (!rules.articleKeys?.length || q.articleKeys.some((k) => rules.articleKeys!.includes(k))) &&
    (!rules.tags?.length || q.tags.some((t) => rules.tags!.includes(t)));
  // Keys are drawn for the whole bank in its given order first, so one part's size never shifts another's draw.
  const keyOf = new Map(
    bank.map((q) => [q.id, Math.pow(rand(), 1 / (q.articleKeys.some((k) => focus.has(k)) ? 3 : 1))]),
  );
  for (const part of rules.parts) {
    const eligible = bank.filter(
      (q) =>
        q.type === part.type &&
        (part.difficulty === undefined || q.difficulty === part.difficulty) &&
        inScope(q) &&
        !used.has(q.key),
    );
    eligible.sort((a, b) => keyOf.get(b.id)! - keyOf.get(a.id)!);
    for (const q of eligible.slice(0, part.count)) {
      used.add(q.key);
      out.push(q.id);
    }
  }
  return out;
}

const fold = (s: string) => s.trim().normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Points earned, or null when a person must grade it. */
export function grade(q: Gradable, given: unknown): number | null {
  const correct = q.answer as unknown[];
  switch (q.type) {
    case 'SINGLE':
    case 'JUDGE':
      return given !== undefined && given === correct[0] ? q.points : 0;
    case 'MULTIPLE': {
      const chosen = Array.isArray(given) ? [...new Set(given as string[])] : [];
      if (!chosen.length || chosen.some((c) => !correct.includes(c))) return 0;
      return chosen.length === correct.length ? q.points : q.points / 2;
    }
    case 'BLANK':
      return typeof given === 'string' && (correct as string[]).some((a) => fold(a) === fold(given))
        ? q.points
        : 0;
    case 'SHORT':
      return null;
  }
}

/**
 * The order a candidate sees a choice question's options in: a Fisher–Yates shuffle driven by mulberry32 from
 * "<attempt seed>:<question id>", so the same attempt always shows the same paper and every candidate another.
 */
export function shuffledOptions(ids: readonly string[], seed: string): string[] {
  const rand = mulberry32(seedToInt(seed));
  const out = [...ids];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const CN_DIGITS: Record<string, string> = {
  零: '0',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  十: '10',
};

/** Option texts compared as people read them: without spaces and punctuation, numerals written one way. */
export function optionKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(/[零一二两三四五六七八九十]/g, (c) => CN_DIGITS[c]!);
}

/** Options that read the same once spaces, punctuation and the way numerals are written are set aside. */
export function nearDuplicateOptions(options: { id: string; text: string }[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const o of options) groups.set(optionKey(o.text), [...(groups.get(optionKey(o.text)) ?? []), o.id]);
  return [...groups.values()].filter((g) => g.length > 1);
}

/** A question the bank can hold: choices exist and the right ones are among them. Returns a message key or null. */
export function questionProblem(q: {
  type: QuestionType;
  options: { id: string; text: string }[];
  answer: unknown[];
}): string | null {
  const ids = new Set(q.options.map((o) => o.id));
  if (q.type === 'SINGLE' || q.type === 'MULTIPLE') {
    if (q.options.length < 2 || q.options.some((o) => !o.text.trim())) return 'exams.errors.options';
    // The same option twice is refused; options that only read alike are warned of where the question is edited.
    if (new Set(q.options.map((o) => o.text.trim())).size !== q.options.length)
      return 'exams.errors.equalOptions';
    if (!q.answer.length || q.answer.some((a) => !ids.has(String(a)))) return 'exams.errors.noCorrect';
    if (q.type === 'SINGLE' && q.answer.length !== 1) return 'exams.errors.singleOne';
  }
  if (q.type === 'JUDGE' && (q.answer.length !== 1 || typeof q.answer[0] !== 'boolean'))
    return 'exams.errors.noCorrect';
  if (q.type === 'BLANK' && (!q.answer.length || q.answer.some((a) => !String(a).trim())))
    return 'exams.errors.noCorrect';
  return null;
}
