import { describe, expect, it } from 'vitest';
import { bankFromArticles } from '../../prisma/exam-bank';
import { PART1 } from '../../prisma/handbook/content-part1';
import { PART2 } from '../../prisma/handbook/content-part2';
import { PART3 } from '../../prisma/handbook/content-part3';
import { fenToYuan, monthlyDues, toFen } from '../people/dues';
import { nearDuplicateOptions, optionKey, questionProblem, shuffledOptions } from './rules';

const arts = [...PART1.articles, ...PART2.articles, ...PART3.articles].map((a) => ({
  ...a,
  key: `k${a.number}`,
}));
const bank = bankFromArticles(arts);
const choice = bank.filter((q) => q.type === 'SINGLE' || q.type === 'MULTIPLE');

describe('the demo question bank', () => {
  it('every question is one the bank accepts, and no two options read alike', () => {
    for (const q of bank) {
      const options = q.options as { id: string; text: string }[];
      expect(questionProblem({ type: q.type, options, answer: q.answer as unknown[] }), q.stem).toBeNull();
      expect(nearDuplicateOptions(options), q.stem).toEqual([]);
    }
  });

  it('no answer letter carries more than half of the choice questions', () => {
    const counts = new Map<string, number>();
    for (const q of choice) for (const l of q.answer as string[]) counts.set(l, (counts.get(l) ?? 0) + 1);
    for (const [letter, n] of counts) expect(n, letter).toBeLessThanOrEqual(choice.length / 2);
    // Multiple choice keys are not all the same pair.
    const pairs = new Set(
      bank.filter((q) => q.type === 'MULTIPLE').map((q) => (q.answer as string[]).join('')),
    );
    expect(pairs.size).toBeGreaterThan(2);
  });

  it('at least half of the bank is hand-written 应知应会, each item citing the regulation it was checked against', () => {
    const hand = bank.filter((q) => (q.tags as string[]).includes('应知应会'));
    expect(hand.length * 2).toBeGreaterThanOrEqual(bank.length);
    for (const q of hand) expect((q.tags as string[])[1], q.stem).toMatch(/《.+》|手册第\d+条|规划/);
    // No stem is asked twice.
    expect(new Set(bank.map((q) => q.stem)).size).toBe(bank.length);
    // The 党费 item computes as the 2008 rules: 9800 × 1.5% = 147.00.
    const dues = hand.find((q) => q.stem.includes('9800元'))!;
    const options = dues.options as { id: string; text: string }[];
    expect(options.find((o) => o.id === (dues.answer as string[])[0])!.text).toBe(
      `${fenToYuan(monthlyDues('EMPLOYED', toFen(9800)))}元`,
    );
  });

  it('true/false items are not one statement repeated', () => {
    const judge = bank.filter((q) => q.type === 'JUDGE');
    const stems = judge.map((q) => q.stem.replace(/手册第\d+条“[^”]+”/, ''));
    expect(new Set(stems).size).toBeGreaterThan(judge.length * 0.8);
    expect(judge.some((q) => (q.answer as boolean[])[0] === false)).toBe(true);
  });
});

describe('options per candidate', () => {
  it('a seed always gives the same order, a permutation; seeds spread the first place', () => {
    const ids = ['A', 'B', 'C', 'D'];
    expect(shuffledOptions(ids, 's:1')).toEqual(shuffledOptions(ids, 's:1'));
    expect([...shuffledOptions(ids, 's:1')].sort()).toEqual(ids);
    const firsts = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const f = shuffledOptions(ids, `exam:user${i}:1:q`)[0]!;
      firsts.set(f, (firsts.get(f) ?? 0) + 1);
    }
    for (const id of ids) expect(firsts.get(id) ?? 0).toBeGreaterThan(60);
  });

  it('equal options are refused; options reading alike are found', () => {
    const options = [
      { id: 'A', text: '每季度至少1次' },
      { id: 'B', text: '每季度至少一次' },
      { id: 'C', text: '每月至少1次' },
    ];
    expect(optionKey('每季度 至少一次。')).toBe(optionKey('每季度至少1次'));
    expect(nearDuplicateOptions(options)).toEqual([['A', 'B']]);
    expect(
      questionProblem({
        type: 'SINGLE',
        options: [...options, { id: 'D', text: '每月至少1次' }],
        answer: ['A'],
      }),
    ).toBe('exams.errors.equalOptions');
    expect(questionProblem({ type: 'SINGLE', options, answer: ['C'] })).toBeNull();
  });
});
