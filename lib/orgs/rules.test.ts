import { describe, expect, it } from 'vitest';
import {
  formalCommitteeName,
  mayHaveParent,
  moveMakesCycle,
  pickedUnits,
  pickerLevels,
  rebasePath,
} from './rules';

describe('org tree rules', () => {
  it('party groups only under branches', () => {
    expect(mayHaveParent('PARTY_GROUP', 'BRANCH')).toBe(true);
    expect(mayHaveParent('PARTY_GROUP', 'COMMITTEE')).toBe(false);
    expect(mayHaveParent('BRANCH', 'GENERAL_BRANCH')).toBe(true);
    expect(mayHaveParent('DEPARTMENT', 'BRANCH')).toBe(false);
  });
  it('a move into its own subtree is a cycle', () => {
    expect(moveMakesCycle('/r/a/', '/r/a/')).toBe(true);
    expect(moveMakesCycle('/r/a/', '/r/a/a1/')).toBe(true);
    expect(moveMakesCycle('/r/a/', '/r/b/')).toBe(false);
    expect(moveMakesCycle('/r/a/', '/r/ab/')).toBe(false);
  });
  it('rebases paths', () => {
    expect(rebasePath('/r/a/a1/', '/r/a/', '/r/b/a/')).toBe('/r/b/a/a1/');
    expect(() => rebasePath('/r/x/', '/r/a/', '/r/b/a/')).toThrow();
  });
});

describe('formalCommitteeName', () => {
  it('heads documents as 中共×××委员会', () => {
    expect(formalCommitteeName('华岳宏构建设集团有限公司党委')).toBe('中共华岳宏构建设集团有限公司委员会');
    expect(formalCommitteeName('中共某某公司委员会')).toBe('中共某某公司委员会');
    expect(formalCommitteeName('第一工程分公司党总支')).toBe('第一工程分公司党总支');
  });
});

/** What pickerOrgs does with the database: the levels from the count per depth, then the units of those levels. */
function pickerUnits(orgs: { id: string; depth: number }[], chosen: string | undefined, max: number) {
  const byDepth = new Map<number, number>();
  for (const o of orgs) byDepth.set(o.depth, (byDepth.get(o.depth) ?? 0) + 1);
  return pickedUnits(orgs, pickerLevels(byDepth, max), chosen, max);
}

describe('pickerLevels and pickedUnits', () => {
  const tree = [
    { id: 'r', depth: 0 },
    ...Array.from({ length: 5 }, (_, i) => ({ id: `g${i}`, depth: 1 })),
    ...Array.from({ length: 50 }, (_, i) => ({ id: `b${i}`, depth: 2 })),
    ...Array.from({ length: 400 }, (_, i) => ({ id: `p${i}`, depth: 3 })),
  ];
  it('lists every unit when they fit', () => {
    expect(pickerUnits(tree.slice(0, 56), undefined, 300)).toEqual({
      units: tree.slice(0, 56),
      trimmed: false,
    });
  });
  it('leaves out the deepest levels that do not fit, keeping the chosen unit', () => {
    const r = pickerUnits(tree, 'p7', 300);
    expect(r.trimmed).toBe(true);
    expect(r.units.map((u) => u.id)).toEqual([...tree.slice(0, 56).map((u) => u.id), 'p7']);
  });
  it('when even the top level is too many, lists the first ones of it', () => {
    const flat = Array.from({ length: 500 }, (_, i) => ({ id: `u${i}`, depth: 2 }));
    const r = pickerUnits(flat, undefined, 300);
    expect(r.units).toHaveLength(300);
    expect(r.trimmed).toBe(true);
    // In tree order each top unit's subtree follows it: only top units are listed, in order, and the chosen one.
    const wide = Array.from({ length: 400 }, (_, i) => [
      { id: `t${i}`, depth: 1 },
      { id: `c${i}`, depth: 2 },
    ]).flat();
    const w = pickerUnits(wide, 'c350', 300);
    expect(w.units.map((u) => u.id)).toEqual([...Array.from({ length: 300 }, (_, i) => `t${i}`), 'c350']);
  });
});
