import { describe, expect, it } from 'vitest';
import { MAX_PAGE, pageNumber, yearParam } from './search-params';
import { isUuid } from './validation';

describe('what a list takes from its address', () => {
  it('a page is a whole number from 1 to MAX_PAGE, anything else the first page', () => {
    expect(pageNumber('3')).toBe(3);
    expect(pageNumber(['4', '9'])).toBe(4);
    expect(pageNumber(String(MAX_PAGE))).toBe(MAX_PAGE);
    for (const raw of ['1e20', 'Infinity', '-1', '0', '2.5', 'abc', '', undefined, String(MAX_PAGE + 1)])
      expect(pageNumber(raw), String(raw)).toBe(1);
  });

  it('a year is a whole number from 2000 to the latest, anything else the fallback', () => {
    expect(yearParam('2025', 2026, 2026)).toBe(2025);
    for (const raw of ['1', '-5', '1e20', '1e308', '2027', '1999', 'x', undefined])
      expect(yearParam(raw, 2026, 2026), String(raw)).toBe(2026);
  });

  it('an id is a UUID, not 36 characters of dashes', () => {
    expect(isUuid('7d0c5a86-2b8e-4c8e-9a55-0d1f3f5d2a11')).toBe(true);
    expect(isUuid('-'.repeat(36))).toBe(false);
    expect(isUuid('7d0c5a86-2b8e-4c8e-9a55-0d1f3f5d2a1')).toBe(false);
    expect(isUuid(undefined)).toBe(false);
  });
});
