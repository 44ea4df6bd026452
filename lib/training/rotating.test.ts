import { describe, expect, it } from 'vitest';
import { checkSignInCode, CODE_STEP_MS, signInCode } from './rotating';

describe('the training sign-in code', () => {
  const t0 = new Date('2026-11-30T02:00:00.000Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);
  it('is accepted for its own step and the next, then expires; a future or forged code is refused', () => {
    const code = signInCode('secret', 's1', t0);
    expect(checkSignInCode('secret', 's1', code, t0)).toBe('ok');
    expect(checkSignInCode('secret', 's1', code, later(CODE_STEP_MS))).toBe('ok');
    expect(checkSignInCode('secret', 's1', code, later(2 * CODE_STEP_MS))).toBe('expired');
    expect(checkSignInCode('secret', 's1', signInCode('secret', 's1', later(CODE_STEP_MS)), t0)).toBe('bad');
    expect(checkSignInCode('secret', 's2', code, t0)).toBe('bad');
    expect(checkSignInCode('other', 's1', code, t0)).toBe('bad');
    expect(checkSignInCode('secret', 's1', 'secret', t0)).toBe('bad');
    expect(signInCode('secret', 's1', later(CODE_STEP_MS))).not.toBe(code);
  });
});
