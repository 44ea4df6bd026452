import { describe, expect, it } from 'vitest';
import { BLOCKED_NAMES, GIVEN_NAMES, nameAt, personName, SURNAMES } from '../../prisma/seed-data';
import { prng } from '../../prisma/seed-random';

describe('demo names', () => {
  it('never give an invented person a national leader’s name, over the whole seed:large run', () => {
    const blocked = new Set<string>();
    for (let i = 0; i < 100_000; i++) if (BLOCKED_NAMES.has(nameAt(i))) blocked.add(nameAt(i));
    expect([...blocked]).toEqual([]);
    const rand = prng(1);
    for (let i = 0; i < 20_000; i++) expect(BLOCKED_NAMES.has(personName(rand))).toBe(false);
    // The lists can form such a name (李 + 鹏): the block is what keeps it out.
    expect(SURNAMES.includes('李') && GIVEN_NAMES.includes('鹏') && BLOCKED_NAMES.has('李鹏')).toBe(true);
  });

  it('are whole names of two or three characters, varied', () => {
    const rand = prng(2);
    const names = Array.from({ length: 2_000 }, () => personName(rand));
    expect(names.every((n) => /^\p{Script=Han}{2,3}$/u.test(n))).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(1_500);
    expect(new Set(Array.from({ length: 5_000 }, (_, i) => nameAt(i))).size).toBeGreaterThan(4_000);
  });
});
