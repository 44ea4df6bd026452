import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createActionClient } from './action-client';
import { ForbiddenError, UserError } from './errors';

type U = { id: string; grants: []; mustChangePassword: boolean };
const member: U = { id: 'u1', grants: [], mustChangePassword: false };
const client = (user: U | null) =>
  createActionClient<U>({
    user: async () => user,
    actor: async (u) => ({ id: u.id, name: '测试', ip: '127.0.0.1' }),
  });
const ZInput = z.object({ title: z.string().min(2, 'validation.tooShort'), n: z.number().int() });

afterEach(() => vi.restoreAllMocks());

describe('the action client', () => {
  it('runs the handler with the parsed input and the context, and returns its small result', async () => {
    const seen: unknown[] = [];
    const act = client(member)(ZInput, async (input, ctx) => {
      seen.push(input, ctx.user.id, ctx.actor.ip);
      return { id: 'x1' };
    });
    expect(await act({ title: '  支委会', n: 3 })).toEqual({ ok: true, data: { id: 'x1' } });
    expect(seen).toEqual([{ title: '  支委会', n: 3 }, 'u1', '127.0.0.1']);
  });

  it('refuses a signed-out user before parsing or running anything', async () => {
    const handler = vi.fn();
    const act = client(null)(ZInput, handler);
    expect(await act({ title: 'x', n: 1 })).toEqual({ ok: false, error: 'errors.unauthenticated' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses one who owes a password change, unless the action is the change itself', async () => {
    const owing = { ...member, mustChangePassword: true };
    expect(await client(owing)(ZInput, async () => 1)({ title: '支委会', n: 1 })).toEqual({
      ok: false,
      error: 'errors.mustChangePassword',
    });
    expect(
      await client(owing)(ZInput, async () => 1, { allowPasswordChange: true })({ title: '支委会', n: 1 }),
    ).toEqual({ ok: true, data: 1 });
  });

  it('a parse failure names each field with its message key and never runs the handler', async () => {
    const handler = vi.fn();
    const r = await client(member)(ZInput, handler)({ title: 'x', n: 1.5 } as never);
    expect(r).toMatchObject({ ok: false, error: 'errors.invalidInput' });
    // zod's own English default (n: not an integer) becomes a message the page says in its language.
    expect(r.ok || r.fieldErrors).toEqual({ title: 'validation.tooShort', n: 'validation.invalid' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses text PostgreSQL cannot store anywhere in the input, naming the field, before the handler runs', async () => {
    const handler = vi.fn(async () => 1);
    const act = client(member)(
      z.object({ title: z.string(), items: z.array(z.object({ note: z.string() })) }),
      handler,
    );
    expect(await act({ title: '支委会\u0000', items: [] })).toEqual({
      ok: false,
      error: 'errors.invalidInput',
      fieldErrors: { title: 'validation.badCharacters' },
    });
    expect(await act({ title: '支委会', items: [{ note: '好' }, { note: '\ud83d' }] })).toMatchObject({
      fieldErrors: { 'items.1.note': 'validation.badCharacters' },
    });
    expect(handler).not.toHaveBeenCalled();
    // A whole surrogate pair (an emoji) is text like any other.
    expect(await act({ title: '支委会🎉', items: [{ note: '好' }] })).toEqual({ ok: true, data: 1 });
  });

  it('an unexpected key of a strict schema is refused in the page’s language, not zod’s English', async () => {
    const r = await client(member)(z.object({}).strict(), vi.fn())({ id: 'x' } as never);
    expect(r).toEqual({
      ok: false,
      error: 'errors.invalidInput',
      fieldErrors: { _form: 'validation.invalid' },
    });
  });

  it('a UserError reaches the user by its key, params and field; a policy refusal as errors.forbidden', async () => {
    const r = await client(member)(ZInput, async () => {
      throw new UserError('orgs.errors.duplicateName', { name: '第一党小组' }, 'title');
    })({ title: '支委会', n: 1 });
    expect(r).toMatchObject({
      ok: false,
      error: 'orgs.errors.duplicateName',
      params: { name: '第一党小组' },
      fieldErrors: { title: expect.any(String) },
    });
    expect(
      await client(member)(ZInput, async () => {
        throw new ForbiddenError();
      })({ title: '支委会', n: 1 }),
    ).toMatchObject({ ok: false, error: 'errors.forbidden' });
  });

  it('tells of each policy refusal, with the user, and of nothing else', async () => {
    const refused = vi.fn(async (_u: U) => {});
    const define = createActionClient<U>({
      user: async () => member,
      actor: async (u) => ({ id: u.id, name: '测试', ip: '127.0.0.1' }),
      refused,
    });
    const forbidden = define(ZInput, async () => {
      throw new ForbiddenError();
    });
    expect(await forbidden({ title: '支委会', n: 1 })).toMatchObject({
      ok: false,
      error: 'errors.forbidden',
    });
    expect(refused).toHaveBeenCalledExactlyOnceWith(member);
    await define(ZInput, async () => {
      throw new UserError('orgs.errors.duplicateName');
    })({ title: '支委会', n: 1 });
    await forbidden({ title: '支', n: 1 });
    await define(ZInput, async () => ({ id: 'x' }))({ title: '支委会', n: 1 });
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('says when a handler has run, succeeded or refused, so the request reads its person again; not before', async () => {
    const order: string[] = [];
    const define = createActionClient<U>({
      user: async () => {
        order.push('user');
        return member;
      },
      actor: async (u) => ({ id: u.id, name: '测试', ip: '127.0.0.1' }),
      ran: async () => void order.push('ran'),
    });
    await define(ZInput, async () => void order.push('handler'))({ title: '支委会', n: 1 });
    await define(ZInput, async () => {
      order.push('handler');
      throw new ForbiddenError();
    })({ title: '支委会', n: 1 });
    // Refused by its schema: no handler ran, nothing to read again.
    await define(ZInput, async () => void order.push('handler'))({ title: '', n: -1 } as never);
    expect(order).toEqual(['user', 'handler', 'ran', 'user', 'handler', 'ran', 'user']);
  });

  it('an unexpected error is logged with a reference id and shown only as a generic message with that id', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = await client(member)(ZInput, async () => {
      throw new Error('connection reset: secret detail');
    })({ title: '支委会', n: 1 });
    expect(r).toMatchObject({
      ok: false,
      error: 'errors.unexpected',
      params: { ref: expect.stringMatching(/^[0-9a-f]{8}$/) },
    });
    expect(JSON.stringify(r)).not.toContain('secret detail');
    const ref = (r as unknown as { params: { ref: string } }).params.ref;
    expect(String(log.mock.calls[0]![0])).toContain(ref);
  });

  it("lets next's redirect and notFound keep propagating", async () => {
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/;307;' });
    await expect(
      client(member)(ZInput, async () => {
        throw redirect;
      })({ title: '支委会', n: 1 }),
    ).rejects.toBe(redirect);
  });
});
