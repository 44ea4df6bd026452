import 'server-only';
import type { NextRequest } from 'next/server';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { deniedResponse } from '@/lib/auth/refusals';
import { traceDownload } from '@/lib/trace/downloads';
import { xlsxResponse } from '@/lib/excel/response';

/**
 * GET /api/…/export or …/template: a workbook for a signed-in user whom `allowed` lets through (no session → 401,
 * refused → 403). `build` gives the workbook and its file's base name, or a response of its own (a bad query,
 * nothing to export).
 */
export function workbookRoute(
  allowed: (user: CurrentUser) => boolean | Promise<boolean>,
  build: (user: CurrentUser, req: NextRequest) => Promise<[workbook: Buffer, baseName: string] | Response>,
) {
  return async (req: NextRequest) => {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
    if (!(await allowed(user))) return deniedResponse(user);
    const built = await build(user, req);
    if (built instanceof Response) return built;
    await traceDownload(user, { kind: 'workbook', name: built[1], url: req.nextUrl });
    return xlsxResponse(...built);
  };
}
