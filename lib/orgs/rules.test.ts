import { describe, expect, it } from 'vitest';
import { formalCommitteeName, mayHaveParent, moveMakesCycle, rebasePath } from './rules';

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
