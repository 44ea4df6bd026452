import { describe, expect, it } from 'vitest';
import {
  ABSOLUTE_TIMEOUT_MS,
  afterFailure,
  IDLE_TIMEOUT_MS,
  isLocked,
  LOCK_MINUTES,
  passwordProblem,
  sessionExpiry,
} from './rules';

describe('password policy', () => {
  it.each([
    ['Wubiao@2026', null],
    ['abcDEF12', null],
    ['abc-def-12', null],
    ['Ab1!', 'auth.password.tooShort'],
    ['abcdefgh1', 'auth.password.tooWeak'],
    ['ABCDEFGH!', 'auth.password.tooWeak'],
    ['密码密码密码密码1a', null],
    ['x'.repeat(129) + 'A1', 'auth.password.tooLong'],
  ])('%s → %s', (pw, expected) => expect(passwordProblem(pw)).toBe(expected));
});

describe('lockout arithmetic', () => {
  const now = new Date('2026-11-25T08:00:00Z');
  it('counts failures and locks on the fifth for 15 minutes', () => {
    let s = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i += 1) {
      const n = afterFailure(s, now);
      expect(n.lockedNow).toBe(false);
      expect(n.failedLogins).toBe(i);
      s = n;
    }
    const fifth = afterFailure(s, now);
    expect(fifth.lockedNow).toBe(true);
    expect(fifth.lockedUntil!.getTime() - now.getTime()).toBe(LOCK_MINUTES * 60_000);
    expect(isLocked(fifth, new Date(now.getTime() + 14 * 60_000))).toBe(true);
    expect(isLocked(fifth, new Date(now.getTime() + 15 * 60_000))).toBe(false);
  });
  it('a lock that has run out starts a fresh count', () => {
    const expired = { failedLogins: 5, lockedUntil: new Date(now.getTime() - 1) };
    expect(afterFailure(expired, now)).toMatchObject({ failedLogins: 1, lockedNow: false });
  });
});

describe('session limits', () => {
  const t0 = 1_000_000;
  it('idle after 30 minutes without a request', () => {
    expect(sessionExpiry({ loginAt: t0, lastSeen: t0 }, t0 + IDLE_TIMEOUT_MS)).toBeNull();
    expect(sessionExpiry({ loginAt: t0, lastSeen: t0 }, t0 + IDLE_TIMEOUT_MS + 1)).toBe('idle');
  });
  it('absolute after 12 hours even when active', () => {
    expect(
      sessionExpiry({ loginAt: t0, lastSeen: t0 + ABSOLUTE_TIMEOUT_MS }, t0 + ABSOLUTE_TIMEOUT_MS + 1),
    ).toBe('absolute');
  });
});
