import { describe, expect, it } from 'vitest';
import { draw, drawRecords, historyWeight, mulberry32, sampleSize, seedToInt } from './sampling';

const pop = Array.from({ length: 40 }, (_, i) => ({ id: `u${i}`, weight: 1 }));

describe('reproducible sampling', () => {
  it('the same seed and population give the same sample; another seed another one', () => {
    const a = draw(pop, 5, '2026-Q4-抽查');
    expect(draw(pop, 5, '2026-Q4-抽查')).toEqual(a);
    expect(new Set(a).size).toBe(5);
    expect(draw(pop, 5, 'another seed')).not.toEqual(a);
  });
  it('is pinned: the algorithm gives these exact values (a change to it must be a new version)', () => {
    expect(seedToInt('abc')).toBe(440920331);
    const r = mulberry32(1);
    expect([r(), r()].map((x) => x.toFixed(6))).toEqual(['0.627074', '0.002736']);
    expect(draw(pop.slice(0, 10), 3, 'seed-1')).toEqual(draw(pop.slice(0, 10), 3, 'seed-1'));
  });
  it('a changed population changes the draw', () => {
    expect(draw(pop.slice(1), 5, 's')).not.toEqual(draw(pop, 5, 's'));
  });
  it('never draws more than the population and draws nothing from nothing', () => {
    expect(draw(pop.slice(0, 3), 10, 's')).toHaveLength(3);
    expect(draw([], 3, 's')).toEqual([]);
  });
  it('weights tilt the draw toward heavier units', () => {
    const weighted = pop.map((c, i) => ({ ...c, weight: i < 5 ? 4 : 1 }));
    let heavy = 0;
    for (let s = 0; s < 300; s += 1)
      heavy += draw(weighted, 5, `s${s}`).filter((id) => Number(id.slice(1)) < 5).length;
    // Uniform would pick ≈ 5/40 of 1,500 = 187 heavy units; weight 4 should pick clearly more.
    expect(heavy).toBeGreaterThan(400);
  });
  it('sizes by count or by rate', () => {
    expect(sampleSize(40, { size: 6 })).toBe(6);
    expect(sampleSize(40, { rate: 0.1 })).toBe(4);
    expect(sampleSize(3, { rate: 0.01 })).toBe(1);
    expect(sampleSize(0, { rate: 0.5 })).toBe(0);
  });
  it('weights worse history more, within bounds', () => {
    expect(historyWeight({ lastScore: null, overdue: 0, flagged: 0 })).toBe(1);
    expect(historyWeight({ lastScore: 70, overdue: 5, flagged: 0 })).toBe(2);
    expect(historyWeight({ lastScore: 20, overdue: 50, flagged: 50 })).toBe(4);
  });
});

describe('drawRecords (二级抽样)', () => {
  const a = { orgId: 'A', ids: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], forced: ['a9'] };
  const b = { orgId: 'B', ids: ['b1', 'b2'], forced: [] };

  it('draws N of each unit, never a forced record twice, all of a unit with fewer', () => {
    const [sa, sb] = drawRecords([{ ...a, forced: ['a2'] }, b], 3, 's');
    expect(sa!.forced).toEqual(['a2']);
    expect(sa!.drawn).toHaveLength(3);
    expect(sa!.drawn).not.toContain('a2');
    expect(new Set(sb!.drawn)).toEqual(new Set(['b1', 'b2']));
  });

  it('each unit draws with its own seed: adding a unit leaves the others as they were', () => {
    const alone = drawRecords([a], 2, 'seed-1');
    const both = drawRecords([a, b], 2, 'seed-1');
    expect(both[0]).toEqual(alone[0]);
    expect(alone[0]!.drawn).toEqual(
      draw(
        a.ids.map((id) => ({ id, weight: 1 })),
        2,
        'seed-1:A',
      ),
    );
  });
});
