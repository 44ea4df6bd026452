import { describe, expect, it, vi } from 'vitest';
import { memo } from './memo';

describe('memo', () => {
  it('reads once per key while fresh, again after the time, and never keeps a failure', async () => {
    vi.useFakeTimers();
    try {
      const keep = memo<number>(1000, 2);
      let reads = 0;
      const read = async () => ++reads;
      expect(await keep('a', read)).toBe(1);
      expect(await keep('a', read)).toBe(1);
      expect(await keep('b', read)).toBe(2);
      vi.advanceTimersByTime(1001);
      expect(await keep('a', read)).toBe(3);
      // Kept now: 'b' (2), 'a' (3). A third key pushes out the oldest, 'b'; its failure is not kept.
      await expect(keep('c', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
      expect(await keep('c', read)).toBe(4);
      expect(await keep('a', read)).toBe(3);
      expect(await keep('b', read)).toBe(5);
    } finally {
      vi.useRealTimers();
    }
  });
});
