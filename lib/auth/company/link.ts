/**
 * The end every company sign-in shares (OIDC through next-auth, 企业微信, 钉钉, 飞书): linking, not guessing.
 * An identity already linked names its account; a new one is matched once by the configured field (工号, phone,
 * e-mail, username) and linked only when exactly one active account matches. No match and two matches each get a
 * clear page and a security event; by setting, no match also asks the administrators to link the person. Nothing
 * ever creates an account. A success opens a session and is traced like a password sign-in (with `via`).
 */
import type { Db, Tx } from '../../db/client';
import { appendTrace } from '../../audit-log';
import { ADMIN_ROLES } from '../../policy';
import { factorRequired, factorSetting, owedAtSignIn, type FactorOwed } from '../factors';
import { notify } from '../../channels/notify';
import { queueDeliveries } from '../../channels/queue';
import { securityEvent } from '../login';
import { openTracedSession } from '../sessions';
import { holdOnLink, normalPhone } from './holds';

export { normalPhone };
import { companyPolicy, type CompanyPolicy, type MatchField, type Provider } from './config';

/** What a provider says about the person after a good code. */
export type CompanyIdentity = {
  provider: Provider;
  /** The provider's own id of the person (OIDC sub, WeCom userid, DingTalk unionId, Feishu user_id). */
  subject: string;
  /** A name or e-mail, shown on 账号安全 beside the link. */
  label: string | null;
  /** The value matched against `field` on a first sign-in. */
  value: string | null;
  field: MatchField;
  /** False when the provider reports the person disabled or departed. */
  active?: boolean;
  /** Who the provider's messages (task cards) go to, when it has such an id. */
  messageTo?: string | null;
};

export const FAILURES = [
  'state',
  'provider',
  'denied',
  'not-visible',
  'no-match',
  'ambiguous',
  'inactive',
  'unavailable',
  'held',
] as const;
export type CompanyFailure = (typeof FAILURES)[number];

export type CompanyResult =
  | { ok: true; user: { id: string; name: string }; sessionId: string; factorOwed: FactorOwed }
  | { ok: false; reason: CompanyFailure };

type Meta = { ip: string | null; userAgent: string | null };

/** A refused company sign-in: written to the security events (no chain lock), never a session. */
export async function companyFailure(
  client: Db | Tx,
  provider: Provider | string,
  reason: CompanyFailure,
  meta: Meta,
  detail: object = {},
  who: { username?: string; userId?: string | null } = {},
): Promise<{ ok: false; reason: CompanyFailure }> {
  await securityEvent(client, 'sso.failed', {
    username: who.username ?? `${provider}`,
    userId: who.userId ?? null,
    ...meta,
    detail: { provider, reason, ...detail },
  });
  return { ok: false, reason };
}

/**
 * The active accounts whose `field` holds `value` (two for a value shared by two people); a disabled account, or a
 * person who has left the company, never takes a link (a phone once used by a departed colleague stays usable).
 */
export async function matchAccounts(
  client: Db | Tx,
  field: MatchField,
  value: string,
): Promise<{ active: string[]; disabled: string[] }> {
  const v = value.trim();
  if (!v) return { active: [], disabled: [] };
  let rows: { id: string }[];
  if (field === 'employeeNo')
    rows = await client.$queryRaw`
      SELECT p."userId" AS id FROM "Person" p
      WHERE p."employeeNo" = ${v} AND p."userId" IS NOT NULL AND p."leftOn" IS NULL`;
  else if (field === 'phone') {
    const phone = normalPhone(v);
    rows = await client.$queryRaw`
      SELECT u.id FROM "User" u WHERE u.phone = ${phone}
      UNION SELECT p."userId" FROM "Person" p WHERE p.phone = ${phone} AND p."userId" IS NOT NULL AND p."leftOn" IS NULL`;
  } else if (field === 'email')
    rows = await client.$queryRaw`SELECT u.id FROM "User" u WHERE lower(u.email) = lower(${v})`;
  else rows = await client.$queryRaw`SELECT u.id FROM "User" u WHERE u.username = ${v}`;
  const ids = [...new Set(rows.map((r) => r.id))];
  if (!ids.length) return { active: [], disabled: [] };
  const active = await client.user.findMany({
    where: { id: { in: ids }, active: true },
    select: { id: true },
  });
  const on = new Set(active.map((u) => u.id));
  return { active: [...on], disabled: ids.filter((i) => !on.has(i)) };
}

/** One security notice to every active holder of `role`, once per `dedupeKey` (a retried sign-in asks once). */
async function tellRole(
  tx: Tx,
  role: 'ADMIN' | 'SECURITY_ADMIN',
  note: { titleKey: string; params: Record<string, string>; link: string; dedupeKey: string },
) {
  const holders = await tx.roleAssignment.findMany({
    where: { role, user: { active: true } },
    select: { userId: true },
    distinct: ['userId'],
  });
  if (!holders.length) return;
  await tx.notification.createMany({
    data: holders.map((a) => ({ userId: a.userId, kind: 'SECURITY' as const, ...note })),
    skipDuplicates: true,
  });
}

/** No account matched: each 系统管理员 is asked to link the person (by setting), once per identity. */
const askAdministrators = (tx: Tx, id: CompanyIdentity) =>
  tellRole(tx, 'ADMIN', {
    titleKey: 'notifications.titles.companyNoMatch',
    params: { provider: id.provider, label: id.label ?? id.subject, value: id.value ?? '' },
    link: '/admin/users',
    dedupeKey: `sso:${id.provider}:${id.subject}`.slice(0, 120),
  });

/** A held first link: each 安全管理员 hears once per hold, with the account's page to review it on. */
const askSecurityAdministrators = (tx: Tx, userId: string, holdId: string, id: CompanyIdentity) =>
  tellRole(tx, 'SECURITY_ADMIN', {
    titleKey: 'notifications.titles.identityHeld',
    params: { provider: id.provider, label: id.label ?? id.subject },
    link: `/admin/users/${userId}`,
    dedupeKey: `hold:${holdId}`,
  });

/** What the sign-in owes: by the policy, a company sign-in may count as the second factor. */
async function owedAfterCompany(tx: Tx, userId: string, username: string, policy: CompanyPolicy) {
  if (policy.secondFactor === 'provider') {
    // Waived for the roles the factor setting asks none of (secretaries, clerks, members by default); administrators
    // and every role that must show a second factor (committee, auditors by default) still show theirs, so a company
    // identity linked to such an account by mistake or malice does not open it alone.
    const [roles, setting] = await Promise.all([
      tx.roleAssignment.findMany({ where: { userId }, select: { role: true } }),
      factorSetting(tx),
    ]);
    const names = roles.map((r) => r.role as string);
    const admin = names.some((r) => (ADMIN_ROLES as readonly string[]).includes(r));
    if (!admin && !factorRequired(setting, { username, roles: names })) return null;
  }
  return owedAtSignIn(tx, userId, username);
}

export async function companySignIn(
  client: Db,
  id: CompanyIdentity,
  meta: Meta,
  policy: CompanyPolicy = companyPolicy(),
  now = new Date(),
): Promise<CompanyResult> {
  const subject = id.subject.trim().slice(0, 128);
  if (!subject) return companyFailure(client, id.provider, 'provider', meta, { why: 'no subject' });
  const linked = await client.externalIdentity.findUnique({
    where: { provider_subject: { provider: id.provider, subject } },
    select: { id: true, userId: true },
  });
  let userId = linked?.userId;
  if (!userId) {
    const matched = id.value ? await matchAccounts(client, id.field, id.value) : { active: [], disabled: [] };
    const found = matched.active;
    if (!found.length && matched.disabled.length)
      return companyFailure(
        client,
        id.provider,
        'inactive',
        meta,
        { subject, field: id.field, by: 'portal' },
        { userId: matched.disabled.length === 1 ? matched.disabled[0] : null },
      );
    if (found.length > 1)
      return companyFailure(client, id.provider, 'ambiguous', meta, {
        subject,
        field: id.field,
        accounts: found.length,
      });
    if (!found.length) {
      if (policy.requestOnNoMatch)
        await client.$transaction((tx) => askAdministrators(tx, { ...id, subject }));
      return companyFailure(client, id.provider, 'no-match', meta, {
        subject,
        field: id.field,
        requested: policy.requestOnNoMatch,
      });
    }
    userId = found[0]!;
  }
  const uid = userId;
  const deliveryIds: string[] = [];
  const result = await client.$transaction(async (tx): Promise<CompanyResult> => {
    const rows = await tx.$queryRaw<
      { id: string; name: string; username: string; active: boolean; orgPath: string | null }[]
    >`
      SELECT u.id, u.name, u.username, u.active, o.path AS "orgPath"
      FROM "User" u LEFT JOIN "Organization" o ON o.id = u."orgId"
      WHERE u.id = ${uid}::uuid FOR NO KEY UPDATE OF u`;
    const user = rows[0];
    if (!user) return companyFailure(tx, id.provider, 'no-match', meta, { subject });
    const who = { username: user.username, userId: user.id };
    if (!user.active || id.active === false)
      return companyFailure(
        tx,
        id.provider,
        'inactive',
        meta,
        { subject, by: user.active ? 'provider' : 'portal' },
        who,
      );
    const actor = { id: user.id, name: user.name, ...meta };
    const trace = { entityType: 'User', entityId: user.id, orgPath: user.orgPath };
    // The link as it stands now (another sign-in or an unlink may have come between the look-up and here).
    const current = await tx.externalIdentity.findUnique({
      where: { provider_subject: { provider: id.provider, subject } },
      select: { userId: true },
    });
    if (current && current.userId !== user.id)
      return companyFailure(tx, id.provider, 'ambiguous', meta, { subject, linkedTo: current.userId }, who);
    if (!current) {
      // A first link through a field someone else just changed, or of an identity the owner unlinked, waits for the
      // 安全管理员 (lib/auth/company/holds.ts).
      const hold = await holdOnLink(tx, user.id, { provider: id.provider, subject, field: id.field });
      if (hold) {
        await askSecurityAdministrators(tx, user.id, hold.id, id);
        return companyFailure(
          tx,
          id.provider,
          'held',
          meta,
          { subject, field: id.field, hold: hold.reason },
          who,
        );
      }
      const made = await tx.externalIdentity.createMany({
        data: [
          {
            provider: id.provider,
            subject,
            userId: user.id,
            label: id.label?.slice(0, 128) ?? null,
            messageTo: id.messageTo?.slice(0, 128) ?? null,
          },
        ],
        skipDuplicates: true,
      });
      if (made.count === 0)
        return companyFailure(tx, id.provider, 'ambiguous', meta, { subject, race: true }, who);
      await appendTrace(tx, actor, {
        ...trace,
        action: 'auth.identity.link',
        after: { provider: id.provider, subject, label: id.label, by: id.field },
      });
      // The owner hears of every new link (in the centre, and by e-mail or card where they keep security notices):
      // a link they did not make is theirs to undo on 账号安全 and report.
      const sent = await notify(tx, {
        userIds: [user.id],
        kind: 'SECURITY',
        titleKey: 'notifications.titles.identityLinked',
        params: { provider: id.provider, label: id.label ?? subject },
        link: '/account/security',
        dedupeKey: `link:${id.provider}:${subject}:${now.getTime()}`.slice(0, 120),
      });
      deliveryIds.push(...sent.deliveryIds);
    }
    await tx.externalIdentity.updateMany({
      where: { provider: id.provider, subject },
      data: { lastUsedAt: now, ...(id.messageTo ? { messageTo: id.messageTo.slice(0, 128) } : {}) },
    });
    const owed = await owedAfterCompany(tx, user.id, user.username, policy);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    const sessionId = await openTracedSession(tx, actor, user, meta, now, owed, id.provider);
    return { ok: true, user: { id: user.id, name: user.name }, sessionId, factorOwed: owed };
  });
  if (deliveryIds.length) queueDeliveries(deliveryIds);
  return result;
}
