// Server start: the background jobs (Node runtime only). Errors are logged with Next's digest,
// the reference id the 500 page shows.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startJobs } = await import('./lib/jobs');
  await startJobs()?.catch(() => undefined);
}

export async function onRequestError(err: unknown, request: { path: string; method: string }) {
  const digest = (err as { digest?: string }).digest ?? '-';
  console.error(`[request error ref=${digest}] ${request.method} ${request.path}`, err);
}
