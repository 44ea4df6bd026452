/**
 * Reminder generation: one ReminderTask per (prescribed action, organization, period) for every
 * ACTIVE organization whose type the action applies to. One INSERT … SELECT per frequency and period,
 * ON CONFLICT DO NOTHING on the unique key, so any number of runs — concurrent ones, or a rerun after
 * a crash halfway — leaves exactly one task each. Archived and 筹建 units get none. Each period's generation
 * commits together with its trace event (the hourly job traces a period only when it created tasks).
 */
import { SYSTEM_ACTOR, type Actor, trace } from '../../audit-log';
import { cstDay, dueDate, periodOf, type Calendar, type DueRule, type Frequency } from '../../calendar';
import type { Db, Tx } from '../../db/client';
import { PERIODIC } from '../../calendar';

export async function loadCalendar(client: Db | Tx, from: string, to: string): Promise<Calendar> {
  const rows = await client.calendarDay.findMany({
    where: { date: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
  });
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'HOLIDAY').map((r) => day(r.date))),
    workdays: new Set(rows.filter((r) => r.kind === 'WORKDAY').map((r) => day(r.date))),
  };
}

export type GenerationResult = { frequency: Frequency; periodKey: string; actions: number; inserted: number };

/**
 * Tasks of the published handbook's actions of `frequency` for the period containing `day`, in one
 * transaction with its trace.
 */
export async function generateForPeriod(
  client: Db,
  frequency: Frequency,
  day: string,
  actor: Actor = SYSTEM_ACTOR,
): Promise<GenerationResult> {
  return client.$transaction((tx) => generatePeriodIn(tx, frequency, day, actor), { timeout: 60_000 });
}

/** The same, inside the caller's transaction. */
export async function generatePeriodIn(
  tx: Tx,
  frequency: Frequency,
  day: string,
  actor: Actor = SYSTEM_ACTOR,
): Promise<GenerationResult> {
  const result = await insertTasks(tx, frequency, day);
  // The job runs hourly: it leaves a trace when it created something; a person's request always does.
  if (result.inserted > 0 || actor !== SYSTEM_ACTOR) {
    await trace(tx, actor, 'reminders.generate', 'ReminderTask', null, {
      after: { day, ...result },
    });
  }
  return result;
}

async function insertTasks(client: Tx, frequency: Frequency, day: string): Promise<GenerationResult> {
  const period = periodOf(frequency, day);
  const version = await client.handbookVersion.findFirst({
    where: { status: 'PUBLISHED' },
    select: { id: true },
  });
  if (!version) return { frequency, periodKey: period.key, actions: 0, inserted: 0 };
  const actions = await client.prescribedAction.findMany({
    where: { versionId: version.id, frequency },
    select: { id: true, dueRule: true },
  });
  if (actions.length === 0) return { frequency, periodKey: period.key, actions: 0, inserted: 0 };
  // Working-day rules can reach past the period's end (a long holiday): load a margin.
  const cal = await loadCalendar(client, period.start, addMonths(period.end, 2));
  const dues = actions.map((a) => dueDate(a.dueRule as DueRule, period, cal));
  const inserted = await client.$executeRaw`
    INSERT INTO "ReminderTask" (id, "actionKey", "actionId", "orgId", "periodKey", "periodStart", "periodEnd", "dueDate")
    SELECT gen_random_uuid(), a.key, a.id, o.id, ${period.key}, ${period.start}::date, ${period.end}::date, d.due
    FROM unnest(${actions.map((a) => a.id)}::uuid[], ${dues}::date[]) AS d(action_id, due)
    JOIN "PrescribedAction" a ON a.id = d.action_id
    JOIN "Organization" o ON o.status = 'ACTIVE' AND o.type = ANY(a."orgTypes")
      AND (NOT a."projectOnly" OR o."projectName" IS NOT NULL)
    ON CONFLICT ("actionKey", "orgId", "periodKey") DO NOTHING`;
  return { frequency, periodKey: period.key, actions: actions.length, inserted };
}

function addMonths(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

/** Every frequency's current period (in China Standard Time): what the scheduled job runs. */
export async function generateCurrent(client: Db, now = new Date()): Promise<GenerationResult[]> {
  const today = cstDay(now);
  const out: GenerationResult[] = [];
  for (const f of PERIODIC) out.push(await generateForPeriod(client, f, today));
  return out;
}
