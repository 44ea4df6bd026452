/**
 * Importing the 党员名册: all or nothing. The sheet's columns are mapped to fields (guessed from the headers,
 * confirmed by the importer), every row is checked — fields and dates (lib/people/schema), duplicate 工号 in
 * the file, an existing 工号 held by a unit outside the importer's scope, unknown units and party groups — and
 * any error yields a row-by-row report with nothing written. Otherwise new 工号 are created, existing ones
 * updated, optionally with accounts (username = 工号, a one-time password returned once, never stored in clear),
 * in one transaction with one trace event.
 */
import { holdChangedFields } from '../../auth/company/holds';
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ActionContext } from '../../action-context';
import { trace } from '../../audit-log';
import { hashPassword } from '../../auth/password';
import type { Db, Tx } from '../../db/client';
import { ForbiddenError, UserError } from '../../errors';
import { checkZip } from '../../files/zip-guard';
import { msg } from '../../i18n/message';
import { can, type OrgRef } from '../../policy';
import { PATH_SEPARATOR } from '../../excel/labels';
import {
  genderOf,
  guessMapping,
  IMPORT_FIELDS,
  MAX_PEOPLE_ROWS,
  normalizeDate,
  postsOf,
  readSheet,
  statusOf,
  type ImportField,
  type Mapping,
} from '../excel';
import { personFields, refineDates } from '../schema';
import { personData } from './person';
import { maskPhone } from '../rules';

export type ImportOptions = { mapping: Mapping; createAccounts: boolean };
export type ImportProgress = { phase: 'check' | 'accounts' | 'write'; done: number; total: number };
/** A row's problems: a message key (with parameters), and the column it concerns where there is one. */
export type RowError = { field?: string; message: string };
export type RowReport = { row: number; employeeNo: string; name: string; errors: RowError[] };
export type ImportResult =
  | { ok: false; fileError: string }
  | { ok: false; total: number; rows: RowReport[]; more: number }
  | {
      ok: true;
      created: number;
      updated: number;
      accounts: { employeeNo: string; name: string; username: string; password: string }[];
    };

const REPORT_MAX = 500;
const CHUNK = 1000;
const ZIP_LIMITS = { maxEntries: 200, maxUncompressed: 200 * 1024 * 1024, maxRatio: 200 };
const PARTY_UNITS = new Set(['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH']);

// Ids are resolved by the import, not typed: the row schema checks the rest exactly as the form does.
const ZRow = z
  .object({
    ...personFields,
    orgId: z.string(),
    workOrgId: z.string().optional(),
    partyGroupId: z.string().optional(),
  })
  .superRefine(refineDates);

type Unit = OrgRef & {
  name: string;
  shortName: string | null;
  type: string;
  status: string;
  parentId: string | null;
};

/** Units by full path of names ("党委 / 支部"), and by name or short name where that is unique in the company. */
async function unitResolver(client: Db) {
  // Every unit of the company, once per import (5,000 at company scale): one plain statement.
  const all = await client.$queryRaw<Unit[]>`
    SELECT id, path, name, "shortName", type::text, status::text, "parentId" FROM "Organization"`;
  const byId = new Map(all.map((o) => [o.id, o]));
  const byName = new Map<string, Unit[]>();
  const add = (key: string, o: Unit) => byName.set(key, [...(byName.get(key) ?? []), o]);
  for (const o of all) {
    const full = o.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(id)?.name ?? '?')
      .join(PATH_SEPARATOR);
    add(full, o);
    add(o.name, o);
    if (o.shortName && o.shortName !== o.name) add(o.shortName, o);
  }
  return (text: string): Unit | 'unknown' | 'ambiguous' => {
    const key = text
      .split(/\s*\/\s*/)
      .map((s) => s.trim())
      .join(PATH_SEPARATOR);
    const found = [...new Map((byName.get(key) ?? []).map((o) => [o.id, o])).values()];
    return found.length === 1 ? found[0]! : found.length ? 'ambiguous' : 'unknown';
  };
}

/** A one-time password: 12 characters from an unambiguous alphabet with upper, lower case and digits. */
function oneTimePassword(): string {
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const lower = 'abcdefghijkmnpqrstuvwxyz';
  const digit = '23456789';
  const any = upper + lower + digit;
  // One of each class in fixed places, the rest from all three: about 68 bits of randomness.
  const classes = [upper, lower, digit, ...Array<string>(9).fill(any)];
  const body = [...randomBytes(12)].map((b, i) => classes[i]![b % classes[i]!.length]).join('');
  return `${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}`;
}

/** The mapping step, for the committee: headers, the guessed mapping, three sample rows, the number of rows. */
export async function inspectPeopleFile(ctx: ActionContext, bytes: Buffer) {
  if (!can(ctx.user, 'person.import')) throw new ForbiddenError();
  const zip = checkZip(bytes, ZIP_LIMITS);
  if (!zip.ok)
    throw new UserError(zip.reason === 'notZip' ? 'peopleImport.errors.notXlsx' : 'peopleImport.errors.bomb');
  const sheet = await readSheet(bytes);
  if (!sheet.ok) throw new UserError(`peopleImport.errors.${sheet.error}`, { max: MAX_PEOPLE_ROWS });
  return {
    headers: sheet.headers,
    mapping: guessMapping(sheet.headers),
    sample: sheet.rows.slice(0, 3).map((r) => r.cells),
    rows: sheet.rows.length,
    fields: IMPORT_FIELDS.map((f) => ({ key: f.key, header: f.header, required: f.required })),
  };
}

export async function importPeople(
  client: Db,
  ctx: ActionContext,
  buffer: Buffer,
  opts: ImportOptions,
  progress: (p: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  if (!can(ctx.user, 'person.import')) throw new ForbiddenError();
  const zip = checkZip(buffer, ZIP_LIMITS);
  if (!zip.ok)
    return {
      ok: false,
      fileError: msg(zip.reason === 'notZip' ? 'peopleImport.errors.notXlsx' : 'peopleImport.errors.bomb'),
    };
  const sheet = await readSheet(buffer);
  if (!sheet.ok) return { ok: false, fileError: msg(`peopleImport.errors.${sheet.error}`, { max: 20000 }) };
  const missing = IMPORT_FIELDS.filter((f) => f.required && !opts.mapping[f.key]);
  if (missing.length)
    return {
      ok: false,
      fileError: msg('peopleImport.errors.unmapped', { fields: missing.map((f) => f.header).join('、') }),
    };

  const resolve = await unitResolver(client);
  const numbers = [
    ...new Set(sheet.rows.map((r) => cell(r.cells, opts.mapping, 'employeeNo')).filter(Boolean)),
  ];
  const existing = new Map<string, { id: string; userId: string | null; org: OrgRef }>();
  // One array parameter, not one parameter a 工号 (20,000 of them).
  const found = await client.$queryRaw<
    { id: string; employeeNo: string; userId: string | null; orgId: string; orgPath: string }[]
  >`SELECT p.id, p."employeeNo", p."userId", o.id AS "orgId", o.path AS "orgPath"
    FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" WHERE p."employeeNo" = ANY(${numbers}::text[])`;
  for (const p of found)
    existing.set(p.employeeNo, { id: p.id, userId: p.userId, org: { id: p.orgId, path: p.orgPath } });
  const takenUsernames = new Set<string>();
  if (opts.createAccounts)
    for (const u of await client.$queryRaw<{ username: string }[]>`
      SELECT username FROM "User" WHERE username = ANY(${numbers}::text[])`)
      takenUsernames.add(u.username);

  type Good = {
    row: number;
    data: ReturnType<typeof personData>;
    existing?: { id: string; userId: string | null; org: OrgRef };
  };
  const good: Good[] = [];
  const bad: RowReport[] = [];
  const seen = new Map<string, number>();
  sheet.rows.forEach((r, i) => {
    if (i % 500 === 0) progress({ phase: 'check', done: i, total: sheet.rows.length });
    const get = (k: ImportField) => cell(r.cells, opts.mapping, k);
    const errors: RowError[] = [];
    const fail = (key: string, params?: Record<string, string | number>, field?: string) =>
      errors.push({ field, message: msg(key, params) });
    const employeeNo = get('employeeNo');
    if (employeeNo && seen.has(employeeNo))
      fail('peopleImport.errors.duplicateInFile', { other: seen.get(employeeNo)! }, '工号');
    else if (employeeNo) seen.set(employeeNo, r.row);
    const org = get('org') ? resolve(get('org')) : undefined;
    const work = get('workOrg') ? resolve(get('workOrg')) : undefined;
    const unitError = (u: typeof org, label: string, party: boolean) => {
      const field = party ? '组织关系所在党组织' : '实际工作单位';
      if (u === 'unknown') fail('peopleImport.errors.unknownUnit', { unit: label }, field);
      else if (u === 'ambiguous') fail('peopleImport.errors.ambiguousUnit', { unit: label }, field);
      else if (u && u.status === 'ARCHIVED') fail('peopleImport.errors.archivedUnit', { unit: label }, field);
      else if (u && party && !PARTY_UNITS.has(u.type))
        fail('peopleImport.errors.notPartyUnit', { unit: label }, field);
      else if (u && party && !can(ctx.user, 'person.import', u))
        fail('peopleImport.errors.unitOutOfScope', { unit: label }, field);
    };
    unitError(org, get('org'), true);
    unitError(work, get('workOrg'), false);
    const before = existing.get(employeeNo);
    if (before && !can(ctx.user, 'person.import', before.org))
      fail('peopleImport.errors.employeeNoOutOfScope', { employeeNo }, '工号');
    let groupId: string | undefined;
    if (get('partyGroup') && org && typeof org === 'object') {
      const g = resolve(`${get('org')}${PATH_SEPARATOR}${get('partyGroup')}`);
      const direct =
        typeof g === 'object' && g.type === 'PARTY_GROUP' && g.parentId === org.id ? g : undefined;
      if (direct) groupId = direct.id;
      else fail('peopleImport.errors.unknownGroup', { group: get('partyGroup') }, '党小组');
    }
    if (opts.createAccounts && !before?.userId && takenUsernames.has(employeeNo))
      fail('peopleImport.errors.usernameTaken', { username: employeeNo }, '工号');
    const parsed = ZRow.safeParse({
      employeeNo,
      name: get('name'),
      gender: genderOf(get('gender')),
      birthDate: normalizeDate(get('birthDate')),
      phone: get('phone'),
      education: get('education'),
      status: statusOf(get('status')),
      appliedOn: normalizeDate(get('appliedOn')),
      activistOn: normalizeDate(get('activistOn')),
      candidateOn: normalizeDate(get('candidateOn')),
      admittedOn: normalizeDate(get('admittedOn')),
      fullOn: normalizeDate(get('fullOn')),
      introducers: get('introducers'),
      contacts: get('contacts'),
      posts: postsOf(get('posts')),
      orgId: typeof org === 'object' ? org.id : '',
      workOrgId: typeof work === 'object' ? work.id : undefined,
      partyGroupId: groupId,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (field === 'orgId' || field === 'workOrgId' || field === 'partyGroupId') continue;
        const header = IMPORT_FIELDS.find((f) => f.key === field)?.header ?? field;
        errors.push({ field: header, message: issue.message });
      }
    if (!get('org')) fail('validation.required', undefined, '组织关系所在党组织');
    if (errors.length || !parsed.success) bad.push({ row: r.row, employeeNo, name: get('name'), errors });
    else
      good.push({
        row: r.row,
        data: personData({
          ...parsed.data,
          workOrgId: parsed.data.workOrgId,
          partyGroupId: parsed.data.partyGroupId,
        }),
        existing: before,
      });
  });
  progress({ phase: 'check', done: sheet.rows.length, total: sheet.rows.length });
  if (bad.length)
    return {
      ok: false,
      total: sheet.rows.length,
      rows: bad.slice(0, REPORT_MAX),
      more: Math.max(0, bad.length - REPORT_MAX),
    };

  // Accounts are hashed before the transaction: argon2 takes milliseconds a password and would hold it open.
  const needAccount = opts.createAccounts ? good.filter((g) => !g.existing?.userId) : [];
  const accounts: { employeeNo: string; name: string; username: string; password: string }[] = [];
  const users: {
    id: string;
    username: string;
    name: string;
    phone: string | null;
    orgId: string;
    passwordHash: string;
    mustChangePassword: true;
  }[] = [];
  const userOf = new Map<Good, string>();
  for (let i = 0; i < needAccount.length; i += 64) {
    progress({ phase: 'accounts', done: i, total: needAccount.length });
    await Promise.all(
      needAccount.slice(i, i + 64).map(async (g) => {
        const password = oneTimePassword();
        const id = randomUUID();
        userOf.set(g, id);
        accounts.push({
          employeeNo: g.data.employeeNo,
          name: g.data.name,
          username: g.data.employeeNo,
          password,
        });
        users.push({
          id,
          username: g.data.employeeNo,
          name: g.data.name,
          phone: g.data.phone,
          orgId: g.data.partyGroupId ?? g.data.orgId,
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
        });
      }),
    );
  }

  const fresh = good.filter((g) => !g.existing);
  const updates = good.filter((g) => g.existing);
  await client.$transaction(
    async (tx) => {
      let done = 0;
      const step = () => progress({ phase: 'write', done, total: good.length });
      for (let i = 0; i < users.length; i += CHUNK)
        await tx.user.createMany({ data: users.slice(i, i + CHUNK) });
      if (users.length)
        for (let i = 0; i < users.length; i += CHUNK)
          await tx.roleAssignment.createMany({
            data: users
              .slice(i, i + CHUNK)
              .map((u) => ({ userId: u.id, role: 'MEMBER' as const, orgId: u.orgId })),
          });
      for (let i = 0; i < fresh.length; i += 5 * CHUNK) {
        await insertPeople(
          tx,
          fresh.slice(i, i + 5 * CHUNK).map((g) => ({ ...g.data, userId: userOf.get(g) ?? null })),
        );
        done += Math.min(5 * CHUNK, fresh.length - i);
        step();
      }
      // An update changes only what the sheet carries: the mapped columns (and the 组织关系 it names); the
      // procedure's checkpoints and anything left unmapped keep their values. Each update is traced on the person.
      const columns = mappedColumns(opts.mapping);
      for (const g of updates) {
        const userId = g.existing!.userId ?? userOf.get(g) ?? null;
        const data = Object.fromEntries(
          Object.entries(g.data).filter(([k]) => columns.has(k as keyof NewPerson)),
        ) as Partial<NewPerson>;
        const before = await tx.person.findUniqueOrThrow({ where: { id: g.existing!.id } });
        // A new 组织关系 leaves the old unit's 党小组 behind.
        if (!columns.has('partyGroupId') && data.orgId !== before.orgId) data.partyGroupId = null;
        await tx.person.update({ where: { id: g.existing!.id }, data: { ...data, userId } });
        if (g.existing!.userId)
          await tx.user.update({
            where: { id: g.existing!.userId },
            data: { orgId: (data.partyGroupId ?? null) || (data.orgId ?? before.orgId) },
          });
        const changed = Object.keys(data).filter(
          (k) =>
            JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(data[k as keyof NewPerson]),
        );
        await holdChangedFields(tx, ctx.actor, g.existing!.userId, before, data);
        if (changed.length)
          await trace(tx, ctx.actor, 'person.update', 'Person', g.existing!.id, {
            orgPath: g.existing!.org.path,
            before: maskedPick(before, changed),
            after: { ...maskedPick(data, changed), via: 'import' },
          });
        done += 1;
        if (done % 200 === 0) step();
      }
      step();
      await trace(tx, ctx.actor, 'person.import', 'Person', null, {
        after: {
          created: fresh.length,
          updated: updates.length,
          accounts: users.length,
          employeeNos: good.slice(0, 100).map((g) => g.data.employeeNo),
        },
      });
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
  return { ok: true, created: fresh.length, updated: updates.length, accounts };
}

type NewPerson = ReturnType<typeof personData> & { userId: string | null };

/** The Person columns an import's mapping carries; the 组织关系 always (it is required). */
function mappedColumns(mapping: Mapping): Set<keyof NewPerson> {
  const byField: Partial<Record<ImportField, (keyof NewPerson)[]>> = {
    org: ['orgId'],
    workOrg: ['workOrgId'],
    partyGroup: ['partyGroupId'],
  };
  const out = new Set<keyof NewPerson>(['orgId']);
  for (const f of IMPORT_FIELDS)
    if (mapping[f.key]) for (const c of byField[f.key] ?? [f.key as keyof NewPerson]) out.add(c);
  return out;
}

const maskedPick = (o: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, k === 'phone' ? maskPhone(o[k] as string | null) : o[k]]));

/**
 * New people by one INSERT … SELECT FROM unnest(column arrays) a chunk: Prisma's createMany sends one bound
 * parameter per field (25 × rows) and took 1 s per 1,000 rows here; column arrays take 30 ms.
 */
async function insertPeople(tx: Tx, rows: NewPerson[]) {
  const col = <K extends keyof NewPerson>(k: K) => rows.map((r) => r[k]);
  const day = (k: keyof NewPerson) =>
    rows.map((r) => (r[k] instanceof Date ? (r[k] as Date).toISOString().slice(0, 10) : null));
  await tx.$executeRaw`
    INSERT INTO "Person" (id, "employeeNo", name, gender, "birthDate", phone, education, status, "appliedOn",
      "activistOn", "candidateOn", "admittedOn", "fullOn", "talkOn", "trainingDays", "trainingHours",
      "politicalReviewOn", "approvedOn", "probationExtendedMonths", introducers, contacts, posts, "orgId",
      "workOrgId", "partyGroupId", "userId", "updatedAt")
    SELECT gen_random_uuid(), x.no, x.name, x.gender::"Gender", x.birth::date, x.phone, x.education,
      x.status::"PartyStatus", x.applied::date, x.activist::date, x.candidate::date, x.admitted::date, x.fullon::date,
      x.talk::date, x.tdays, x.thours, x.review::date, x.approved::date, x.ext, x.introducers, x.contacts,
      x.posts::"PartyPost"[], x.org, x.work, x.grp, x.usr, now()
    FROM unnest(
      ${col('employeeNo')}::text[], ${col('name')}::text[], ${col('gender')}::text[], ${day('birthDate')}::text[],
      ${col('phone')}::text[], ${col('education')}::text[], ${col('status')}::text[], ${day('appliedOn')}::text[],
      ${day('activistOn')}::text[], ${day('candidateOn')}::text[], ${day('admittedOn')}::text[], ${day('fullOn')}::text[],
      ${day('talkOn')}::text[], ${col('trainingDays')}::int[], ${col('trainingHours')}::int[],
      ${day('politicalReviewOn')}::text[], ${day('approvedOn')}::text[], ${col('probationExtendedMonths')}::int[],
      ${col('introducers')}::text[], ${col('contacts')}::text[], ${rows.map((r) => `{${r.posts.join(',')}}`)}::text[],
      ${col('orgId')}::uuid[], ${col('workOrgId')}::uuid[], ${col('partyGroupId')}::uuid[], ${col('userId')}::uuid[]
    ) AS x(no, name, gender, birth, phone, education, status, applied, activist, candidate, admitted, fullon, talk,
      tdays, thours, review, approved, ext, introducers, contacts, posts, org, work, grp, usr)`;
}

function cell(cells: string[], mapping: Mapping, key: ImportField): string {
  const i = mapping[key];
  return i ? (cells[i] ?? '').trim() : '';
}
