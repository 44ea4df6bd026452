import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ActionContext } from './action-context';
import type { Actor } from './audit-log';
import { UserError } from './errors';
import { Prisma } from './generated/prisma/client';
import { msg, parseMsg } from './i18n/message';
import type { Subject } from './policy';
import { storable } from './validation';

export type ActionFailure = {
  ok: false;
  /** The message key (stable: a page may act on it). */
  error: string;
  params?: Record<string, string | number>;
  /** By field: the message in words once `words` ran, else its key. */
  fieldErrors?: Record<string, string>;
  /** The message in the page's language, once `words` ran. */
  text?: string;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** What turns a message key (and its parameters) into words: next-intl's translator of the whole catalogue. */
export type Translator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/**
 * A refusal with its words: the page shows them as they are, so it needs no namespace's errors of its own
 * (issue 17: every namespace's `errors` was 20 KB of every page). A key without a message stays a key.
 */
export function wordFailure(t: Translator, f: ActionFailure): ActionFailure {
  const say = (m: string, extra?: Record<string, string | number>) => {
    const { key, params } = parseMsg(m);
    return t.has(key) ? t(key, { ...params, ...extra }) : m;
  };
  return {
    ...f,
    text: say(f.error, f.params),
    ...(f.fieldErrors
      ? { fieldErrors: Object.fromEntries(Object.entries(f.fieldErrors).map(([k, v]) => [k, say(v)])) }
      : {}),
  };
}

/**
 * The one action client. Every server action is built with it, so the order never varies:
 * signed-in user → zod parse → handler (which loads the record, asks lib/policy, mutates in a
 * transaction with its trace) → small result. Only UserErrors reach the user by their key; anything
 * else is logged with a reference id and shown as a generic message.
 */
export function createActionClient<
  U extends Subject & { mustChangePassword: boolean; factorOwed?: 'verify' | 'enrol' | null },
>(session: {
  user: () => Promise<U | null>;
  actor: (user: U) => Promise<Actor>;
  /** Puts a refusal into words before it leaves the server. */
  words?: () => Promise<Translator>;
  /** Told of every refusal of the policy (`errors.forbidden`), after the handler gave up. */
  refused?: (user: U) => Promise<void>;
  /** Told when the handler has run, whatever its outcome (the user read for the request is read again after it). */
  ran?: () => Promise<void>;
}) {
  return function defineAction<S extends z.ZodType, T>(
    schema: S,
    handler: (input: z.output<S>, ctx: ActionContext<U>) => Promise<T>,
    opts: { allowPasswordChange?: boolean; allowFactor?: 'verify' | 'enrol' } = {},
  ): (input: z.input<S>) => Promise<ActionResult<T>> {
    const run = async (raw: z.input<S>): Promise<ActionResult<T>> => {
      const user = await session.user();
      if (!user) return { ok: false, error: 'errors.unauthenticated' };
      // A session that owes a second factor reaches only the actions that settle it.
      if (user.factorOwed === 'verify' && opts.allowFactor !== 'verify')
        return { ok: false, error: 'errors.secondFactorOwed' };
      if (user.factorOwed === 'enrol' && opts.allowFactor !== 'enrol' && !opts.allowPasswordChange)
        return { ok: false, error: 'errors.secondFactorOwed' };
      if (user.mustChangePassword && !opts.allowPasswordChange)
        return { ok: false, error: 'errors.mustChangePassword' };
      const parsed = schema.safeParse(raw);
      if (!parsed.success)
        return { ok: false, error: 'errors.invalidInput', fieldErrors: fieldErrorsOf(parsed.error) };
      const unstorable = unstorablePath(parsed.data);
      if (unstorable)
        return {
          ok: false,
          error: 'errors.invalidInput',
          fieldErrors: { [unstorable.join('.') || '_form']: 'validation.badCharacters' },
        };
      try {
        const data = await handler(parsed.data, { user, actor: await session.actor(user) });
        return { ok: true, data };
      } catch (e) {
        const failure = toFailure(e);
        if (failure.error === 'errors.forbidden') await session.refused?.(user);
        return failure;
      } finally {
        await session.ran?.();
      }
    };
    return async (raw) => {
      const r = await run(raw);
      return r.ok || !session.words ? r : wordFailure(await session.words(), r);
    };
  };
}

/**
 * Where the input holds text PostgreSQL cannot store (lib/validation.ts storable: a NUL, half a surrogate pair), as
 * the field's path; null when it holds none. Every action's input passes here after its schema, so no schema can
 * forget it (it reached the database as an unexpected error). Files are bytes, not text, and are not looked into.
 */
export function unstorablePath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return storable(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = unstorablePath(v, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      const found = unstorablePath(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** A message our schemas give (a message key, possibly with its parameters), not zod's own English default. */
const MESSAGE_KEY = /^[a-zA-Z]+(\.[a-zA-Z0-9]+)+(\|.*)?$/;

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    // zod's defaults ("Unrecognized key", "expected object") are English and not for people: say it in their language.
    out[key] ??= MESSAGE_KEY.test(issue.message) ? issue.message : 'validation.invalid';
  }
  return out;
}

export function toFailure(e: unknown): ActionFailure {
  if (e instanceof UserError) {
    return {
      ok: false,
      error: e.key,
      params: e.params,
      ...(e.field ? { fieldErrors: { [e.field]: msg(e.key, e.params) } } : {}),
    };
  }
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
    return { ok: false, error: 'errors.duplicate' };
  }
  // next's redirect()/notFound() are errors too and must keep propagating.
  if (
    e &&
    typeof e === 'object' &&
    'digest' in e &&
    typeof (e as { digest: unknown }).digest === 'string' &&
    /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test((e as { digest: string }).digest)
  ) {
    throw e;
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[action error ref=${ref}]`, e);
  return { ok: false, error: 'errors.unexpected', params: { ref } };
}
