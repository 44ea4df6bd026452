// npm run bench:session — what every request pays before its own work (issue 17.3): the session, its person, their
// unit and roles. The one query (lib/auth/sessions.ts sessionPerson) against the way it was read before (the session
// row, then the user with its unit and roles through Prisma includes), in the same run, on a person with 3 roles.
import { randomUUID } from 'node:crypto';
import { sessionIsOpen, sessionPerson } from '../lib/auth/sessions';
import { median, openBench, pct, sampleInTurn } from './lib/bench';

const { db, close } = await openBench('session');
try {
  const root = await db.organization.create({
    data: { id: randomUUID(), name: `基准党委${Date.now()}`, type: 'COMMITTEE', path: '/', depth: 0 },
  });
  const path = `/${root.id}/`;
  await db.organization.update({ where: { id: root.id }, data: { path } });
  const user = await db.user.create({
    data: { username: `bench${Date.now()}`, name: '基准用户', passwordHash: 'x', orgId: root.id },
  });
  for (const role of ['COMMITTEE', 'AUDITOR', 'MEMBER'] as const)
    await db.roleAssignment.create({ data: { userId: user.id, role, orgId: root.id } });
  const session = await db.userSession.create({ data: { userId: user.id } });

  const before = async () => {
    await sessionIsOpen(db, session.id, user.id);
    return db.user.findUnique({
      where: { id: user.id },
      include: {
        org: { select: { id: true, name: true, path: true } },
        roles: { include: { org: { select: { name: true, path: true } } } },
      },
    });
  };
  const now = () => sessionPerson(db, session.id, user.id);
  const [a, b] = await sampleInTurn(200, 2000, [now, before]);
  const line = (label: string, xs: number[]) =>
    console.log(
      `${label.padEnd(40)} p50 ${median(xs).toFixed(2).padStart(6)} ms   p95 ${pct(xs, 0.95).toFixed(2).padStart(6)} ms`,
    );
  line('one query (sessionPerson)', a);
  line('before: session, then user + includes', b);
  console.log(`ratio (p50): ${(median(a) / median(b)).toFixed(2)}×`);
} finally {
  await close();
}
