import 'server-only';
import { getCurrentUser } from '../auth/current-user';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Subject } from '../policy';
import { fileDownload } from './download';
import { handlerParams, notFoundResponse } from '../route-params';

type Read = (
  user: Subject,
  id: string,
  index: number,
) => Promise<{ storageKey: string; mimeType: string; fileName: string }>;

/** GET /…/[id]/[index]: the index-th file of a record, after `read` has asked lib/policy.ts; always a download. */
export function indexedFileRoute(read: Read) {
  return async (_req: Request, { params }: { params: Promise<{ id: string; index: string }> }) => {
    const p = await handlerParams(params);
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
    if (!p) return notFoundResponse();
    try {
      return await fileDownload(await read(user, p.id, p.index));
    } catch (e) {
      if (e instanceof NotFoundError) return Response.json({ error: 'not found' }, { status: 404 });
      if (e instanceof ForbiddenError) return Response.json({ error: 'forbidden' }, { status: 403 });
      throw e;
    }
  };
}
