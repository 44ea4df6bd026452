import 'server-only';
import { deniedResponse } from '../auth/refusals';
import { getCurrentUser } from '../auth/current-user';
import { traceDownload } from '../trace/downloads';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Subject } from '../policy';
import { handlerParams, notFoundResponse } from '../route-params';
import { fileDownload } from './download';

type StoredFile = { storageKey: string; mimeType: string; fileName: string };

/**
 * GET /…/[id] or /…/[id]/[index]: a stored file, after `read` (a domain query) has loaded the record and asked
 * lib/policy.ts. Signed out → 401, malformed or unknown → 404, refused → 403; always a download.
 */
export function fileRoute<P extends { id: string; index?: number }>(
  read: (user: Subject, p: P) => Promise<StoredFile>,
) {
  return async (req: Request, { params }: { params: Promise<Record<string, string>> }) => {
    const p = await handlerParams(params as Promise<Record<'id' | 'index', string>>);
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
    if (!p) return notFoundResponse();
    try {
      const file = await read(user, p as unknown as P);
      await traceDownload(user, { kind: 'file', name: file.fileName, url: req.url, entityId: p.id });
      return await fileDownload(file);
    } catch (e) {
      if (e instanceof NotFoundError) return notFoundResponse();
      if (e instanceof ForbiddenError) return deniedResponse(user);
      throw e;
    }
  };
}
