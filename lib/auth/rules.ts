// Pure rules of sign-in (等保三级 habits). Unit-tested in rules.test.ts.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

/** Character classes present: lower case, upper case, digits, others. */
export function passwordClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}

/** null when acceptable, else the message key saying why not. */
export function passwordProblem(pw: string): string | null {
  if (pw.length < PASSWORD_MIN_LENGTH) return 'auth.password.tooShort';
  if (pw.length > PASSWORD_MAX_LENGTH) return 'auth.password.tooLong';
  if (passwordClasses(pw) < 3) return 'auth.password.tooWeak';
  return null;
}

export type LockState = { failedLogins: number; lockedUntil: Date | null };

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more wrong password. A lock that has run out starts a fresh count. */
export function afterFailure(state: LockState, now: Date): LockState & { lockedNow: boolean } {
  const expired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const failed = (expired ? 0 : state.failedLogins) + 1;
  if (failed >= MAX_FAILED_LOGINS) {
    return {
      failedLogins: failed,
      lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000),
      lockedNow: true,
    };
  }
  return { failedLogins: failed, lockedUntil: null, lockedNow: false };
}

export type SessionClock = { loginAt: number; lastSeen: number };

/** 'idle' after 30 minutes without a request, 'absolute' 12 hours after sign-in. */
export function sessionExpiry(clock: SessionClock, now: number): 'idle' | 'absolute' | null {
  if (now - clock.loginAt > ABSOLUTE_TIMEOUT_MS) return 'absolute';
  if (now - clock.lastSeen > IDLE_TIMEOUT_MS) return 'idle';
  return null;
}
