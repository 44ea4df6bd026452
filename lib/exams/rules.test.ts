import { describe, expect, it } from 'vitest';
import { drawPaper, grade, questionProblem, type BankQuestion } from './rules';

const bank: BankQuestion[] = Array.from({ length: 60 }, (_, i) => ({
  id: `q${i}`,
  key: `k${i}`,
  type: (['SINGLE', 'MULTIPLE', 'JUDGE'] as const)[i % 3],
  difficulty: 1 + (i % 3),
  articleKeys: [`a${i % 10}`],
  tags: [],
}));
const rules = {
  parts: [
    { type: 'SINGLE' as const, count: 5 },
    { type: 'JUDGE' as const, count: 5 },
  ],
};

describe('drawing a paper', () => {
  it('is reproducible by seed, never repeats a question, and a retake differs', () => {
    const p = drawPaper(bank, rules, [], 'exam:user:1');
    expect(drawPaper(bank, rules, [], 'exam:user:1')).toEqual(p);
    expect(new Set(p).size).toBe(10);
    expect(drawPaper(bank, rules, [], 'exam:user:2')).not.toEqual(p);
  });
  it('keeps to each part’s type and difficulty and to the chosen articles', () => {
    const p = drawPaper(
      bank,
      { parts: [{ type: 'MULTIPLE', count: 3, difficulty: 3 }], articleKeys: ['a1', 'a4', 'a7'] },
      [],
      's',
    );
    for (const id of p) {
      const q = bank.find((x) => x.id === id)!;
      expect(q.type).toBe('MULTIPLE');
      expect(q.difficulty).toBe(3);
      expect(['a1', 'a4', 'a7']).toContain(q.articleKeys[0]);
    }
  });
  it('draws the exam-focus articles more often', () => {
    let focus = 0;
    for (let s = 0; s < 200; s += 1)
      focus += drawPaper(bank, rules, ['a0', 'a1'], `s${s}`).filter((id) =>
        ['a0', 'a1'].includes(bank.find((q) => q.id === id)!.articleKeys[0]!),
      ).length;
    // Uniform would give 2/10 of 2,000 = 400.
    expect(focus).toBeGreaterThan(650);
  });
});

describe('grading', () => {
  it('single and true/false are all or nothing', () => {
    expect(grade({ type: 'SINGLE', answer: ['B'], points: 2 }, 'B')).toBe(2);
    expect(grade({ type: 'SINGLE', answer: ['B'], points: 2 }, 'C')).toBe(0);
    expect(grade({ type: 'JUDGE', answer: [false], points: 1 }, false)).toBe(1);
    expect(grade({ type: 'JUDGE', answer: [false], points: 1 }, undefined)).toBe(0);
  });
  it('multiple choice: full for the exact set, half for a correct subset, nothing with any wrong option', () => {
    const q = { type: 'MULTIPLE' as const, answer: ['A', 'C', 'D'], points: 4 };
    expect(grade(q, ['D', 'C', 'A'])).toBe(4);
    expect(grade(q, ['A', 'C'])).toBe(2);
    expect(grade(q, ['A', 'B'])).toBe(0);
    expect(grade(q, [])).toBe(0);
  });
  it('a blank matches any accepted answer, ignoring spaces, width and case', () => {
    const q = { type: 'BLANK' as const, answer: ['三会一课', '“三会一课”'], points: 2 };
    expect(grade(q, ' 三会 一课 ')).toBe(2);
    expect(grade({ type: 'BLANK', answer: ['QQ'], points: 1 }, 'ｑｑ')).toBe(1);
    expect(grade(q, '两学一做')).toBe(0);
  });
  it('short answers wait for a person', () =>
    expect(grade({ type: 'SHORT', answer: ['…'], points: 10 }, '答')).toBeNull());
  it('refuses a question with no correct option', () => {
    const two = [
      { id: 'A', text: '甲' },
      { id: 'B', text: '乙' },
    ];
    expect(questionProblem({ type: 'SINGLE', options: two, answer: [] })).toBe('exams.errors.noCorrect');
    expect(questionProblem({ type: 'SINGLE', options: two, answer: ['C'] })).toBe('exams.errors.noCorrect');
    expect(questionProblem({ type: 'MULTIPLE', options: [{ id: 'A', text: '甲' }], answer: ['A'] })).toBe(
      'exams.errors.options',
    );
    expect(questionProblem({ type: 'SINGLE', options: two, answer: ['A'] })).toBeNull();
  });
});
