import 'server-only';
import { actorOf, type CurrentUser } from '../auth/current-user';
import { traceRead } from '../audit-log';
import { db } from '../db';

/**
 * Who took which file or list (issue 16.11): every download — an export, a template, a stored file, a PDF — leaves
 * a trace event naming the person, the route asked (with its filters) and the file's name. Written after the file
 * is ready and before it is sent; a download whose trace cannot be written is not sent.
 */
export async function traceDownload(
  user: CurrentUser,
  d: {
    kind: 'workbook' | 'file' | 'pdf' | 'personal';
    name: string;
    url: URL | string;
    entityType?: string;
    entityId?: string;
  },
) {
  const actor = await actorOf(user);
  const url = typeof d.url === 'string' ? new URL(d.url, 'http://local') : d.url;
  await traceRead(db, actor, {
    action: `download.${d.kind}`,
    entityType: d.entityType ?? 'Download',
    entityId: d.entityId?.slice(0, 64) ?? null,
    orgPath: user.org?.path ?? null,
    after: { name: d.name.slice(0, 200), path: `${url.pathname}${url.search}`.slice(0, 500) },
  });
}
