/**
 * The demo bank's questions: for each article in force, when it is done (single choice) or a statement to judge,
 * beside the hand-written 应知应会 items. Distractors come from other articles and
 * never read the same as the right answer or each other (lib/exams/rules.ts optionKey); options and keys are laid
 * out by a permutation drawn from the article number, so no letter carries the answers; a false statement is a real
 * common mistake — another article's frequency or standard put in this one's place.
 */
import { randomUUID } from 'node:crypto';
import { mulberry32, seedToInt } from '../lib/audits/sampling';
import { optionKey, shuffledOptions } from '../lib/exams/rules';
import type { Prisma } from '../lib/generated/prisma/client';
import { HANDWRITTEN } from './exam-handwritten';

export type BankArticle = {
  key: string;
  number: number;
  title: string;
  who: string;
  when: string;
  standard: string;
};

const LETTERS = ['A', 'B', 'C', 'D'];
const first = (s: string) => s.split(/[；。]/)[0]!.trim();
const clauses = (s: string) =>
  s
    .split(/[；。]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Up to `n` texts from `pool`, none reading like `taken` or each other. */
function distinct(pool: string[], taken: string[], n: number): string[] {
  const seen = new Set(taken.map(optionKey));
  const out: string[] = [];
  for (const t of pool) {
    const k = optionKey(t);
    if (!t || seen.has(k)) continue;
    seen.add(k);
    out.push(t.slice(0, 120));
    if (out.length === n) break;
  }
  return out;
}

/** Options A–D holding `right` (the correct ones) and `wrong`, in an order drawn from `seed`. */
function lay(right: string[], wrong: string[], seed: string) {
  const all = [...right, ...wrong];
  const order = shuffledOptions(
    all.map((_, i) => String(i)),
    seed,
  ).map(Number);
  return {
    options: order.map((k, j) => ({ id: LETTERS[j]!, text: all[k]! })),
    answer: order.flatMap((k, j) => (k < right.length ? [LETTERS[j]!] : [])),
  };
}

/**
 * The demo bank: one question drawn from each article (when it is done, or a statement to judge) and the
 * hand-written 应知应会 items (prisma/exam-handwritten.ts), which are at least half of it.
 */
export function bankFromArticles(arts: BankArticle[]): Prisma.QuestionCreateManyInput[] {
  return [...drawnFromArticles(arts), ...handwritten(arts)];
}

function handwritten(arts: BankArticle[]): Prisma.QuestionCreateManyInput[] {
  const keyOf = new Map(arts.map((a) => [a.number, a.key]));
  return HANDWRITTEN.flatMap((q, i): Prisma.QuestionCreateManyInput[] => {
    const key = keyOf.get(q.article);
    if (!key) return [];
    const common = {
      key: randomUUID(),
      stem: q.stem,
      difficulty: q.difficulty,
      articleKeys: [key],
      tags: ['应知应会', q.cites],
    };
    if (q.type === 'JUDGE') return [{ ...common, type: 'JUDGE', options: [], answer: [q.truth], points: 1 }];
    return [
      {
        ...common,
        type: q.type,
        ...lay(q.right, q.wrong, `应知应会:${i}`),
        points: q.type === 'MULTIPLE' ? 4 : 2,
      },
    ];
  });
}

function drawnFromArticles(arts: BankArticle[]): Prisma.QuestionCreateManyInput[] {
  const rows: Prisma.QuestionCreateManyInput[] = [];
  arts.forEach((a, i) => {
    // Other articles in an order of this one's own, as the pool of distractors.
    const rand = mulberry32(seedToInt(`bank:${a.number}`));
    const others = arts
      .filter((o) => o.number !== a.number)
      .map((o) => ({ o, r: rand() }))
      .sort((x, y) => x.r - y.r)
      .map((x) => x.o);
    if (i % 2 === 0) {
      const right = first(a.when);
      const wrong = distinct(
        others.map((o) => first(o.when)),
        [right],
        3,
      );
      if (wrong.length === 3) {
        rows.push({
          key: randomUUID(),
          type: 'SINGLE',
          stem: `按照手册第${a.number}条“${a.title}”，这项工作应当在什么时候做？`,
          ...lay([right.slice(0, 120)], wrong, `何时做:${a.number}`),
          points: 2,
          difficulty: 2,
          articleKeys: [a.key],
          tags: ['何时做'],
        });
        return;
      }
    }
    // True: the article's own first standard. False: another article's timing put in its place (a real mistake).
    const own = clauses(a.standard);
    const truth = i % 4 === 1;
    const swapped = distinct(
      others.map((o) => first(o.when)),
      [first(a.when)],
      1,
    )[0];
    rows.push({
      key: randomUUID(),
      type: 'JUDGE',
      stem:
        truth || !swapped
          ? `手册第${a.number}条“${a.title}”要求：${own[0] ?? first(a.standard)}。`
          : `按照手册第${a.number}条“${a.title}”，这项工作的时间要求是：${swapped}。`,
      options: [],
      answer: [truth || !swapped],
      points: 1,
      difficulty: 1,
      articleKeys: [a.key],
      tags: ['判断'],
    });
  });
  return rows;
}
