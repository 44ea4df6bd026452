import { describe, expect, it } from 'vitest';
import {
  assertCan,
  can,
  canOnPerson,
  PERMISSIONS,
  ROLES,
  roleGrantRefusal,
  mayManageAccount,
  scopeByPath,
  scopeOrgs,
  type Permission,
  type Role,
  type Subject,
} from './policy';

// Who holds each permission, stated permission by permission (not lib/policy.ts's role-by-role table):
// a change to the policy must be made here too, and every role's grants and refusals follow from this.
const BRANCH_STAFF = ['SECRETARY', 'CLERK'] as const;
const HOLDERS: [holders: readonly Role[], permissions: string[]][] = [
  [['ADMIN', 'COMMITTEE', 'AUDITOR', ...BRANCH_STAFF, 'MEMBER'], ['handbook.read']],
  // 三权分立: accounts, roles and security, the trace — three people.
  [['ADMIN', 'SECURITY_ADMIN'], ['user.read']],
  [['ADMIN'], ['user.manage']],
  [['SECURITY_ADMIN'], ['role.assign', 'security.manage', 'factor.reset', 'identity.manage']],
  [['AUDIT_ADMIN', 'COMMITTEE'], ['auditLog.read']],
  [['AUDIT_ADMIN'], ['securityEvent.read']],
  [['ADMIN', 'SECURITY_ADMIN', 'COMMITTEE', ...BRANCH_STAFF], ['org.read']],
  [
    ['COMMITTEE', ...BRANCH_STAFF],
    ['feedback.read', 'person.read', 'meeting.read'],
  ],
  [
    ['COMMITTEE', 'SECRETARY'],
    ['person.manage', 'person.export', 'person.sensitive', 'org.close'],
  ],
  [
    ['COMMITTEE', ...BRANCH_STAFF, 'MEMBER'],
    ['learning.read', 'exam.take'],
  ],
  [['COMMITTEE', 'MEMBER'], ['coordination.answer']],
  [BRANCH_STAFF, ['meeting.record']],
  [
    ['COMMITTEE'],
    [
      'org.manage',
      'org.import',
      'org.export',
      'workbench.summary',
      'handbook.edit',
      'scoring.edit',
      'learning.manage',
      'auditPlan.manage',
      'revision.approve',
      'reminder.supervise',
      'insights.read',
      'selfCheck.oversee',
      'selfCheck.reopen',
      'announcement.manage',
      'robot.manage',
      'annual.compute',
      'person.import',
      'transfer.issue',
    ],
  ],
  [['AUDITOR'], ['audit.score', 'audit.note', 'feedback.issue', 'rectification.verify']],
  [BRANCH_STAFF, ['reminder.complete', 'selfCheck.draft']],
  [['SECRETARY'], ['selfCheck.submit', 'feedback.acknowledge', 'rectification.answer', 'revision.propose']],
];
const EXPECTED: Record<string, string[]> = Object.fromEntries(
  ROLES.map((role) => [role, HOLDERS.flatMap(([holders, ps]) => (holders.includes(role) ? ps : []))]),
);

const root = { id: 'root', path: '/root/' };
const branchA = { id: 'a', path: '/root/a/' };
const groupA1 = { id: 'a1', path: '/root/a/a1/' };
const branchB = { id: 'b', path: '/root/b/' };
const as = (role: string, org = branchA): Subject => ({
  id: 'u',
  grants: [{ role, orgId: org.id, orgPath: org.path }],
});

describe('policy table', () => {
  it('knows every role', () =>
    expect([...ROLES].sort()).toEqual([
      'ADMIN',
      'AUDITOR',
      'AUDIT_ADMIN',
      'CLERK',
      'COMMITTEE',
      'MEMBER',
      'SECRETARY',
      'SECURITY_ADMIN',
    ]));
  it('grants exactly the permissions stated above', () =>
    expect([...PERMISSIONS].sort()).toEqual([...new Set(HOLDERS.flatMap(([, ps]) => ps))].sort()));

  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role]!.includes(permission);
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        const scopeOrg = ['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'COMMITTEE'].includes(role)
          ? root
          : branchA;
        // Auditors act through audit membership, never through an organization by itself.
        const target = role === 'AUDITOR' ? undefined : scopeOrg;
        expect(can(as(role, scopeOrg), permission, target)).toBe(allowed);
      });
    }
  }
});

describe('三权分立: who may grant a role', () => {
  const sys = { id: 'sys', grants: [{ role: 'ADMIN', orgId: 'root', orgPath: '/root/' }] };
  const sec = { id: 'sec', grants: [{ role: 'SECURITY_ADMIN', orgId: 'root', orgPath: '/root/' }] };
  const aud = { id: 'aud', grants: [{ role: 'AUDIT_ADMIN', orgId: 'root', orgPath: '/root/' }] };
  const person = { id: 'p', roles: [] as string[] };
  it('the 安全管理员 grants roles, never to themselves', () => {
    expect(roleGrantRefusal(sec, 'SECRETARY', person, 1)).toBeNull();
    expect(roleGrantRefusal(sec, 'COMMITTEE', { id: 'sec', roles: ['SECURITY_ADMIN'] }, 1)).toBe(
      'users.errors.notOwnRoles',
    );
  });
  it('the three administrator roles never meet on one person', () => {
    expect(roleGrantRefusal(sec, 'AUDIT_ADMIN', { id: 'p', roles: ['ADMIN'] }, 1)).toBe(
      'users.errors.adminRolesExclusive',
    );
    expect(roleGrantRefusal(sec, 'ADMIN', { id: 'p', roles: ['AUDIT_ADMIN'] }, 1)).toBe(
      'users.errors.adminRolesExclusive',
    );
    // The same role at another unit is not a second role.
    expect(roleGrantRefusal(sec, 'ADMIN', { id: 'p', roles: ['ADMIN', 'MEMBER'] }, 1)).toBeNull();
  });
  it('the 系统管理员 appoints only a first 安全/审计管理员, and nothing else', () => {
    expect(roleGrantRefusal(sys, 'SECURITY_ADMIN', person, 0)).toBeNull();
    expect(roleGrantRefusal(sys, 'AUDIT_ADMIN', person, 0)).toBeNull();
    expect(roleGrantRefusal(sys, 'SECURITY_ADMIN', person, 1)).toBe('errors.forbidden');
    expect(roleGrantRefusal(sys, 'COMMITTEE', person, 0)).toBe('errors.forbidden');
    expect(roleGrantRefusal(sys, 'ADMIN', person, 0)).toBe('errors.forbidden');
  });
  it('the accounts of the 安全/审计管理员 are managed by a 安全管理员 only, never by themselves', () => {
    expect(mayManageAccount(sys, { id: 'p', roles: ['SECRETARY'] })).toBe(true);
    expect(mayManageAccount(sys, { id: 'p', roles: ['AUDIT_ADMIN'] })).toBe(false);
    expect(mayManageAccount(sec, { id: 'p', roles: ['AUDIT_ADMIN'] })).toBe(true);
    expect(mayManageAccount(sec, { id: 'sec', roles: ['SECURITY_ADMIN'] })).toBe(false);
    expect(mayManageAccount(aud, { id: 'p', roles: ['MEMBER'] })).toBe(false);
  });
  it('the 审计管理员 grants nothing', () => {
    expect(roleGrantRefusal(aud, 'MEMBER', person, 1)).toBe('errors.forbidden');
    expect(roleGrantRefusal(aud, 'SECURITY_ADMIN', person, 0)).toBe('errors.forbidden');
  });
});

describe('scope', () => {
  it('subtree roles reach their unit and everything below, not siblings or parents', () => {
    const s = as('SECRETARY');
    expect(can(s, 'org.read', branchA)).toBe(true);
    expect(can(s, 'org.read', groupA1)).toBe(true);
    expect(can(s, 'org.read', branchB)).toBe(false);
    expect(can(s, 'org.read', root)).toBe(false);
  });
  it('a member reaches only their own unit', () => {
    expect(can(as('MEMBER'), 'handbook.read', branchA)).toBe(true);
    expect(can(as('MEMBER'), 'handbook.read', groupA1)).toBe(false);
  });
  it('an auditor reaches no organization by role alone', () => {
    expect(can(as('AUDITOR', root), 'audit.score', branchA)).toBe(false);
    expect(can(as('AUDITOR', root), 'audit.score')).toBe(true);
  });
  it('global permissions need a company-wide role', () => {
    expect(can(as('ADMIN', branchA), 'user.manage', 'global')).toBe(true);
    expect(can(as('COMMITTEE', root), 'org.manage', 'global')).toBe(false);
  });
  it('several grants add up', () => {
    const s: Subject = {
      id: 'u',
      grants: [...as('SECRETARY', branchA).grants, ...as('CLERK', branchB).grants],
    };
    expect(can(s, 'selfCheck.submit', branchA)).toBe(true);
    expect(can(s, 'selfCheck.submit', branchB)).toBe(false);
    expect(can(s, 'selfCheck.draft', branchB)).toBe(true);
  });
  it('refuses unknown roles and permissions, and nobody', () => {
    expect(can(as('SUPERUSER', root), 'org.read', root)).toBe(false);
    // An unknown permission does not compile; a value that slips past the types is still refused.
    expect(can(as('COMMITTEE', root), 'org.destroy' as Permission, root)).toBe(false);
    expect(can(null, 'org.read', root)).toBe(false);
    expect(() => assertCan(as('CLERK'), 'org.manage', branchA)).toThrow('errors.forbidden');
  });
});

describe('where fragments', () => {
  it('ADMIN sees everything', () => expect(scopeOrgs(as('ADMIN', root), 'org.read')).toEqual({}));
  it('subtree roles get a path prefix, members their unit id', () => {
    expect(scopeOrgs(as('SECRETARY'), 'org.read')).toEqual({ OR: [{ path: { startsWith: '/root/a/' } }] });
    expect(scopeOrgs(as('MEMBER'), 'handbook.read')).toEqual({ OR: [{ id: { in: ['a'] } }] });
  });
  it('a refused list matches nothing', () => {
    expect(scopeOrgs(as('MEMBER'), 'org.read')).toEqual({ id: { in: [] } });
    expect(scopeByPath(as('CLERK'), 'auditLog.read')).toEqual({ id: { in: [] } });
  });
});

describe('audits are reached through the team', () => {
  const unit = { id: 'a', path: '/root/a/' };
  const auditor = { id: 'aud', grants: [{ role: 'AUDITOR', orgId: 'root', orgPath: '/root/' }] };
  const otherAuditor = { id: 'aud2', grants: [{ role: 'AUDITOR', orgId: 'root', orgPath: '/root/' }] };
  const committee = { id: 'c', grants: [{ role: 'COMMITTEE', orgId: 'root', orgPath: '/root/' }] };
  const audit = { memberIds: ['aud'], org: unit };
  it('a member auditor reads, scores and notes; another auditor does nothing', async () => {
    const { canOnAudit } = await import('./policy');
    expect(
      ['audit.read', 'audit.score', 'audit.note'].map((p) => canOnAudit(auditor, p as never, audit)),
    ).toEqual([true, true, true]);
    expect(
      ['audit.read', 'audit.score', 'audit.note'].map((p) => canOnAudit(otherAuditor, p as never, audit)),
    ).toEqual([false, false, false]);
  });
  it('the committee reads audits of its subtree but does not score unless on the team', async () => {
    const { canOnAudit } = await import('./policy');
    expect(canOnAudit(committee, 'audit.read', audit)).toBe(true);
    expect(canOnAudit(committee, 'audit.score', audit)).toBe(false);
    expect(canOnAudit(as('SECRETARY', branchA), 'audit.read', audit)).toBe(false);
  });
  it('working papers: the team draws, only its leader signs off, the committee reads, a branch does not', async () => {
    const { canOnPlan } = await import('./policy');
    const leader = { id: 'lead', grants: [{ role: 'AUDITOR', orgId: 'root', orgPath: '/root/' }] };
    const plan = { memberIds: ['aud', 'lead'], leaderIds: ['lead'], org: { id: 'p', path: '/root/' } };
    const perms = ['plan.read', 'sample.draw', 'sample.signOff'] as const;
    expect(perms.map((p) => canOnPlan(auditor, p, plan))).toEqual([true, true, false]);
    expect(perms.map((p) => canOnPlan(leader, p, plan))).toEqual([true, true, true]);
    expect(perms.map((p) => canOnPlan(otherAuditor, p, plan))).toEqual([false, false, false]);
    expect(perms.map((p) => canOnPlan(committee, p, plan))).toEqual([true, false, false]);
    expect(perms.map((p) => canOnPlan(as('SECRETARY', branchA), p, plan))).toEqual([false, false, false]);
  });
});

describe('audiences of exams and training classes', () => {
  const member = (org: { path: string }, id = 'm'): Subject => ({
    id,
    grants: [{ role: 'MEMBER', orgId: 'x', orgPath: org.path }],
  });
  it('units reach their subtrees; named people are in wherever they are; neither means everyone', async () => {
    const { canAttendTraining, canTakeExam } = await import('./policy');
    const aud = { targetPaths: [branchA.path], userIds: ['named'] };
    expect(canAttendTraining(member(groupA1), aud)).toBe(true);
    expect(canAttendTraining(member(branchB), aud)).toBe(false);
    expect(canAttendTraining(member(branchB, 'named'), aud)).toBe(true);
    expect(canAttendTraining(member(branchB), { targetPaths: [] })).toBe(true);
    expect(canAttendTraining(as('AUDITOR', root), { targetPaths: [] })).toBe(false);
    expect(canTakeExam(member(branchB), { ...aud, roles: [] }, branchA.path)).toBe(true);
    expect(canTakeExam(member(groupA1), { ...aud, roles: ['SECRETARY'] })).toBe(false);
    expect(canTakeExam(null, { targetPaths: [], roles: [] })).toBe(false);
  });
});

describe('people', () => {
  const person = { org: branchA, workOrg: branchB, userId: 'someone' };
  it('a person is read through either unit, managed and seen in full only through the membership unit', () => {
    expect(canOnPerson(as('SECRETARY', branchB), 'person.read', person)).toBe(true);
    expect(canOnPerson(as('SECRETARY', branchB), 'person.sensitive', person)).toBe(false);
    expect(canOnPerson(as('SECRETARY', branchB), 'person.manage', person)).toBe(false);
    expect(canOnPerson(as('SECRETARY'), 'person.manage', person)).toBe(true);
    expect(canOnPerson(as('CLERK'), 'person.sensitive', person)).toBe(false);
    expect(canOnPerson(as('SECRETARY', root), 'person.read', { org: branchB })).toBe(true);
    expect(canOnPerson(as('SECRETARY'), 'person.read', { org: branchB })).toBe(false);
  });
  it('everyone reads their own record, personal data included, but does not edit it', () => {
    const me = { id: 'someone', grants: [] };
    expect(canOnPerson(me, 'person.read', person)).toBe(true);
    expect(canOnPerson(me, 'person.sensitive', person)).toBe(true);
    expect(canOnPerson(me, 'person.manage', person)).toBe(false);
    expect(canOnPerson(null, 'person.read', person)).toBe(false);
  });
});
