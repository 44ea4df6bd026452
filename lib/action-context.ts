import type { Actor } from './audit-log';
import type { Subject } from './policy';

/**
 * What every mutation is given: who acts (for lib/policy) and the actor written into the trace (with the
 * request's IP and user agent). Server actions build it in lib/action.ts; the Excel imports, the seed and the
 * tests build it themselves, so the same checks hold whoever calls.
 */
export type ActionContext<U extends Subject = Subject> = { user: U; actor: Actor };
