import { getCurrentUser } from '@/lib/auth/current-user';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { fileDownload, isUuid } from '@/lib/files/download';
import { visitPhotoFor } from '@/lib/learning/queries';

export const dynamic = 'force-dynamic';

/** A demonstration-site visit's photo, to anyone who may read learning content; always a download. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!isUuid(id) || !/^\d{1,2}$/.test(index)) return Response.json({ error: 'not found' }, { status: 404 });
  try {
    return await fileDownload(await visitPhotoFor(user, id, Number(index)));
  } catch (e) {
    if (e instanceof NotFoundError) return Response.json({ error: 'not found' }, { status: 404 });
    if (e instanceof ForbiddenError) return Response.json({ error: 'forbidden' }, { status: 403 });
    throw e;
  }
}
