'use client';

// Last resort when the root layout itself fails: no providers are available, so both languages inline.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', textAlign: 'center', padding: '4rem 1rem' }}>
        <h1>系统出错 / Something went wrong</h1>
        <p>请稍后重试，并把参考编号告诉管理员。 Please try again later and quote the reference.</p>
        <p style={{ fontFamily: 'monospace' }}>{error.digest ?? '-'}</p>
      </body>
    </html>
  );
}
