import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOne, MAX_ATTEMPTS } from '../../lib/channels/deliver';
import { scanDueNotices } from '../../lib/channels/due-notices';
import { completeTask } from '../../lib/reminders/mutations/complete';
import { generateForPeriod } from '../../lib/reminders/mutations/generate';
import { sendNotice } from '../../lib/reminders/mutations/notice';
import { rateTask, returnTask } from '../../lib/reminders/mutations/review';
import { supervisionListFor } from '../../lib/reminders/queries';
import { markRead } from '../../lib/notifications/mutations';
import { makePublishedHandbook } from '../fixtures/handbook';
import { makeTree, makeUser, type TestUser, type Tree } from '../fixtures/factories';
import { testDb } from '../fixtures/db';

const db = testDb();
let tree: Tree;
let committee: TestUser;
let secA: TestUser;
let clerkA: TestUser;
let clerkB: TestUser;
let tasks: { id: string }[];
const now = new Date('2026-11-25T04:00:00Z');

// The fake robot listens on loopback: the outbound guard (lib/channels/outbound.ts) is lifted for this file.
afterAll(() => {
  delete process.env.ROBOT_ALLOW_LOCAL;
});
beforeAll(async () => {
  process.env.ROBOT_ALLOW_LOCAL = 'true';
  await makePublishedHandbook(db, `督办测试${Date.now() % 10000}`);
  tree = await makeTree(db);
  committee = await makeUser(db, 'COMMITTEE', tree.root);
  secA = await makeUser(db, 'SECRETARY', tree.a);
  clerkA = await makeUser(db, 'CLERK', tree.a);
  clerkB = await makeUser(db, 'CLERK', tree.b);
  for (const d of ['2026-08-10', '2026-09-10', '2026-10-10']) await generateForPeriod(db, 'MONTH', d);
  tasks = await db.reminderTask.findMany({ where: { orgId: tree.a.id }, orderBy: { periodStart: 'asc' } });
});

/** Branch A's clerk completes task `i` (of the three months), on `at`, with `files` as evidence. */
const clerkACompletes = (
  i: number,
  activityDate: string,
  at: string,
  files: { name: string; bytes: Buffer }[] = [],
) => completeTask(db, clerkA.ctx, { taskId: tasks[i]!.id, activityDate }, files, new Date(at));

const notes = (userId: string) =>
  db.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

describe('supervision', () => {
  it('lists the subtree’s overdue items with filters; a secretary is refused', async () => {
    const base = { status: 'overdue' as const, page: 1 };
    const all = await supervisionListFor(committee.subject, base, now);
    expect(all.tasks.some((t) => t.orgId === tree.a.id)).toBe(true);
    const onlyA = await supervisionListFor(
      committee.subject,
      { ...base, orgId: tree.a.id, periodKey: '2026-M09' },
      now,
    );
    expect(onlyA.tasks.length).toBeGreaterThan(0);
    expect(onlyA.tasks.every((t) => t.orgId === tree.a.id && t.periodKey === '2026-M09')).toBe(true);
    await expect(supervisionListFor(secA.subject, base, now)).rejects.toThrow('errors.forbidden');
  });

  it('sends a recorded 督办 notice that reaches the unit’s people, and refuses tasks of another unit', async () => {
    const r = await sendNotice(db, committee.ctx, {
      orgId: tree.a.id,
      taskIds: [tasks[0]!.id],
      message: '请本周内补齐八月党费收缴记录',
    });
    const row = await db.supervisionNotice.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ orgId: tree.a.id, sentById: committee.id, taskIds: [tasks[0]!.id] });
    expect((await notes(secA.id)).map((n) => n.kind)).toContain('SUPERVISION');
    expect((await notes(clerkB.id)).some((n) => n.kind === 'SUPERVISION')).toBe(false);
    expect(await db.auditEvent.count({ where: { entityId: r.id, action: 'reminders.supervise' } })).toBe(1);
    const bTask = await db.reminderTask.findFirstOrThrow({ where: { orgId: tree.b.id } });
    await expect(
      sendNotice(db, committee.ctx, { orgId: tree.a.id, taskIds: [bTask.id], message: '混入' }),
    ).rejects.toThrow('supervision.errors.tasksNotOfUnit');
    await expect(
      sendNotice(db, secA.ctx, { orgId: tree.a.id, taskIds: [tasks[0]!.id], message: '自己督办' }),
    ).rejects.toThrow('errors.forbidden');
  });

  it('rates a completed item, returns one for rework (open again, evidence kept), and refuses open items', async () => {
    await expect(
      rateTask(db, committee.ctx, { taskId: tasks[1]!.id, quality: 'GOOD', comment: '' }),
    ).rejects.toThrow('supervision.errors.notDone');
    await clerkACompletes(1, '2026-09-08', '2026-09-09T02:00:00Z');
    await rateTask(db, committee.ctx, { taskId: tasks[1]!.id, quality: 'EXCELLENT', comment: '记录完整' });
    expect((await db.reminderTask.findUniqueOrThrow({ where: { id: tasks[1]!.id } })).quality).toBe(
      'EXCELLENT',
    );
    await expect(
      rateTask(db, clerkB.ctx, { taskId: tasks[1]!.id, quality: 'POOR', comment: '' }),
    ).rejects.toThrow('errors.forbidden');

    await clerkACompletes(2, '2026-10-09', '2026-10-12T02:00:00Z', [
      { name: '会议记录.png', bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
    ]);
    await returnTask(db, committee.ctx, { taskId: tasks[2]!.id, reason: '会议记录缺少签到表' });
    const returned = await db.reminderTask.findUniqueOrThrow({
      where: { id: tasks[2]!.id },
      include: { evidence: true, reviews: true },
    });
    expect(returned).toMatchObject({ status: 'OPEN', returnCount: 1, completedAt: null });
    expect(returned.evidence).toHaveLength(1);
    expect(returned.reviews.map((r) => r.kind)).toEqual(['RETURN']);
    expect((await notes(clerkA.id)).find((n) => n.kind === 'RETURNED')!.params).toMatchObject({
      reason: '会议记录缺少签到表',
    });
    // The branch can complete it again.
    await clerkACompletes(2, '2026-10-09', '2026-10-13T02:00:00Z');
  });

  it('the hourly scan notifies due-soon and overdue once, however often it runs', async () => {
    await scanDueNotices(db, now);
    await scanDueNotices(db, now);
    const overdue = (await notes(secA.id)).filter(
      (n) => n.kind === 'OVERDUE' && n.dedupeKey.endsWith(tree.a.id),
    );
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.params).toMatchObject({ org: tree.a.name });
  });

  it('a person marks their own notification read; another’s is not found', async () => {
    const [n] = await notes(secA.id);
    await expect(markRead(db, clerkB.subject, n!.id)).rejects.toThrow('errors.notFound');
    expect((await db.notification.findUniqueOrThrow({ where: { id: n!.id } })).readAt).toBeNull();
    await markRead(db, secA.subject, n!.id);
    expect((await db.notification.findUniqueOrThrow({ where: { id: n!.id } })).readAt).not.toBeNull();
  });
});

describe('deliveries', () => {
  let smtp: SMTPServer;
  let http: Server;
  const mails: { to: string[]; raw: string }[] = [];
  const hits: { url: string; body: unknown }[] = [];
  let failNext = 0;
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let raw = '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        stream.on('data', (c) => (raw += c));
        stream.on('end', () => {
          mails.push({ to, raw });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    http = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        hits.push({ url: req.url!, body: JSON.parse(body) });
        res.setHeader('content-type', 'application/json');
        if (failNext > 0) {
          failNext -= 1;
          res.end(JSON.stringify({ errcode: 45009, errmsg: 'api freq out of limit' }));
        } else res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await new Promise((r) => smtp.close(() => r(null)));
    await new Promise((r) => http.close(() => r(null)));
  });

  it('a notice becomes an e-mail to the unit’s people and a robot message; a failing robot is retried, then marked failed', async () => {
    const port = (http.address() as AddressInfo).port;
    await db.user.update({ where: { id: secA.id }, data: { email: 'shuji@example.test' } });
    await db.robotHook.create({
      data: {
        orgId: tree.a.id,
        kind: 'WECOM',
        url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=test`,
      },
    });
    const open = await db.reminderTask.findFirstOrThrow({ where: { orgId: tree.a.id, status: 'OPEN' } });
    const r = await sendNotice(db, committee.ctx, {
      orgId: tree.a.id,
      taskIds: [open.id],
      message: '请尽快完成',
    });
    expect(r.deliveryIds).toHaveLength(2);
    const states = await Promise.all(r.deliveryIds.map((id) => deliverOne(db, id)));
    expect(states).toEqual(['SENT', 'SENT']);
    expect(mails.at(-1)!.to).toEqual(['shuji@example.test']);
    expect(hits.at(-1)!.url).toBe('/cgi-bin/webhook/send?key=test');
    expect(JSON.stringify(hits.at(-1)!.body)).toContain('请尽快完成');
    // Sending again does nothing: a sent delivery is never sent twice.
    expect(await deliverOne(db, r.deliveryIds[0]!)).toBe('SKIPPED');

    failNext = 100;
    const again = await sendNotice(db, committee.ctx, {
      orgId: tree.a.id,
      taskIds: [open.id],
      message: '第二次督办',
    });
    const robotId = (
      await db.delivery.findMany({ where: { id: { in: again.deliveryIds }, channel: 'ROBOT' } })
    )[0]!.id;
    for (let i = 1; i < MAX_ATTEMPTS; i += 1)
      await expect(deliverOne(db, robotId)).rejects.toThrow('api freq out of limit');
    expect(await deliverOne(db, robotId)).toBe('FAILED');
    expect(await db.delivery.findUniqueOrThrow({ where: { id: robotId } })).toMatchObject({
      status: 'FAILED',
      attempts: MAX_ATTEMPTS,
    });
    failNext = 0;
  });
});

describe('group robots and the job queue', () => {
  it('only the committee configures a unit’s robot; the secret never reaches the trace or the page', async () => {
    const { addRobot } = await import('../../lib/channels/mutations');
    const { robotsFor } = await import('../../lib/channels/queries');
    const input = {
      orgId: tree.b.id,
      kind: 'DINGTALK' as const,
      url: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef123456',
      secret: 'SECabc',
    };
    await expect(addRobot(db, secA.ctx, input)).rejects.toThrow('errors.forbidden');
    const r = await addRobot(db, committee.ctx, input);
    const trace = await db.auditEvent.findFirstOrThrow({ where: { entityId: r.id } });
    expect(JSON.stringify(trace.after)).not.toContain('SECabc');
    expect(JSON.stringify(trace.after)).not.toContain('abcdef123456');
    const shown = await robotsFor(committee.subject, tree.b, db);
    expect(shown[0]).toMatchObject({ kind: 'DINGTALK', signed: true, url: 'oapi.dingtalk.com/…3456' });
    await expect(robotsFor(secA.subject, tree.b, db)).rejects.toThrow('errors.forbidden');
  });

  it('pg-boss retries a failing delivery until the robot accepts it, without blocking the action', async () => {
    const PgBoss = (await import('pg-boss')).default;
    const { DELIVER_QUEUE, enqueueDeliveries } = await import('../../lib/channels/deliver');
    let calls = 0;
    const http = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        calls += 1;
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify(calls < 3 ? { code: 9499, msg: 'too many requests' } : { code: 0, msg: 'success' }),
        );
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: 'pgboss_test' });
    boss.on('error', () => undefined);
    await boss.start();
    try {
      await boss.createQueue(DELIVER_QUEUE);
      await boss.work<{ id: string }>(
        DELIVER_QUEUE,
        { pollingIntervalSeconds: 0.5 },
        async ([job]) => void (await deliverOne(db, job!.data.id)),
      );
      const hook = await db.robotHook.create({
        data: {
          orgId: tree.a.id,
          kind: 'FEISHU',
          url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/open-apis/bot/v2/hook/x`,
        },
      });
      const open = await db.reminderTask.findFirstOrThrow({ where: { orgId: tree.a.id, status: 'OPEN' } });
      const started = Date.now();
      const r = await sendNotice(db, committee.ctx, {
        orgId: tree.a.id,
        taskIds: [open.id],
        message: '队列重试测试',
      });
      expect(Date.now() - started).toBeLessThan(5_000); // the action returned before any sending
      const robotIds = (
        await db.delivery.findMany({ where: { id: { in: r.deliveryIds }, target: hook.id } })
      ).map((d) => d.id);
      await db.delivery.updateMany({
        where: { id: { in: r.deliveryIds }, NOT: { id: { in: robotIds } } },
        data: { status: 'SENT' },
      });
      await enqueueDeliveries(boss, robotIds, { retryLimit: 4, retryDelay: 1 });
      let row = await db.delivery.findUniqueOrThrow({ where: { id: robotIds[0]! } });
      for (let i = 0; i < 60 && row.status === 'PENDING'; i += 1) {
        await new Promise((res) => setTimeout(res, 500));
        row = await db.delivery.findUniqueOrThrow({ where: { id: robotIds[0]! } });
      }
      expect(row).toMatchObject({ status: 'SENT', attempts: 3 });
      expect(calls).toBe(3);
    } finally {
      await boss.stop({ graceful: false });
      await new Promise((res) => http.close(() => res(null)));
    }
  }, 45_000);
});
