import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKFILL, isLag, lagDays } from './backfill';

describe('back-fill lag', () => {
  it('counts calendar days between the claimed day and the recording day', () => {
    expect(lagDays('2026-10-01', '2026-10-31')).toBe(30);
    expect(lagDays('2026-11-25', '2026-11-25')).toBe(0);
  });
  it('flags more than 30 days by default', () => {
    expect(isLag('2026-10-01', '2026-10-31', DEFAULT_BACKFILL)).toBe(false);
    expect(isLag('2026-09-30', '2026-10-31', DEFAULT_BACKFILL)).toBe(true);
    expect(isLag('2026-10-20', '2026-10-31', { ...DEFAULT_BACKFILL, lagDays: 7 })).toBe(true);
  });
});
