import { db } from '@/lib/db';
import { jobsState } from '@/lib/jobs-state';

export const dynamic = 'force-dynamic';

/**
 * Liveness for load balancers and the start script: 200 when the database answers, else 503; `jobs` says whether this
 * process works the job queue (off, starting, running, failed).
 */
export async function GET() {
  const started = Date.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({
      status: 'ok',
      db: 'ok',
      jobs: jobsState(),
      latencyMs: Date.now() - started,
      time: new Date().toISOString(),
    });
  } catch {
    return Response.json(
      { status: 'error', db: 'unreachable', time: new Date().toISOString() },
      { status: 503 },
    );
  }
}
