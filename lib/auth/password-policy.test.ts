import { describe, expect, it } from 'vitest';
import { commonPassword, daysToExpiry, DEFAULT_PASSWORD_SETTING } from './password-policy';

describe('password policy', () => {
  it('refuses common and breached passwords without regard to case, and ones built on the username', () => {
    for (const p of ['Password123', 'P@ssw0rd', 'Qwerty123', '1qaz2wsx'])
      expect(commonPassword(p), p).toBe(true);
    expect(commonPassword('Zhou#Mingxuan2026', 'zhoumx')).toBe(false);
    expect(commonPassword('zhoumx@2026A', 'zhoumx')).toBe(true);
    expect(commonPassword('Tz9#kQm2vL')).toBe(false);
  });
  it('expires after 90 days by default, never with 0', () => {
    const changed = new Date('2026-09-01T00:00:00Z');
    expect(daysToExpiry(changed, DEFAULT_PASSWORD_SETTING, new Date('2026-11-20T00:00:00Z'))).toBe(10);
    expect(daysToExpiry(changed, DEFAULT_PASSWORD_SETTING, new Date('2026-12-01T00:00:00Z'))).toBeLessThan(0);
    expect(daysToExpiry(changed, { ...DEFAULT_PASSWORD_SETTING, expiryDays: 0 })).toBeNull();
  });
});
