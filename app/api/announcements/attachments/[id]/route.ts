import { getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { can } from '@/lib/policy';
import { fileDownload, isUuid } from '@/lib/files/download';

export const dynamic = 'force-dynamic';

/** An announcement's attachment, only to its recipients and the committee that manages it; always a download. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!isUuid(id)) return Response.json({ error: 'not found' }, { status: 404 });
  const f = await db.announcementAttachment.findUnique({ where: { id }, include: { announcement: { select: { orgPath: true, recipients: { where: { userId: user.id }, select: { userId: true } } } } } });
  if (!f) return Response.json({ error: 'not found' }, { status: 404 });
  if (!f.announcement.recipients.length && !can(user, 'announcement.manage', { id: '', path: f.announcement.orgPath })) return Response.json({ error: 'forbidden' }, { status: 403 });
  return fileDownload(f);
}
