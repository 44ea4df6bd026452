import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// Messages are compiled at build time (next-intl's precompile): a message with values is then formatted by a
// small interpreter, not parsed into an IntlMessageFormat again in each request under a key that JSON-encodes
// every date format (7.6% of the 工作提醒表's server CPU before). `t.raw` is not available with it.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: {
    messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true },
  },
});

const nextConfig: NextConfig = {
  // forbidden() → app/forbidden.tsx (the 403 page).
  // Uploads (handbook templates up to 20 MB, Excel imports up to 5 MB) travel through server actions
  // and the proxy; their own checks give the user a message below these hard limits.
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: '25mb' },
    proxyClientMaxBodySize: '25mb',
  },
  serverExternalPackages: [
    '@node-rs/argon2',
    'exceljs',
    '@electric-sql/pglite',
    'pg-boss',
    '@aws-sdk/client-s3',
    'nodemailer',
    'playwright-core',
  ],
  poweredByHeader: false,
  // npm start's first build skips the type check (scripts/lib/build.ts); every test layer's build runs it.
  typescript: { ignoreBuildErrors: process.env.WB_BUILD_SKIP_TYPECHECK === '1' },
  // Content-Security-Policy (with a nonce per request) and HSTS (over https) are set in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
          {
            key: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
          },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
