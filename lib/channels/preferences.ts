/**
 * Where one person's notifications go (issue 18.5): the in-app centre always; e-mail, and a task card in 企业微信,
 * 钉钉 or 飞书, for the kinds the person keeps on. A channel without a row sends every kind (when it reaches the
 * person: SMTP configured and an e-mail address; the app connected and a linked identity with a message id).
 * Only the owner reads and changes their own choices (lib/policy isOwner); each change is traced.
 */
import { z } from 'zod';
import type { ActionContext } from '../action-context';
import { trace } from '../audit-log';
import type { Db } from '../db/client';
import { isOwner, type Subject } from '../policy';
import { CARD_CHANNELS, CARD_PROVIDER, cardChannelOn } from './cards';
import { smtpConfigured } from './email';
import { NOTIFICATION_KINDS } from './notify';

export const PREF_CHANNELS = ['EMAIL', ...CARD_CHANNELS] as const;
export type PrefChannel = (typeof PREF_CHANNELS)[number];

export const ZNotifyPrefs = z
  .object({
    channel: z.enum(PREF_CHANNELS),
    kinds: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length),
  })
  .strict();

/** Whether a channel with these stored kinds (undefined: no row) sends this kind. */
export const wants = (kinds: readonly string[] | undefined, kind: string) => !kinds || kinds.includes(kind);

export type OwnChannel = { channel: PrefChannel; reachable: boolean; kinds: string[] };

/** The person's channels: whether each reaches them here, and the kinds it sends. */
export async function ownChannels(client: Db, user: Subject): Promise<OwnChannel[]> {
  const [me, prefs, ids] = await Promise.all([
    client.user.findUnique({ where: { id: user.id }, select: { id: true, email: true } }),
    client.notifyPreference.findMany({ where: { userId: user.id } }),
    client.externalIdentity.findMany({
      where: { userId: user.id, messageTo: { not: null } },
      select: { provider: true, userId: true },
    }),
  ]);
  if (!me || !isOwner(user, me.id)) return [];
  const stored = new Map(prefs.filter((p) => isOwner(user, p.userId)).map((p) => [p.channel, p.kinds]));
  const linked = new Set(ids.filter((i) => isOwner(user, i.userId)).map((i) => i.provider));
  return PREF_CHANNELS.map((channel) => ({
    channel,
    reachable:
      channel === 'EMAIL'
        ? smtpConfigured() && !!me.email
        : cardChannelOn(channel) && linked.has(CARD_PROVIDER[channel]),
    kinds: stored.get(channel) ?? [...NOTIFICATION_KINDS],
  }));
}

export async function setNotifyPrefs(client: Db, ctx: ActionContext, input: z.output<typeof ZNotifyPrefs>) {
  const kinds = NOTIFICATION_KINDS.filter((k) => input.kinds.includes(k));
  return client.$transaction(async (tx) => {
    const before = await tx.notifyPreference.findUnique({
      where: { userId_channel: { userId: ctx.user.id, channel: input.channel } },
    });
    await tx.notifyPreference.upsert({
      where: { userId_channel: { userId: ctx.user.id, channel: input.channel } },
      create: { userId: ctx.user.id, channel: input.channel, kinds },
      update: { kinds },
    });
    await trace(tx, ctx.actor, 'account.notifyPrefs', 'User', ctx.user.id, {
      before: before ? { channel: input.channel, kinds: before.kinds } : null,
      after: { channel: input.channel, kinds },
    });
    return { channel: input.channel, kinds };
  });
}
