import { getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { can } from '@/lib/policy';
import { fileDownload } from '@/lib/files/download';
import { handlerParams, notFoundResponse } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

/** Evidence, only to those who may see its task (the unit's own people, or supervisors of its subtree). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const p = await handlerParams(params);
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!p) return notFoundResponse();
  const { id } = p;
  const f = await db.evidence.findUnique({
    where: { id },
    include: { task: { select: { org: { select: { id: true, path: true } } } } },
  });
  if (!f) return Response.json({ error: 'not found' }, { status: 404 });
  const org = f.task.org;
  if (!can(user, 'reminder.complete', org) && !can(user, 'reminder.supervise', org))
    return Response.json({ error: 'forbidden' }, { status: 403 });
  return fileDownload(f);
}
