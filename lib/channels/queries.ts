import 'server-only';
import { db } from '../db';
import type { Db } from '../db/client';
import { ForbiddenError } from '../errors';
import type { Subject } from '../policy';
import { can } from '../policy';

export async function robotsFor(user: Subject, org: { id: string; path: string }, client: Db = db) {
  if (!can(user, 'robot.manage', org)) throw new ForbiddenError();
  const rows = await client.robotHook.findMany({ where: { orgId: org.id }, orderBy: { createdAt: 'asc' } });
  // The URL carries the platform's key or token: show only its host and the last characters.
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    active: r.active,
    signed: !!r.secret,
    url: `${new URL(r.url).host}/…${r.url.slice(-4)}`,
  }));
}
