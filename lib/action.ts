import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import type { ActionContext } from './action-context';
import { createActionClient, type Translator } from './action-client';
import { actorOf, forgetSessionUser, getSessionUser } from './auth/current-user';
import { recordRefusal } from './auth/refusals';
import { db } from './db';
import type { Db } from './db/client';

/**
 * The one action client (lib/action-client.ts) bound to the signed-in user of the request and the trace actor
 * with the request's IP and user agent; a refusal leaves in the words of the request's language. Every server
 * action is `defineAction(schema, handler)`.
 */
export const defineAction = createActionClient({
  user: getSessionUser,
  actor: actorOf,
  words: async () => (await getTranslations()) as unknown as Translator,
  refused: (user) => recordRefusal(user, 'action'),
  // The page Next renders after an action, in the same request, reads the person again (their own change shows).
  ran: forgetSessionUser,
});

/**
 * The plain server action: `mutate(db, ctx, input)` (which authorizes and writes with its trace), then `after`
 * it has committed (revalidate what changed); the action returns the mutation's result, or the small part
 * `reply` picks of it.
 */
export function defineMutation<S extends z.ZodType, T, R = T>(
  schema: S,
  mutate: (client: Db, ctx: ActionContext, input: z.output<S>) => Promise<T>,
  after: (input: z.output<S>, result: T) => void,
  reply: (result: T) => R = (result) => result as unknown as R,
) {
  return defineAction(schema, async (input, ctx) => {
    const r = await mutate(db, ctx, input);
    after(input, r);
    return reply(r);
  });
}

/** The reply of an action that created or changed one record: its id, not the whole row. */
export const idOnly = (row: { id: string }) => ({ id: row.id });
