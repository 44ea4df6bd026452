/**
 * Importing the organization tree from Excel: all or nothing. Every row is checked first (fields,
 * parent, type under parent, duplicate, cycle, scope) and any error yields a row-by-row report with
 * nothing written; otherwise all rows are created in one transaction through createOrg, parents first.
 */
import type { Db } from '../../db/client';
import { trace } from '../../audit-log';
import { UserError } from '../../errors';
import { msg } from '../../i18n/message';
import { can } from '../../policy';
import { PATH_SEPARATOR, parseSheet, type ParsedRow } from '../excel';
import type { ActionContext } from '../../action-context';
import { createOrg } from './tree';
import { mayHaveParent, type OrgType } from '../rules';

export type ImportReport =
  | { ok: true; created: number }
  | { ok: false; total: number; fileError?: string; rows: { row: number; name: string; errors: string[] }[] };

type Existing = { id: string; name: string; path: string; type: OrgType; status: string; fullName: string };
type Parent = { kind: 'existing'; org: Existing } | { kind: 'row'; row: ParsedRow };

async function existingOrgs(client: Db): Promise<Existing[]> {
  const all = await client.organization.findMany({
    select: { id: true, name: true, path: true, type: true, status: true },
  });
  const names = new Map(all.map((o) => [o.id, o.name]));
  return all.map((o) => ({
    ...o,
    fullName: o.path
      .split('/')
      .filter(Boolean)
      .map((id) => names.get(id) ?? '?')
      .join(PATH_SEPARATOR),
  }));
}

export async function importOrgTree(
  client: Db,
  ctx: ActionContext,
  buffer: Buffer | ArrayBuffer,
): Promise<ImportReport> {
  if (!can(ctx.user, 'org.import')) throw new UserError('errors.forbidden');
  const { rows, fileError } = await parseSheet(buffer);
  if (fileError) return { ok: false, total: 0, fileError, rows: [] };

  const existing = await existingOrgs(client);
  const fullNameOfRow = new Map<ParsedRow, string>(
    rows.map((r) => [r, `${r.parentRef}${PATH_SEPARATOR}${r.name}`]),
  );
  const parentOf = new Map<ParsedRow, Parent>();

  for (const r of rows) {
    if (!r.parentRef) continue;
    const bare = !r.parentRef.includes(PATH_SEPARATOR);
    const candidates: Parent[] = [
      ...existing
        .filter((o) => o.fullName === r.parentRef || (bare && o.name === r.parentRef))
        .map((org) => ({ kind: 'existing' as const, org })),
      ...rows
        .filter((s) => s !== r && (fullNameOfRow.get(s) === r.parentRef || (bare && s.name === r.parentRef)))
        .map((row) => ({ kind: 'row' as const, row })),
    ];
    if (candidates.length === 0) {
      r.errors.push(msg('orgImport.errors.unknownParent', { parent: r.parentRef }));
      continue;
    }
    if (candidates.length > 1) {
      r.errors.push(msg('orgImport.errors.ambiguousParent', { parent: r.parentRef }));
      continue;
    }
    const p = candidates[0]!;
    parentOf.set(r, p);
    if (p.kind === 'existing') {
      if (!can(ctx.user, 'org.import', p.org) || !can(ctx.user, 'org.manage', p.org))
        r.errors.push(msg('orgImport.errors.outOfScope', { parent: p.org.name }));
      else if (p.org.status === 'ARCHIVED')
        r.errors.push(msg('orgImport.errors.parentArchived', { parent: p.org.name }));
    }
    const parentType = p.kind === 'existing' ? p.org.type : p.row.data?.type;
    if (r.data && parentType && !mayHaveParent(r.data.type, parentType))
      r.errors.push(msg('orgImport.errors.typeNotAllowed'));
  }

  // Duplicates: within the sheet (same parent, same name) and against units that already exist.
  const seen = new Map<string, number>();
  for (const r of rows) {
    const p = parentOf.get(r);
    if (!p || !r.name) continue;
    const key = `${p.kind === 'existing' ? p.org.id : `row${p.row.row}`}\u0000${r.name}`;
    if (seen.has(key))
      r.errors.push(msg('orgImport.errors.duplicateInSheet', { name: r.name, other: seen.get(key)! }));
    else seen.set(key, r.row);
    if (
      p.kind === 'existing' &&
      existing.some((o) => o.fullName === `${p.org.fullName}${PATH_SEPARATOR}${r.name}`)
    ) {
      r.errors.push(msg('orgImport.errors.alreadyExists', { name: r.name }));
    }
  }

  // Cycles among new rows (A under B, B under A): whatever cannot be ordered parents-first.
  const order: ParsedRow[] = [];
  const placed = new Set<ParsedRow>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const r of rows) {
      if (placed.has(r)) continue;
      const p = parentOf.get(r);
      if (!p || p.kind === 'existing' || placed.has(p.row)) {
        placed.add(r);
        order.push(r);
        progress = true;
      }
    }
  }
  for (const r of rows) if (!placed.has(r)) r.errors.push(msg('orgImport.errors.cycle'));

  const bad = rows.filter((r) => r.errors.length > 0);
  if (bad.length)
    return {
      ok: false,
      total: rows.length,
      rows: bad.map(({ row, name, errors }) => ({ row, name, errors })),
    };

  const created = await client
    .$transaction(
      async (tx) => {
        const idOfRow = new Map<ParsedRow, string>();
        for (const r of order) {
          const p = parentOf.get(r)!;
          const parentId = p.kind === 'existing' ? p.org.id : idOfRow.get(p.row)!;
          try {
            const org = await createOrg(client, ctx, { ...r.data!, parentId }, tx);
            idOfRow.set(r, org.id);
          } catch (e) {
            // Checked above already; a concurrent change can still refuse a row: report it, roll back everything.
            if (e instanceof UserError) throw new RowRefused(r, msg(e.key, e.params));
            throw e;
          }
        }
        await trace(tx, ctx.actor, 'org.import', 'Organization', null, {
          after: { created: order.length, names: order.slice(0, 50).map((r) => r.name) },
        });
        return order.length;
      },
      { timeout: 120_000, maxWait: 10_000 },
    )
    .catch((e) => {
      if (e instanceof RowRefused) return e;
      throw e;
    });
  if (created instanceof RowRefused) {
    return {
      ok: false,
      total: rows.length,
      rows: [{ row: created.row.row, name: created.row.name, errors: [created.message] }],
    };
  }
  return { ok: true, created };
}

class RowRefused extends Error {
  constructor(
    public readonly row: ParsedRow,
    message: string,
  ) {
    super(message);
  }
}
