import { describe, expect, it } from 'vitest';
import { textDiff } from './diff';

describe('text diff', () => {
  it('marks Chinese changes by character', () => {
    const parts = textDiff('每季度召开一次支部党员大会', '每季度至少召开一次支部党员大会');
    expect(
      parts
        .filter((p) => p.op === 'add')
        .map((p) => p.text)
        .join(''),
    ).toBe('至少');
    expect(parts.filter((p) => p.op === 'del')).toEqual([]);
    expect(parts.map((p) => (p.op === 'del' ? '' : p.text)).join('')).toBe('每季度至少召开一次支部党员大会');
  });
});
