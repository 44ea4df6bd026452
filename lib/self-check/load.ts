// Loading a sheet with what the rules and the policy need: its unit, its lines and their criteria.
import type { Db, Tx } from '../db/client';
import { NotFoundError } from '../errors';
import type { SheetLine } from './rules';

export const SHEET_ORG_TYPES = ['GENERAL_BRANCH', 'BRANCH'] as const;

export async function loadSheet(client: Db | Tx, id: string) {
  const sheet = await client.selfCheckSheet.findUnique({
    where: { id },
    include: {
      org: { select: { id: true, path: true, name: true } },
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
  items: {
    count: number | null;
    criterion: { code: string; maxPoints: number; unitDeduction: number; cap: number | null };
  }[],
): SheetLine[] =>
  items.map((i) => ({
    code: i.criterion.code,
    count: i.count,
    rule: {
      maxPoints: i.criterion.maxPoints,
      unitDeduction: i.criterion.unitDeduction,
      cap: i.criterion.cap,
    },
  }));
