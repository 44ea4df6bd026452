import { getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { can } from '@/lib/policy';
import { fileDownload } from '@/lib/files/download';
import { handlerParams, notFoundResponse } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

/** A template or worked example, as a download under its original name (never rendered inline). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const p = await handlerParams(params);
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!p) return notFoundResponse();
  const { id } = p;
  const f = await db.articleAttachment.findUnique({
    where: { id },
    include: { article: { select: { version: { select: { status: true } } } } },
  });
  if (!f) return Response.json({ error: 'not found' }, { status: 404 });
  const allowed =
    f.article.version.status === 'DRAFT' ? can(user, 'handbook.edit') : can(user, 'handbook.read');
  if (!allowed) return Response.json({ error: 'forbidden' }, { status: 403 });
  return fileDownload(f);
}
