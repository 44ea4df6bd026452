/**
 * What the portal holds about a person, for that person alone (个人信息保护法 第四十五条: the right to a copy):
 * their account, roles, party record with its dates and 党费, sessions, second factors (what, not the secrets),
 * exam attempts, announcements received, notifications, and what they did (their trace events). Nobody else can ask
 * for it: the route passes the signed-in person's own id, and the download is traced.
 */
import type { Db } from '../db/client';
import type { Subject } from '../policy';

export async function myData(client: Db, me: Subject, now = new Date()) {
  const id = me.id;
  const [user, person, sessions, totp, passkeys, attempts, receipts, notifications, actions, events] =
    await Promise.all([
      client.user.findUniqueOrThrow({
        where: { id },
        select: {
          username: true,
          name: true,
          phone: true,
          email: true,
          active: true,
          createdAt: true,
          lastLoginAt: true,
          passwordChangedAt: true,
          org: { select: { name: true } },
          roles: { select: { role: true, org: { select: { name: true } }, createdAt: true } },
        },
      }),
      client.person.findUnique({
        where: { userId: id },
        include: {
          org: { select: { name: true } },
          workOrg: { select: { name: true } },
          partyGroup: { select: { name: true } },
          duesBases: { orderBy: { year: 'desc' } },
          payments: { orderBy: { month: 'desc' } },
        },
      }),
      client.userSession.findMany({
        where: { userId: id },
        orderBy: { createdAt: 'desc' },
        take: 100,
        select: {
          createdAt: true,
          lastSeenAt: true,
          ip: true,
          userAgent: true,
          endedAt: true,
          endReason: true,
        },
      }),
      client.totpFactor.findUnique({ where: { userId: id }, select: { confirmedAt: true } }),
      client.passkey.findMany({
        where: { userId: id },
        select: { name: true, createdAt: true, lastUsedAt: true },
      }),
      client.examAttempt.findMany({
        where: { userId: id },
        select: {
          exam: { select: { title: true } },
          attemptNo: true,
          startedAt: true,
          submittedAt: true,
          score: true,
          maxScore: true,
          passed: true,
          answers: true,
        },
      }),
      client.announcementRecipient.findMany({
        where: { userId: id },
        select: { announcement: { select: { title: true } }, readAt: true },
      }),
      client.notification.findMany({
        where: { userId: id },
        orderBy: { createdAt: 'desc' },
        take: 500,
        select: { kind: true, titleKey: true, params: true, createdAt: true, readAt: true },
      }),
      client.auditEvent.findMany({
        where: { actorId: id },
        orderBy: { id: 'desc' },
        take: 2000,
        select: { at: true, action: true, entityType: true, entityId: true, ip: true },
      }),
      client.securityEvent.findMany({
        where: { userId: id },
        orderBy: { id: 'desc' },
        take: 500,
        select: { at: true, kind: true, ip: true },
      }),
    ]);
  return {
    exportedAt: now.toISOString(),
    account: user,
    partyRecord: person,
    secondFactor: { authenticatorApp: totp?.confirmedAt ?? null, passkeys },
    sessions,
    examAttempts: attempts,
    announcements: receipts,
    notifications,
    actions,
    securityEvents: events,
  };
}
