import { describe, expect, it } from 'vitest';
import {
  criterionScore,
  deduction,
  gradeOf,
  missingAnswers,
  queryTerms,
  searchWords,
  sumDifference,
  total,
} from './rules';

describe('deductions (每缺一次扣2分)', () => {
  const rule = { maxPoints: 6, unitDeduction: 2, cap: null };
  it('deducts per occurrence', () => {
    expect(deduction(rule, 0)).toBe(0);
    expect(deduction(rule, 2)).toBe(4);
    expect(criterionScore(rule, 2)).toBe(2);
  });
  it('never below zero, and never more than the cap', () => {
    expect(criterionScore(rule, 5)).toBe(0);
    expect(deduction({ maxPoints: 10, unitDeduction: 1, cap: 3 }, 7)).toBe(3);
    expect(criterionScore({ maxPoints: 10, unitDeduction: 1, cap: 3 }, 7)).toBe(7);
    expect(deduction({ maxPoints: 4, unitDeduction: 1, cap: 9 }, 9)).toBe(4);
  });
  it('handles half points without float noise', () => {
    expect(criterionScore({ maxPoints: 3, unitDeduction: 0.1, cap: null }, 3)).toBe(2.7);
    expect(total([0.1, 0.2, 99.7])).toBe(100);
  });
});

describe('grade bands', () => {
  it.each([
    [95, 'EXCELLENT'],
    [90, 'EXCELLENT'],
    [89.9, 'GOOD'],
    [80, 'GOOD'],
    [70, 'PASS'],
    [69.5, 'FAIL'],
    [60, 'FAIL'],
    [0, 'FAIL'],
  ])('%s → %s', (s, g) => {
    expect(gradeOf(s)).toBe(g);
  });
  it('uses configured bands', () => {
    expect(
      gradeOf(85, [
        { code: 'A', minScore: 85 },
        { code: 'B', minScore: 0 },
      ]),
    ).toBe('A');
  });
});

describe('standard totals and completeness', () => {
  it('shows the exact difference from 100', () => {
    expect(sumDifference([40, 30, 25], 100)).toBe(-5);
    expect(sumDifference([40, 30, 30.5], 100)).toBe(0.5);
    expect(sumDifference([50, 50], 100)).toBe(0);
  });
  it('lists missing answers', () => {
    expect(missingAnswers({ what: 'x', who: ' ', how: 'y', when: '', standard: 'z' })).toEqual([
      'who',
      'when',
    ]);
  });
});

describe('Chinese search words', () => {
  it('indexes Han runs as character pairs, so 党费 and 三会一课 are found', () => {
    const w = searchWords('按时足额交纳党费；落实三会一课制度');
    expect(w).toContain('党费');
    expect(['三会', '会一', '一课'].every((x) => w.includes(x))).toBe(true);
    expect(searchWords('党')).toEqual(['党']);
  });
  it('keeps Latin words lower-cased', () => {
    expect(searchWords('QQ群 与 OA 系统')).toEqual(expect.arrayContaining(['qq', 'oa']));
  });
  it('query terms for highlighting', () => {
    expect(queryTerms(' 党费  收缴 ')).toEqual(['党费', '收缴']);
  });
});
