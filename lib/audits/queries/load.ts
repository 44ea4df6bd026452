// An audit with what policy needs: its unit and its plan's team.
import type { Db, Tx } from '../../db/client';
import { NotFoundError } from '../../errors';
import type { AuditRef } from '../../policy';

export async function loadAudit(db: Db | Tx, id: string) {
  const a = await db.audit.findUnique({
    where: { id },
    include: {
      org: { select: { id: true, path: true, name: true } },
      plan: {
        select: {
          id: true,
          title: true,
          kind: true,
          periodKey: true,
          orgPath: true,
          closedAt: true,
          members: { select: { userId: true, leader: true } },
        },
      },
    },
  });
  if (!a) throw new NotFoundError();
  const ref: AuditRef = {
    memberIds: a.plan.members.map((m) => m.userId),
    leaderIds: a.plan.members.filter((m) => m.leader).map((m) => m.userId),
    org: a.org,
  };
  return { ...a, ref };
}

/** Scores may change while an audit is planned or in progress; once scored (or its plan closed) it is closed. */
export const isOpen = (a: { status: string; plan: { closedAt: Date | null } }) =>
  (a.status === 'PLANNED' || a.status === 'IN_PROGRESS') && !a.plan.closedAt;
