/**
 * The in-app notification centre and its outbox. notify() writes, inside the caller's transaction,
 * one Notification per recipient (deduplicated by key); for each new one an e-mail Delivery (SMTP configured) and a
 * task card Delivery per linked 企业微信/钉钉/飞书 identity whose app is connected, each only for the kinds the person
 * keeps on (lib/channels/preferences.ts); and a robot Delivery per active group robot of the named organizations.
 * Sending happens later, in the job queue (lib/channels/deliver.ts), so a slow channel never blocks the action.
 */
import type { Tx } from '../db/client';
import { CARD_PROVIDER, cardChannelOn, type CardChannel } from './cards';
import { smtpConfigured } from './email';
import { renderNotice } from './render';

export const NOTIFICATION_KINDS = [
  'DUE_SOON',
  'OVERDUE',
  'SUPERVISION',
  'RETURNED',
  'RATED',
  'ANNOUNCEMENT',
  'SELF_CHECK',
  'FEEDBACK',
  'RECTIFICATION',
  'COORDINATION',
  'SECURITY',
  'TRAINING',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotifyInput = {
  userIds: string[];
  kind: NotificationKind;
  titleKey: string;
  params?: Record<string, string | number>;
  link: string;
  dedupeKey: string;
  /** Organizations whose group robots (企业微信/钉钉/飞书) also get the message. */
  robotOrgIds?: string[];
};

export async function notify(tx: Tx, n: NotifyInput): Promise<{ created: number; deliveryIds: string[] }> {
  const userIds = [...new Set(n.userIds)];
  const params = JSON.stringify(n.params ?? {});
  const created = userIds.length
    ? await tx.$queryRaw<
        {
          userId: string;
          email: string | null;
          prefs: Record<string, string[]>;
          apps: { provider: string; to: string }[];
        }[]
      >`
        WITH ins AS (
          INSERT INTO "Notification" (id, "userId", kind, "titleKey", params, link, "dedupeKey")
          SELECT gen_random_uuid(), u, ${n.kind}, ${n.titleKey}, ${params}::jsonb, ${n.link}, ${n.dedupeKey}
          FROM unnest(${userIds}::uuid[]) AS u
          ON CONFLICT ("userId", "dedupeKey") DO NOTHING
          RETURNING "userId")
        SELECT ins."userId"::text AS "userId", u.email,
          coalesce((SELECT json_object_agg(p.channel, p.kinds) FROM "NotifyPreference" p WHERE p."userId" = u.id),
                   '{}'::json) AS prefs,
          coalesce((SELECT json_agg(json_build_object('provider', e.provider, 'to', e."messageTo"))
                    FROM "ExternalIdentity" e WHERE e."userId" = u.id AND e."messageTo" IS NOT NULL), '[]'::json) AS apps
        FROM ins JOIN "User" u ON u.id = ins."userId" AND u.active`
    : [];
  const text = renderNotice(n.titleKey, n.params ?? {});
  const wants = (kinds: string[] | undefined) => !kinds || kinds.includes(n.kind);
  const deliveries: { channel: string; target: string; payload: object }[] = [];
  if (smtpConfigured()) {
    for (const r of created)
      if (r.email && wants(r.prefs.EMAIL))
        deliveries.push({
          channel: 'EMAIL',
          target: r.email,
          payload: { subject: `【五标】${text}`, text: `${text}\n${n.link}` },
        });
  }
  const cardOn = new Map<CardChannel, boolean>();
  const title = `五标 · ${renderNotice(`notifications.kinds.${n.kind}`, {})}`;
  for (const r of created)
    for (const app of r.apps) {
      const channel = (Object.keys(CARD_PROVIDER) as CardChannel[]).find(
        (c) => CARD_PROVIDER[c] === app.provider,
      );
      if (!channel || !wants(r.prefs[channel])) continue;
      if (!cardOn.has(channel)) cardOn.set(channel, cardChannelOn(channel));
      if (cardOn.get(channel))
        deliveries.push({ channel, target: app.to, payload: { title, text, link: n.link } });
    }
  if (n.robotOrgIds?.length && created.length) {
    const hooks = await tx.robotHook.findMany({
      where: { orgId: { in: n.robotOrgIds }, active: true },
      select: { id: true },
    });
    for (const h of hooks)
      deliveries.push({ channel: 'ROBOT', target: h.id, payload: { title: '五标', text } });
  }
  const rows = await Promise.all(
    deliveries.map((d) => tx.delivery.create({ data: d, select: { id: true } })),
  );
  return { created: created.length, deliveryIds: rows.map((r) => r.id) };
}

/** The people who act for a unit: its secretary and those holding SECRETARY or CLERK on it. */
export async function unitPeople(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT ra."userId"::text AS id FROM "RoleAssignment" ra JOIN "User" u ON u.id = ra."userId" AND u.active
      WHERE ra."orgId" = ${orgId}::uuid AND ra.role IN ('SECRETARY', 'CLERK')
    UNION SELECT o."secretaryId"::text FROM "Organization" o WHERE o.id = ${orgId}::uuid AND o."secretaryId" IS NOT NULL`;
  return rows.map((r) => r.id);
}
