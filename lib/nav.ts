import { can, type Subject } from './policy';

export type NavItem = { href: string; key: string };

/** Areas this user may use, among those that exist. Links only: every page checks policy itself. */
export function navFor(user: Subject): NavItem[] {
  const items: NavItem[] = [{ href: '/', key: 'workbench' }];
  if (can(user, 'handbook.read')) items.push({ href: '/handbook', key: 'handbook' });
  if (can(user, 'reminder.complete') || can(user, 'reminder.supervise'))
    items.push({ href: '/reminders', key: 'reminders' });
  if (can(user, 'reminder.supervise')) items.push({ href: '/reminders/supervision', key: 'supervision' });
  if (can(user, 'selfCheck.draft') || can(user, 'selfCheck.oversee'))
    items.push({ href: '/self-checks', key: 'selfChecks' });
  if (can(user, 'auditPlan.manage') || can(user, 'audit.score'))
    items.push({ href: '/audits', key: 'audits' });
  if (can(user, 'feedback.read') || can(user, 'audit.score') || can(user, 'coordination.answer'))
    items.push({ href: '/rectifications', key: 'rectifications' });
  if (can(user, 'insights.read')) items.push({ href: '/insights', key: 'insights' });
  if (can(user, 'learning.read')) items.push({ href: '/learning', key: 'learning' });
  if (can(user, 'exam.take')) items.push({ href: '/exams', key: 'exams' });
  // Everyone signed in may receive announcements; the list shows only their own (and, to managers, their subtree's).
  items.push({ href: '/announcements', key: 'announcements' });
  if (can(user, 'org.read')) items.push({ href: '/orgs', key: 'orgs' });
  if (can(user, 'user.manage', 'global')) items.push({ href: '/admin/users', key: 'users' });
  if (can(user, 'role.assign', 'global')) items.push({ href: '/admin/roles', key: 'roles' });
  if (can(user, 'auditLog.read')) items.push({ href: '/admin/audit-log', key: 'auditLog' });
  return items;
}
