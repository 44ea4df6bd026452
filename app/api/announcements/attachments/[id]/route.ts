import { getCurrentUser } from '@/lib/auth/current-user';
import { announcementAttachmentFor } from '@/lib/announcements/queries';
import { NotFoundError } from '@/lib/errors';
import { fileDownload, isUuid } from '@/lib/files/download';

export const dynamic = 'force-dynamic';

/** An announcement's attachment, only to its recipients and the committee that manages it; always a download. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!isUuid(id)) return Response.json({ error: 'not found' }, { status: 404 });
  try {
    return await fileDownload(await announcementAttachmentFor(user, id));
  } catch (e) {
    if (e instanceof NotFoundError) return Response.json({ error: 'not found' }, { status: 404 });
    throw e;
  }
}
