/**
 * The only place that says who may do what, on which organizations (DESIGN.md §3).
 * A user holds grants (role × organization); a role's permissions reach as far as its scope rule:
 *   all      – every organization (ADMIN)
 *   subtree  – the granted organization and everything below it (COMMITTEE, SECRETARY, CLERK)
 *   own      – the granted organization only (MEMBER)
 *   audit    – the audits the user is a member of; no organization by itself (AUDITOR)
 * Unknown roles and permissions are refused. Queries take their `where` from scopeOrgs().
 */
import type { Db, Tx } from './db/client';
import { ForbiddenError, NotFoundError, UserError } from './errors';

export const ROLES = [
  'ADMIN',
  'SECURITY_ADMIN',
  'AUDIT_ADMIN',
  'COMMITTEE',
  'AUDITOR',
  'SECRETARY',
  'CLERK',
  'MEMBER',
] as const;
export type Role = (typeof ROLES)[number];

type Scope = 'all' | 'subtree' | 'own' | 'audit';

/** What a branch's secretary and clerk both do: read the branch, keep its records, take exams. */
const BRANCH_WORK = [
  'org.read',
  'handbook.read',
  'learning.read',
  'reminder.complete',
  'selfCheck.draft',
  'exam.take',
  'feedback.read',
  'person.read',
  'meeting.read',
  'meeting.record',
] as const;

const TABLE = {
  // 三权分立 (GB/T 22239-2019 8.1.4.2 e/f): three administrators, no one of them able to do another's part.
  // 系统管理员: accounts (create, edit, disable, reset a password); grants no role except the first 安全/审计管理员.
  ADMIN: {
    scope: 'all',
    permissions: ['user.read', 'user.manage', 'org.read', 'handbook.read'],
  },
  // 安全管理员: who holds which role, the security settings, resetting a person's second factors, reviewing the
  // company identities linked to an account (unlinking one, clearing a hold on a first link).
  SECURITY_ADMIN: {
    scope: 'all',
    permissions: [
      'user.read',
      'org.read',
      'role.assign',
      'security.manage',
      'factor.reset',
      'identity.manage',
    ],
  },
  // 审计管理员: reads the trace and the security events; changes nothing.
  AUDIT_ADMIN: {
    scope: 'all',
    permissions: ['auditLog.read', 'securityEvent.read'],
  },
  COMMITTEE: {
    scope: 'subtree',
    permissions: [
      'org.read',
      'org.manage',
      'org.import',
      'org.export',
      'auditLog.read',
      'workbench.summary',
      'handbook.read',
      'handbook.edit',
      'scoring.edit',
      'learning.read',
      'learning.manage',
      'auditPlan.manage',
      'revision.approve',
      'reminder.supervise',
      'insights.read',
      'exam.take',
      'selfCheck.oversee',
      'selfCheck.reopen',
      'announcement.manage',
      'robot.manage',
      'feedback.read',
      'coordination.answer',
      'annual.compute',
      'person.read',
      'person.manage',
      'person.import',
      'person.export',
      'person.sensitive',
      'transfer.issue',
      'org.close',
      'meeting.read',
    ],
  },
  AUDITOR: {
    scope: 'audit',
    permissions: ['handbook.read', 'audit.score', 'audit.note', 'feedback.issue', 'rectification.verify'],
  },
  SECRETARY: {
    scope: 'subtree',
    permissions: [
      ...BRANCH_WORK,
      'selfCheck.submit',
      'feedback.acknowledge',
      'rectification.answer',
      'revision.propose',
      'person.manage',
      'person.export',
      'person.sensitive',
      'org.close',
    ],
  },
  // 支部组织委员 / 党务干事: keeps the branch's records; the secretary submits and answers for them.
  CLERK: { scope: 'subtree', permissions: BRANCH_WORK },
  MEMBER: {
    scope: 'own',
    permissions: ['handbook.read', 'learning.read', 'exam.take', 'coordination.answer'],
  },
} as const satisfies Record<Role, { scope: Scope; permissions: readonly string[] }>;

/** The three administrator roles: one person holds at most one of them. */
export const ADMIN_ROLES = ['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'] as const satisfies readonly Role[];
const isAdminRole = (r: string) => (ADMIN_ROLES as readonly string[]).includes(r);

/**
 * May `subject` grant (or remove) `role` to the person `target`? Refused, with the reason's message key:
 *  - nobody changes their own roles;
 *  - the three administrator roles do not combine on one person;
 *  - the 安全管理员 grants roles; the 系统管理员 only appoints the first 安全管理员 or 审计管理员, while that role
 *    has never been held (a fresh installation has only the 系统管理员; GB/T 22239 still wants the other two) —
 *    once held, disabling its holders does not reopen it.
 * Returns null when allowed.
 */
export function roleGrantRefusal(
  subject: Subject | null | undefined,
  role: string,
  target: { id: string; roles: readonly string[] },
  everHeld: number,
): string | null {
  if (!subject) return 'errors.forbidden';
  if (subject.id === target.id) return 'users.errors.notOwnRoles';
  if (isAdminRole(role) && target.roles.some((r) => isAdminRole(r) && r !== role))
    return 'users.errors.adminRolesExclusive';
  if (can(subject, 'role.assign', 'global')) return null;
  const bootstrap =
    (role === 'SECURITY_ADMIN' || role === 'AUDIT_ADMIN') &&
    everHeld === 0 &&
    can(subject, 'user.manage', 'global');
  return bootstrap ? null : 'errors.forbidden';
}

/**
 * May `subject` edit, disable or reset the password of the account `target`? The 系统管理员 manages accounts, but
 * not those of the 安全管理员 and 审计管理员 who oversee them (else a reset password hands over their account):
 * those only another 安全管理员 manages.
 */
export function mayManageAccount(
  subject: Subject | null | undefined,
  target: { id: string; roles: readonly string[] },
): boolean {
  if (!subject) return false;
  const overseer = target.roles.some((r) => r === 'SECURITY_ADMIN' || r === 'AUDIT_ADMIN');
  if (overseer) return can(subject, 'role.assign', 'global') && subject.id !== target.id;
  return can(subject, 'user.manage', 'global');
}

/** Every permission the table grants: a typo in a caller does not compile. */
export type Permission = (typeof TABLE)[Role]['permissions'][number];
export const PERMISSIONS: readonly Permission[] = [
  ...new Set<Permission>(Object.values(TABLE).flatMap((r) => r.permissions)),
].sort();

export type Grant = { role: string; orgId: string; orgPath: string };
export type Subject = { id: string; grants: readonly Grant[] };
/** An organization as policy sees it: its id and materialized path ("/rootId/.../id/"). */
export type OrgRef = { id: string; path: string };

function rule(role: string): { scope: Scope; permissions: readonly Permission[] } | undefined {
  return (TABLE as Record<string, { scope: Scope; permissions: readonly Permission[] }>)[role];
}

function grantsFor(subject: Subject, permission: Permission) {
  return subject.grants.filter((g) => rule(g.role)?.permissions.includes(permission) ?? false);
}

/**
 * May `subject` do `permission` to records of organization `target`?
 * Without a target it asks whether the permission is held anywhere (for lists and navigation);
 * with target 'global' it asks for a company-wide holder (scope all), e.g. managing users.
 */
export function can(
  subject: Subject | null | undefined,
  permission: Permission,
  target?: OrgRef | 'global',
): boolean {
  if (!subject) return false;
  for (const g of grantsFor(subject, permission)) {
    const scope = rule(g.role)!.scope;
    if (scope === 'all') return true;
    if (target === undefined) return true;
    if (target === 'global') continue;
    if (scope === 'subtree' && target.path.startsWith(g.orgPath)) return true;
    if (scope === 'own' && target.id === g.orgId) return true;
  }
  return false;
}

/** Throws ForbiddenError (403, nothing changes) unless can() allows it. */
export function assertCan(
  subject: Subject | null | undefined,
  permission: Permission,
  target?: OrgRef | 'global',
): void {
  if (!can(subject, permission, target)) throw new ForbiddenError();
}

/** A check on one record, false for no one signed in: the body sees a subject. */
function onRecord<P, R>(check: (subject: Subject, permission: P, record: R) => boolean) {
  return (subject: Subject | null | undefined, permission: P, record: R): boolean =>
    !!subject && check(subject, permission, record);
}

/** The throwing form of a record-level check (canOnAudit, canOnPlan, canOnPerson): 403, nothing changes. */
function refusing<P, R>(check: (subject: Subject | null | undefined, permission: P, record: R) => boolean) {
  return (subject: Subject | null | undefined, permission: P, record: R): void => {
    if (!check(subject, permission, record)) throw new ForbiddenError();
  };
}

export type OrgScope = { all: true } | { all: false; pathPrefixes: string[]; orgIds: string[] };

/** The organizations on which `subject` holds `permission`. */
export function orgScope(subject: Subject | null | undefined, permission: Permission): OrgScope {
  const pathPrefixes: string[] = [];
  const orgIds: string[] = [];
  for (const g of subject ? grantsFor(subject, permission) : []) {
    const scope = rule(g.role)!.scope;
    if (scope === 'all') return { all: true };
    if (scope === 'subtree') pathPrefixes.push(g.orgPath);
    if (scope === 'own') orgIds.push(g.orgId);
  }
  return { all: false, pathPrefixes, orgIds };
}

/** Prisma `where` for Organization rows the subject may `permission`; matches nothing when refused. */
export function scopeOrgs(subject: Subject | null | undefined, permission: Permission) {
  const s = orgScope(subject, permission);
  if (s.all) return {};
  const or = [
    ...s.pathPrefixes.map((p) => ({ path: { startsWith: p } })),
    ...(s.orgIds.length ? [{ id: { in: s.orgIds } }] : []),
  ];
  return or.length ? { OR: or } : { id: { in: [] as string[] } };
}

/** Same scope, for records that carry their organization's path in a column (e.g. AuditEvent.orgPath). */
export function scopeByPath(subject: Subject | null | undefined, permission: Permission, column = 'orgPath') {
  const s = orgScope(subject, permission);
  if (s.all) return {};
  const or = s.pathPrefixes.map((p) => ({ [column]: { startsWith: p } }));
  return or.length ? { OR: or } : { id: { in: [] as bigint[] } };
}

export function roleScope(role: string): Scope | undefined {
  return rule(role)?.scope;
}

/**
 * Records addressed to one person (a notification, an announcement's receipt) are theirs alone:
 * no role reaches another person's inbox.
 */
export function isOwner(subject: Subject | null | undefined, ownerId: string): boolean {
  return !!subject && subject.id === ownerId;
}

export type AuditRef = { memberIds: readonly string[]; leaderIds?: readonly string[]; org: OrgRef };
type AuditPermission =
  'audit.read' | 'audit.score' | 'audit.note' | 'feedback.issue' | 'rectification.verify';

/**
 * Audits are reached through the team, not the organization: an AUDITOR may `permission`
 * (audit.score, audit.note) only on audits of plans they are a member of. The committee that plans
 * audits over the unit may read them (auditPlan.manage) but scores only if it is on the team too.
 */
export const canOnAudit = onRecord((subject, permission: AuditPermission, audit: AuditRef) => {
  const member = audit.memberIds.includes(subject.id);
  // The feedback sheet is the team leader's to issue.
  if (permission === 'feedback.issue')
    return member && (audit.leaderIds ?? []).includes(subject.id) && can(subject, permission);
  if (permission === 'audit.read')
    return (member && can(subject, 'audit.score')) || can(subject, 'auditPlan.manage', audit.org);
  return member && can(subject, permission);
});

export const assertCanOnAudit = refusing(canOnAudit);

/**
 * 回避: whether the person belongs to `org` or below it — works there (their account's unit), is a party member
 * there, or holds a role there. Such a person neither scores an audit of that unit nor verifies its rectification
 * (the 考核组 judges others' work, never its own).
 */
export async function isInsider(client: Db | Tx, subject: Subject, org: OrgRef): Promise<boolean> {
  if (subject.grants.some((g) => g.orgPath.startsWith(org.path))) return true;
  const [user, person] = await Promise.all([
    client.user.findUnique({ where: { id: subject.id }, select: { org: { select: { path: true } } } }),
    client.person.findFirst({
      where: {
        userId: subject.id,
        leftOn: null,
        // A member there, or working there (seconded, 流动党员).
        OR: [{ org: { path: { startsWith: org.path } } }, { workOrg: { path: { startsWith: org.path } } }],
      },
      select: { id: true },
    }),
  ]);
  return !!user?.org?.path.startsWith(org.path) || !!person;
}

/** Refuses (nothing changes) a person of the unit judging its own audit or rectification. */
export async function assertNotInsider(client: Db | Tx, subject: Subject, org: OrgRef) {
  if (await isInsider(client, subject, org)) throw new UserError('audits.errors.ownUnit');
}

/** A plan as policy sees it: its team (leaders among them) and the organization it was made over. */
export type PlanRef = { memberIds: readonly string[]; leaderIds: readonly string[]; org: OrgRef };
type PlanPermission = 'plan.read' | 'sample.draw' | 'sample.signOff';

/**
 * A plan's working papers: read by its team and by the committee that plans over the unit; drawn (二级抽样) by the
 * team's auditors; signed off by the team leader only.
 */
export const canOnPlan = onRecord((subject, permission: PlanPermission, plan: PlanRef) => {
  const member = plan.memberIds.includes(subject.id) && can(subject, 'audit.score');
  if (permission === 'plan.read') return member || can(subject, 'auditPlan.manage', plan.org);
  if (permission === 'sample.draw') return member;
  return member && plan.leaderIds.includes(subject.id) && can(subject, 'feedback.issue');
});

export const assertCanOnPlan = refusing(canOnPlan);

/**
 * An audit team reads the ledgers (submitted meeting records, task evidence and their files) of a unit it audits,
 * and of that unit's party groups, while the plan is open: what the team samples it must be able to open. Nothing
 * else of the unit opens to it (drafts stay the unit's own).
 */
export async function auditTeamReaches(client: Db | Tx, subject: Subject | null | undefined, org: OrgRef) {
  if (!subject || !can(subject, 'audit.score')) return false;
  const n = await client.audit.count({
    where: {
      plan: { closedAt: null, members: { some: { userId: subject.id } } },
      OR: [{ orgId: org.id }, { org: { children: { some: { id: org.id, type: 'PARTY_GROUP' } } } }],
    },
  });
  return n > 0;
}

/**
 * A unit's ledgers: its readers (`permission` over the unit) or, for a submitted record, an audit team on it
 * (auditTeamReaches).
 */
export async function canReadLedger(
  client: Db | Tx,
  subject: Subject | null | undefined,
  permission: 'meeting.read' | 'reminder.complete' | 'reminder.supervise',
  org: OrgRef,
  submitted = true,
) {
  return can(subject, permission, org) || (submitted && (await auditTeamReaches(client, subject, org)));
}

/** An audience: units (with their subtrees) and named people; neither means everyone. */
export type Audience = { targetPaths: readonly string[]; userIds?: readonly string[] };

function inAudience(subject: Subject, audience: Audience, memberOrgPath?: string | null): boolean {
  const people = audience.userIds ?? [];
  if (!audience.targetPaths.length && !people.length) return true;
  if (people.includes(subject.id)) return true;
  const paths = [memberOrgPath, ...subject.grants.map((g) => g.orgPath)].filter((p): p is string => !!p);
  return paths.some((p) => audience.targetPaths.some((t) => p.startsWith(t)));
}

/**
 * An exam's audience: holders of exam.take whose unit (membership or a role's organization) lies in
 * one of the exam's organizations (with subtrees) or who are named, and — when the exam names roles —
 * who hold one. A training class's exam is for its invitees; an audit's for the audited unit's people.
 */
export function canTakeExam(
  subject: Subject | null | undefined,
  exam: Audience & { roles: readonly string[] },
  memberOrgPath?: string | null,
): boolean {
  if (!subject || !can(subject, 'exam.take')) return false;
  const inRole = !exam.roles.length || subject.grants.some((g) => exam.roles.includes(g.role));
  return inAudience(subject, exam, memberOrgPath) && inRole;
}

/** A training class's invitees (units with subtrees, named people) sign in to it themselves. */
export function canAttendTraining(
  subject: Subject | null | undefined,
  session: Audience,
  memberOrgPath?: string | null,
): boolean {
  if (!subject || !can(subject, 'learning.read')) return false;
  return inAudience(subject, session, memberOrgPath);
}

/** The company's party committee: the oldest root of the tree. Company-wide acts are checked against it. */
export async function companyRoot(client: Db | Tx): Promise<OrgRef> {
  const root = await client.organization.findFirst({
    where: { parentId: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, path: true },
  });
  if (!root) throw new NotFoundError();
  return root;
}

/**
 * Company-wide acts (editing the handbook, the question bank, generating every unit's reminders) need the
 * permission over the company root, not over some branch. Returns the root for the trace's orgPath.
 */
export async function assertCanCompanyWide(
  ...[client, subject, permission]: CompanyWideCheck
): Promise<OrgRef> {
  const root = await companyRoot(client);
  assertCan(subject, permission, root);
  return root;
}

export async function canCompanyWide(...[client, subject, permission]: CompanyWideCheck): Promise<boolean> {
  return can(subject, permission, await companyRoot(client));
}

type CompanyWideCheck = [client: Db | Tx, subject: Subject | null | undefined, permission: Permission];

/** A person as policy sees them: the unit holding their 组织关系, the unit they work in, their account. */
export type PersonRef = { org: OrgRef; workOrg?: OrgRef | null; userId?: string | null };
type PersonPermission = 'person.read' | 'person.manage' | 'person.sensitive';

/**
 * People are reached through either of their units for reading (a project branch sees and counts the
 * 流动党员 working with it), but only through the unit holding their 组织关系 for writing and for personal
 * data (phone, 党费 base). Everyone reads their own record, personal data included.
 */
export const canOnPerson = onRecord((subject, permission: PersonPermission, person: PersonRef) => {
  const own = !!person.userId && isOwner(subject, person.userId);
  if (permission === 'person.manage') return can(subject, permission, person.org);
  if (own || can(subject, permission, person.org)) return true;
  return permission === 'person.read' && !!person.workOrg && can(subject, permission, person.workOrg);
});

export const assertCanOnPerson = refusing(canOnPerson);

/** Prisma `where` for Person rows the subject may read: either unit in scope, or the subject's own record. */
export function scopePeople(subject: Subject | null | undefined) {
  if (!subject) return { id: { in: [] as string[] } };
  const units = scopeOrgs(subject, 'person.read');
  if (orgScope(subject, 'person.read').all) return {};
  return { OR: [{ org: units }, { workOrg: units }, { userId: subject.id }] };
}
