/**
 * The demo bank's questions drawn from the articles in force: for each article who does it and when (single
 * choice), what it must achieve (multiple choice) or a statement to judge. Distractors come from other articles and
 * never read the same as the right answer or each other (lib/exams/rules.ts optionKey); options and keys are laid
 * out by a permutation drawn from the article number, so no letter carries the answers; a false statement is a real
 * common mistake — another article's frequency or standard put in this one's place.
 */
import { randomUUID } from 'node:crypto';
import { mulberry32, seedToInt } from '../lib/audits/sampling';
import { optionKey, shuffledOptions } from '../lib/exams/rules';
import type { Prisma } from '../lib/generated/prisma/client';

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

export function bankFromArticles(arts: BankArticle[]): Prisma.QuestionCreateManyInput[] {
  const rows: Prisma.QuestionCreateManyInput[] = [];
  arts.forEach((a, i) => {
    // Other articles in an order of this one's own, as the pool of distractors.
    const rand = mulberry32(seedToInt(`bank:${a.number}`));
    const others = arts
      .filter((o) => o.number !== a.number)
      .map((o) => ({ o, r: rand() }))
      .sort((x, y) => x.r - y.r)
      .map((x) => x.o);
    const single = (tag: string, stem: string, right: string, pool: string[], difficulty: number) => {
      const wrong = distinct(pool, [right], 3);
      if (wrong.length < 3) return;
      rows.push({
        key: randomUUID(),
        type: 'SINGLE',
        stem,
        ...lay([right.slice(0, 120)], wrong, `${tag}:${a.number}`),
        points: 2,
        difficulty,
        articleKeys: [a.key],
        tags: [tag],
      });
    };
    single(
      '谁来做',
      `按照手册第${a.number}条“${a.title}”，这项工作由谁来做？`,
      first(a.who),
      others.map((o) => first(o.who)),
      1,
    );
    single(
      '何时做',
      `按照手册第${a.number}条“${a.title}”，这项工作应当在什么时候做？`,
      first(a.when),
      others.map((o) => first(o.when)),
      2,
    );
    const own = clauses(a.standard);
    if (i % 2 === 0 && own.length >= 2) {
      const right = own.slice(0, 2).map((t) => t.slice(0, 120));
      const wrong = distinct(
        others.map((o) => first(o.standard)),
        own,
        2,
      );
      if (wrong.length === 2)
        rows.push({
          key: randomUUID(),
          type: 'MULTIPLE',
          stem: `下列哪些是手册第${a.number}条“${a.title}”规定要做到的程度？`,
          ...lay(right, wrong, `多选:${a.number}`),
          points: 4,
          difficulty: 3,
          articleKeys: [a.key],
          tags: ['做到什么程度'],
        });
      return;
    }
    // True: the article's own first standard. False: another article's timing put in its place (a real mistake).
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
