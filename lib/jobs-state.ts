// Whether this process works the job queue (lib/jobs.ts), kept on globalThis: Next loads instrumentation and the
// routes in separate module graphs of one process. /api/health shows it, so a deployer sees which nodes run jobs.
export type JobsState = 'off' | 'starting' | 'running' | 'failed';

const g = globalThis as unknown as { wubiaoJobsState?: JobsState };

export const jobsState = (): JobsState => g.wubiaoJobsState ?? 'off';
export const setJobsState = (s: JobsState) => void (g.wubiaoJobsState = s);
