import 'server-only';
import { createActionClient } from './action-client';
import { actorOf, getCurrentUser } from './auth/current-user';

/**
 * The one action client (lib/action-client.ts) bound to the signed-in user of the request and the trace actor
 * with the request's IP and user agent. Every server action is `defineAction(schema, handler)`.
 */
export const defineAction = createActionClient({ user: getCurrentUser, actor: actorOf });
