/**
 * The hourly scan that feeds the bell with due-soon and overdue reminders: one notification per
 * person and unit — due-soon once a day, overdue once a week — in two bulk statements, however many
 * units there are. Reruns within the day (or week) add nothing: the dedupe key is unique per person.
 */
import type { Db } from '../db/client';
import { addDays, cstDay, periodOf } from '../calendar';
import { smtpConfigured } from './email';
import { renderNotice } from './render';

export async function scanDueNotices(db: Db, now = new Date()) {
  const today = cstDay(now);
  const week = periodOf('WEEK', today).key;
  const soon = addDays(today, 3);
  const kinds = [
    {
      kind: 'DUE_SOON',
      titleKey: 'notifications.titles.dueSoon',
      key: `due:${today}`,
      from: today,
      to: soon,
    },
    {
      kind: 'OVERDUE',
      titleKey: 'notifications.titles.overdue',
      key: `overdue:${week}`,
      from: '1970-01-01',
      to: addDays(today, -1),
    },
  ];
  let created = 0;
  for (const k of kinds) {
    const rows = await db.$queryRaw<{ userId: string; email: string | null; n: number }[]>`
      WITH due AS (
        SELECT t."orgId", count(*)::int AS n FROM "ReminderTask" t JOIN "Organization" o ON o.id = t."orgId" AND o.status = 'ACTIVE'
        WHERE t.status = 'OPEN' AND t."dueDate" BETWEEN ${k.from}::date AND ${k.to}::date GROUP BY t."orgId"),
      people AS (
        SELECT ra."userId", ra."orgId" FROM "RoleAssignment" ra WHERE ra.role IN ('SECRETARY', 'CLERK')
        UNION SELECT o."secretaryId", o.id FROM "Organization" o WHERE o."secretaryId" IS NOT NULL),
      ins AS (
        INSERT INTO "Notification" (id, "userId", kind, "titleKey", params, link, "dedupeKey")
        SELECT gen_random_uuid(), p."userId", ${k.kind}, ${k.titleKey}, jsonb_build_object('count', d.n, 'org', o.name), '/reminders', ${k.key} || ':' || d."orgId"
        FROM due d JOIN people p ON p."orgId" = d."orgId" JOIN "Organization" o ON o.id = d."orgId" JOIN "User" u ON u.id = p."userId" AND u.active
        ON CONFLICT ("userId", "dedupeKey") DO NOTHING
        RETURNING "userId", params)
      SELECT ins."userId"::text AS "userId", u.email, (ins.params->>'count')::int AS n FROM ins JOIN "User" u ON u.id = ins."userId"`;
    created += rows.length;
    if (smtpConfigured()) {
      const mails = rows
        .filter((r) => r.email)
        .map((r) => {
          const text = renderNotice(k.titleKey, { count: r.n, org: '' });
          return {
            channel: 'EMAIL',
            target: r.email!,
            payload: { subject: `【五标】${text}`, text: `${text}\n/reminders` },
          };
        });
      if (mails.length) await db.delivery.createMany({ data: mails });
    }
  }
  return { created };
}
