import { can, type Subject } from './policy';

export type NavItem = { href: string; key: string };
/** A menu of the header: the workbench and announcements stand alone; the rest follow the five steps. */
export type NavGroup = {
  key: 'home' | 'define' | 'learn' | 'check' | 'audit' | 'revise' | 'notices' | 'system';
  items: NavItem[];
};

/**
 * Areas this user may use, grouped by the product's spine 定标 · 明标 · 对标 · 核标 · 优标. Links only: every page
 * checks policy itself. Groups without an item for this user are left out.
 */
export function navFor(user: Subject): NavGroup[] {
  const groups: NavGroup[] = [
    { key: 'home', items: [{ href: '/', key: 'workbench' }] },
    { key: 'define', items: [] },
    { key: 'learn', items: [] },
    { key: 'check', items: [] },
    { key: 'audit', items: [] },
    { key: 'revise', items: [] },
    // Everyone signed in may receive announcements; the list shows only their own (and, to managers, their subtree's).
    { key: 'notices', items: [{ href: '/announcements', key: 'announcements' }] },
    { key: 'system', items: [] },
  ];
  const add = (key: NavGroup['key'], href: string, item: string) =>
    groups.find((g) => g.key === key)!.items.push({ href, key: item });
  if (can(user, 'handbook.read')) add('define', '/handbook', 'handbook');
  if (can(user, 'learning.read')) add('learn', '/learning', 'learning');
  if (can(user, 'exam.take')) add('learn', '/exams', 'exams');
  if (can(user, 'reminder.complete') || can(user, 'reminder.supervise'))
    add('check', '/reminders', 'reminders');
  if (can(user, 'meeting.read')) add('check', '/meetings', 'meetings');
  if (can(user, 'reminder.supervise')) add('check', '/reminders/supervision', 'supervision');
  if (can(user, 'selfCheck.draft') || can(user, 'selfCheck.oversee'))
    add('check', '/self-checks', 'selfChecks');
  if (can(user, 'auditPlan.manage') || can(user, 'audit.score')) add('audit', '/audits', 'audits');
  if (can(user, 'feedback.read') || can(user, 'audit.score') || can(user, 'coordination.answer'))
    add('revise', '/rectifications', 'rectifications');
  if (can(user, 'insights.read')) add('revise', '/insights', 'insights');
  if (can(user, 'person.read')) add('system', '/people', 'people');
  if (can(user, 'person.read')) add('system', '/people/transfers', 'transfers');
  if (can(user, 'person.read')) add('system', '/people/development', 'development');
  if (can(user, 'person.sensitive')) add('system', '/people/dues', 'dues');
  if (can(user, 'org.read')) add('system', '/orgs', 'orgs');
  if (can(user, 'user.read', 'global')) add('system', '/admin/users', 'users');
  if (can(user, 'role.assign', 'global')) add('system', '/admin/roles', 'roles');
  if (can(user, 'auditLog.read')) add('system', '/admin/audit-log', 'auditLog');
  if (can(user, 'security.manage', 'global')) add('system', '/admin/security', 'security');
  if (can(user, 'securityEvent.read', 'global')) add('system', '/admin/security-events', 'securityEvents');
  return groups.filter((g) => g.items.length > 0);
}
