import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FACTOR_SETTING,
  factorRequired,
  newRecoveryCode,
  newTotpSecret,
  recoveryHash,
  seal,
  totpCode,
  totpStep,
  totpUri,
  unseal,
} from './factors';

describe('sealed secrets', () => {
  it('open with the key and refuse any change', () => {
    const s = seal('JBSWY3DPEHPK3PXP');
    expect(s).not.toContain('JBSWY3DPEHPK3PXP');
    expect(unseal(s)).toBe('JBSWY3DPEHPK3PXP');
    const [v, iv, body, tag] = s.split('.');
    const flipped = body!.slice(0, -2) + (body!.endsWith('AA') ? 'AB' : 'AA');
    expect(() => unseal([v, iv, flipped, tag].join('.'))).toThrow();
  });
});

describe('TOTP (RFC 6238)', () => {
  const secret = newTotpSecret();
  const t = Date.UTC(2026, 10, 30, 8, 0, 10);
  it('matches the RFC 6238 test vector (SHA-1, 59 s)', () => {
    // RFC 6238 Appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits); 6 digits: 287082.
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(rfcSecret, 59_000)).toBe('287082');
  });
  it("accepts this step's code and a neighbour's, nothing further", () => {
    const step = Math.floor(t / 30_000);
    expect(totpStep(secret, totpCode(secret, t), t)).toBe(step);
    expect(totpStep(secret, totpCode(secret, t - 30_000), t)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, t + 30_000), t)).toBe(step + 1);
    expect(totpStep(secret, totpCode(secret, t - 90_000), t)).toBeNull();
    expect(totpStep(secret, 'abcdef', t)).toBeNull();
    expect(totpStep(secret, '', t)).toBeNull();
  });
  it('gives an otpauth URI naming the portal and the person', () => {
    const uri = totpUri(secret, 'admin');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(decodeURIComponent(uri)).toContain('五标:admin');
    expect(uri).toContain(`secret=${secret}`);
  });
});

describe('recovery codes', () => {
  it('are ten characters in two groups, compared without case or dashes', () => {
    const c = newRecoveryCode();
    expect(c).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(recoveryHash(c.toLowerCase().replace('-', ' '))).toBe(recoveryHash(c));
    expect(recoveryHash(newRecoveryCode())).not.toBe(recoveryHash(c));
  });
});

describe('who must have a second factor', () => {
  const s = DEFAULT_FACTOR_SETTING;
  it('administrators, the committee and auditors by default; not a branch secretary', () => {
    for (const role of ['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'COMMITTEE', 'AUDITOR'])
      expect(factorRequired(s, { username: 'x', roles: [role] })).toBe(true);
    expect(factorRequired(s, { username: 'x', roles: ['SECRETARY', 'MEMBER'] })).toBe(false);
    expect(factorRequired({ ...s, everyone: true }, { username: 'x', roles: ['MEMBER'] })).toBe(true);
  });
  it('a demo database exempts its demo accounts but `admin`', () => {
    const demo = { ...s, demoExempt: true };
    expect(factorRequired(demo, { username: 'committee', roles: ['COMMITTEE'] })).toBe(false);
    expect(factorRequired(demo, { username: 'admin', roles: ['ADMIN'] })).toBe(true);
  });
});
