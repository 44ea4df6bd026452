import type { Actor } from './audit-log';
import type { Db, Tx } from './db/client';
import type { Subject } from './policy';

/**
 * What every mutation is given: who acts (for lib/policy) and the actor written into the trace (with the
 * request's IP and user agent). Server actions build it in lib/action.ts; the Excel imports, the seed and the
 * tests build it themselves, so the same checks hold whoever calls.
 */
export type ActionContext<U extends Subject = Subject> = { user: U; actor: Actor };

/**
 * A write as the domains write it: given the client, the context and the parsed input, it runs `write` in one
 * transaction, so its changes and its trace commit or roll back together.
 */
export function inTransaction<C extends ActionContext, I, T>(
  write: (tx: Tx, ctx: C, input: I) => Promise<T>,
) {
  return (client: Db, ctx: C, input: I): Promise<T> => client.$transaction((tx) => write(tx, ctx, input));
}
