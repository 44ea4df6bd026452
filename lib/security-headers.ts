/**
 * The Content-Security-Policy of a page response: scripts only from this origin and with the request's nonce
 * ('strict-dynamic' lets Next's own chunks load what they need), nothing framed or framing, forms posting only
 * here. Styles allow inline attributes (Tailwind output and the charts' inline styles); no script can use that.
 * In development React needs eval. Pure, so it is unit-tested.
 */
export function contentSecurityPolicy(nonce: string, o: { https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The service worker (public/sw.js) and the web app manifest: this origin only.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(o.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** HSTS only over https (a browser ignores it on http, and it must not pin a test server's plain port). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
