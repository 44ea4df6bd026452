import { describe, expect, it } from 'vitest';
import {
  assertCan,
  can,
  PERMISSIONS,
  ROLES,
  scopeByPath,
  scopeOrgs,
  type Permission,
  type Subject,
} from './policy';

// The expected table, written out again on purpose: a change to lib/policy.ts must be made twice.
const EXPECTED: Record<string, string[]> = {
  ADMIN: ['user.read', 'user.manage', 'role.assign', 'auditLog.read', 'org.read', 'handbook.read'],
  COMMITTEE: [
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
  ],
  AUDITOR: ['handbook.read', 'audit.score', 'audit.note', 'feedback.issue', 'rectification.verify'],
  SECRETARY: [
    'org.read',
    'handbook.read',
    'learning.read',
    'reminder.complete',
    'selfCheck.draft',
    'selfCheck.submit',
    'feedback.acknowledge',
    'rectification.answer',
    'revision.propose',
    'exam.take',
    'feedback.read',
  ],
  CLERK: [
    'org.read',
    'handbook.read',
    'learning.read',
    'reminder.complete',
    'selfCheck.draft',
    'exam.take',
    'feedback.read',
  ],
  MEMBER: ['handbook.read', 'learning.read', 'exam.take', 'coordination.answer'],
};

const root = { id: 'root', path: '/root/' };
const branchA = { id: 'a', path: '/root/a/' };
const groupA1 = { id: 'a1', path: '/root/a/a1/' };
const branchB = { id: 'b', path: '/root/b/' };
const as = (role: string, org = branchA): Subject => ({
  id: 'u',
  grants: [{ role, orgId: org.id, orgPath: org.path }],
});

describe('policy table', () => {
  it('knows every role', () => expect([...ROLES].sort()).toEqual(Object.keys(EXPECTED).sort()));

  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role]!.includes(permission);
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        const scopeOrg = role === 'ADMIN' || role === 'COMMITTEE' ? root : branchA;
        // Auditors act through audit membership, never through an organization by itself.
        const target = role === 'AUDITOR' ? undefined : scopeOrg;
        expect(can(as(role, scopeOrg), permission, target)).toBe(allowed);
      });
    }
  }
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
