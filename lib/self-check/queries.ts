import { scoredCriterion } from '../handbook/standard-rows';
import 'server-only';
import { photoChecksOf, unitWithGroups } from '../photos/queries';
import { cstDay, periodFromKey, periodOf } from '../calendar';
import { db } from '../db';
import type { Db, Tx } from '../db/client';
import { ForbiddenError, NotFoundError } from '../errors';
import { can, scopeOrgs, type Subject } from '../policy';
import { belowRecords, previousQuarter, type SheetLine } from './rules';

/** The branch's units and, for this quarter and the three before, each unit's current sheet. */
export async function mySheetsFor(user: Subject, now = new Date(), client: Db = db) {
  if (!can(user, 'selfCheck.draft')) throw new ForbiddenError();
  const q0 = periodOf('QUARTER', cstDay(now)).key;
  const quarters = [
    q0,
    previousQuarter(q0),
    previousQuarter(previousQuarter(q0)),
    previousQuarter(previousQuarter(previousQuarter(q0))),
  ];
  const orgs = await client.organization.findMany({
    where: { ...scopeOrgs(user, 'selfCheck.draft'), type: { in: [...SHEET_ORG_TYPES] }, status: 'ACTIVE' },
    select: {
      id: true,
      name: true,
      sheets: {
        where: { periodKey: { in: quarters }, supersededAt: null },
        select: { id: true, periodKey: true, status: true, total: true, revision: true },
      },
    },
    orderBy: { path: 'asc' },
    take: 50,
  });
  return { quarters, orgs };
}

/** One sheet with its lines, the unit's completed tasks of that quarter to link, and its revisions. */
export async function sheetDetailFor(user: Subject, id: string, client: Db = db) {
  const sheet = await loadSheet(client, id);
  if (!can(user, 'selfCheck.draft', sheet.org) && !can(user, 'selfCheck.oversee', sheet.org))
    throw new ForbiddenError();
  const q = periodFromKey(sheet.periodKey)!;
  const [tasks, revisions, photos] = await Promise.all([
    client.reminderTask.findMany({
      where: {
        orgId: sheet.orgId,
        status: 'DONE',
        periodStart: { gte: new Date(`${q.start}T00:00:00Z`) },
        periodEnd: { lte: new Date(`${q.end}T00:00:00Z`) },
      },
      select: {
        id: true,
        periodKey: true,
        activityDate: true,
        action: { select: { title: true, articleId: true } },
      },
      orderBy: [{ periodStart: 'asc' }],
      take: 300,
    }),
    client.selfCheckSheet.findMany({
      where: { orgId: sheet.orgId, periodKey: sheet.periodKey },
      select: { id: true, revision: true, status: true, total: true, supersededAt: true, reopenReason: true },
      orderBy: { revision: 'asc' },
    }),
    // The quarter's photos checked against their records: what the committee's review looks at beside the claims.
    photoChecksOf(
      client,
      { orgIds: await unitWithGroups(client, sheet.orgId), from: q.start, to: q.end, flaggedOnly: true },
      user,
    ),
  ]);
  const links = await client.criterionArticle.findMany({
    where: { criterionId: { in: sheet.items.map((i) => i.criterionId) } },
    select: { criterionId: true, articleId: true },
  });
  return { sheet, tasks, revisions, links, photos, window: q };
}

export async function sheetOverviewFor(user: Subject, periodKey: string, client: Db = db) {
  if (!can(user, 'selfCheck.oversee')) throw new ForbiddenError();
  const orgs = await client.organization.findMany({
    where: { ...scopeOrgs(user, 'selfCheck.oversee'), type: { in: [...SHEET_ORG_TYPES] }, status: 'ACTIVE' },
    select: {
      id: true,
      name: true,
      path: true,
      sheets: {
        where: { periodKey, supersededAt: null },
        select: {
          id: true,
          status: true,
          total: true,
          revision: true,
          submittedAt: true,
          items: { where: { suggested: { not: null } }, select: { count: true, suggested: true } },
        },
      },
    },
    orderBy: { path: 'asc' },
  });
  const rows = orgs
    .map((o) => {
      const sheet = o.sheets[0] ?? null;
      // Lines claimed below what the unit's own records show: flagged beside the self-vs-audit gap.
      return { id: o.id, name: o.name, sheet, belowRecords: sheet?.items.filter(belowRecords).length ?? 0 };
    })
    .sort((x, y) => x.name.localeCompare(y.name, 'zh-CN'));
  return { rows, submitted: rows.filter((r) => r.sheet?.status === 'SUBMITTED').length, total: rows.length };
}

/** Units a page of the committee's overview lists (a company of 5,000 units was 1.75 MB of HTML in one page). */
export const OVERVIEW_PAGE = 50;

/** The overview as the page shows it: counts over every unit, one page of rows (by name). */
export async function sheetOverviewPage(user: Subject, periodKey: string, page = 1, client: Db = db) {
  const all = await sheetOverviewFor(user, periodKey, client);
  const pages = Math.max(1, Math.ceil(all.rows.length / OVERVIEW_PAGE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  return {
    ...all,
    rows: all.rows.slice((current - 1) * OVERVIEW_PAGE, current * OVERVIEW_PAGE),
    page: current,
    pages,
  };
}

export const SHEET_ORG_TYPES = ['GENERAL_BRANCH', 'BRANCH'] as const;

export async function loadSheet(client: Db | Tx, id: string) {
  const sheet = await client.selfCheckSheet.findUnique({
    where: { id },
    include: {
      org: { select: { id: true, path: true, name: true } },
      standard: { select: { bonusCap: true } },
      items: {
        include: {
          criterion: {
            select: {
              id: true,
              code: true,
              title: true,
              maxPoints: true,
              unitDeduction: true,
              cap: true,
              deductionRule: true,
              sortOrder: true,
              kind: true,
              levels: true,
              vetoBand: true,
              annualOnly: true,
              ruleKey: true,
              ruleParams: true,
              category: { select: { code: true, title: true, sortOrder: true } },
            },
          },
        },
      },
    },
  });
  if (!sheet) throw new NotFoundError();
  sheet.items.sort(
    (a, b) =>
      a.criterion.category.sortOrder - b.criterion.category.sortOrder ||
      a.criterion.sortOrder - b.criterion.sortOrder,
  );
  return sheet;
}

export type LoadedSheet = Awaited<ReturnType<typeof loadSheet>>;

export const linesOf = (
  items: { count: number | null; criterion: Parameters<typeof scoredCriterion>[0] }[],
): SheetLine[] => items.map((i) => ({ count: i.count, criterion: scoredCriterion(i.criterion) }));
