import { getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { can } from '@/lib/policy';
import { getFile } from '@/lib/storage';

export const dynamic = 'force-dynamic';

/** An announcement's attachment, only to its recipients and the committee that manages it; always a download. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!/^[0-9a-f-]{36}$/i.test(id)) return Response.json({ error: 'not found' }, { status: 404 });
  const f = await db.announcementAttachment.findUnique({ where: { id }, include: { announcement: { select: { orgPath: true, recipients: { where: { userId: user.id }, select: { userId: true } } } } } });
  if (!f) return Response.json({ error: 'not found' }, { status: 404 });
  if (!f.announcement.recipients.length && !can(user, 'announcement.manage', { id: '', path: f.announcement.orgPath })) return Response.json({ error: 'forbidden' }, { status: 403 });
  let bytes: Buffer;
  try {
    bytes = await getFile(f.storageKey);
  } catch {
    return Response.json({ error: 'file missing' }, { status: 404 });
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': f.mimeType,
      'Content-Disposition': `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
