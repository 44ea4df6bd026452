import { getCurrentUser } from '@/lib/auth/current-user';
import { announcementAttachmentFor } from '@/lib/announcements/queries';
import { NotFoundError } from '@/lib/errors';
import { fileDownload } from '@/lib/files/download';
import { handlerParams, notFoundResponse } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

/** An announcement's attachment, only to its recipients and the committee that manages it; always a download. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const p = await handlerParams(params);
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!p) return notFoundResponse();
  const { id } = p;
  try {
    return await fileDownload(await announcementAttachmentFor(user, id));
  } catch (e) {
    if (e instanceof NotFoundError) return Response.json({ error: 'not found' }, { status: 404 });
    throw e;
  }
}
