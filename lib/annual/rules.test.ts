import { describe, expect, it } from 'vitest';
import { annualScore, DEFAULT_WEIGHTS, inputsOf, rankWithin, weightsValid } from './rules';

describe('annual result arithmetic (hand-computed)', () => {
  it('computes each input', () => {
    // audits 80, 90 → 85; 18 of 20 on time = 90, qualities 优 良 → 92.5 → 0.8×90 + 0.2×92.5 = 90.5; 3 of 4 rectified on time = 75
    expect(
      inputsOf({
        audits: [80, 90],
        tasksDue: 20,
        tasksOnTime: 18,
        qualities: ['EXCELLENT', 'GOOD'],
        rectItems: 4,
        rectOnTime: 3,
        exams: [],
      }),
    ).toEqual({ audit: 85, reminders: 90.5, rectification: 75, exam: null });
  });
  it('weights the inputs a unit has: (60×85 + 20×90.5 + 10×75) / 90 = 7660 / 90 = 85.1', () => {
    expect(annualScore({ audit: 85, reminders: 90.5, rectification: 75, exam: null }, DEFAULT_WEIGHTS)).toBe(
      85.1,
    );
    expect(annualScore({ audit: 85, reminders: 90.5, rectification: 75, exam: 60 }, DEFAULT_WEIGHTS)).toBe(
      82.6,
    );
    expect(
      annualScore({ audit: null, reminders: null, rectification: null, exam: null }, DEFAULT_WEIGHTS),
    ).toBeNull();
  });
  it('the same inputs give the same numbers, and other weights other numbers', () => {
    const i = { audit: 70, reminders: 100, rectification: 50, exam: null };
    expect(annualScore(i, DEFAULT_WEIGHTS)).toBe(annualScore(i, { ...DEFAULT_WEIGHTS }));
    expect(annualScore(i, { audit: 40, reminders: 40, rectification: 20, exam: 0 })).toBe(78);
  });
  it('weights must be non-negative and sum to 100', () => {
    expect(weightsValid(DEFAULT_WEIGHTS)).toBe(true);
    expect(weightsValid({ audit: 60, reminders: 20, rectification: 10, exam: 5 })).toBe(false);
    expect(weightsValid({ audit: 110, reminders: -10, rectification: 0, exam: 0 })).toBe(false);
  });
  it('ranks within the peer group, ties sharing a rank', () => {
    const r = rankWithin([
      { group: 'BRANCH', score: 90 },
      { group: 'BRANCH', score: 95 },
      { group: 'BRANCH', score: 90 },
      { group: 'BRANCH', score: 80 },
      { group: 'GENERAL_BRANCH', score: 70 },
    ]);
    expect(r.filter((x) => x.group === 'BRANCH').map((x) => [x.score, x.rank])).toEqual([
      [95, 1],
      [90, 2],
      [90, 2],
      [80, 4],
    ]);
    expect(r.find((x) => x.group === 'GENERAL_BRANCH')!.rank).toBe(1);
  });
});
