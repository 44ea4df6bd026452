import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from './security-headers';

describe('Content-Security-Policy', () => {
  it('allows scripts only with the nonce, frames nothing, upgrades only over https, evals only in development', () => {
    const csp = contentSecurityPolicy('abc', { https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy('abc', { https: true, dev: true })).toMatch(
      /unsafe-eval.*upgrade-insecure-requests/,
    );
  });
  it('makes a fresh 16-byte nonce each time', () => {
    const a = newNonce();
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
