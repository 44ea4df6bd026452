import { beforeAll, describe, expect, it } from 'vitest';
import { chaseUnread, markAnnouncementRead, publishAnnouncement } from '../../lib/announcements/mutations';
import {
  announcementAttachmentFor,
  announcementDetailFor,
  announcementListFor,
  RECEIPT_PAGE,
  receiptsFor,
} from '../../lib/announcements/queries';
import { makeOrg, makeTree, makeUsers, uniq, type TestUser, type Tree } from '../fixtures/factories';
import { randomUUID } from 'node:crypto';
import { testDb } from '../fixtures/db';

const db = testDb();
let tree: Tree;
let u: Record<'committee' | 'secA' | 'memberA1' | 'clerkB' | 'memberB' | 'roleInA1' | 'inactiveA', TestUser>;
beforeAll(async () => {
  tree = await makeTree(db);
  u = await makeUsers(db, tree, {
    committee: ['COMMITTEE', 'root'],
    secA: ['SECRETARY', 'a'],
    memberA1: ['MEMBER', 'a1'],
    clerkB: ['CLERK', 'b'],
    memberB: [null, 'b'],
    // A member of B who also keeps A1's records: addressed through the role, not the membership.
    roleInA1: [null, 'b'],
    inactiveA: [null, 'a'],
  });
  await db.roleAssignment.create({ data: { userId: u.roleInA1.id, role: 'CLERK', orgId: tree.a1.id } });
  await db.user.update({ where: { id: u.inactiveA.id }, data: { active: false } });
});

const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
const input = {
  title: '关于开展主题党日活动的通知',
  body: '请各党小组于本月20日前开展主题党日活动。',
  targetOrgIds: [] as string[],
};
const written = async () => ({
  announcements: await db.announcement.count(),
  notifications: await db.notification.count({
    where: { kind: 'ANNOUNCEMENT', userId: { in: Object.values(u).map((x) => x.id) } },
  }),
});

describe('announcements', () => {
  it('reaches exactly the chosen subtree’s people, with a notification each; nothing is written on refusal', async () => {
    const before = await written();
    await expect(
      publishAnnouncement(db, u.secA.ctx, { ...input, targetOrgIds: [tree.a.id] }, []),
    ).rejects.toThrow('errors.forbidden');
    await expect(
      publishAnnouncement(db, u.committee.ctx, { ...input, targetOrgIds: [tree.a.id, tree.b.id] }, [
        { name: '通知.jpg', bytes: Buffer.from('MZ\x90\x00 fake') },
      ]),
    ).rejects.toThrow('announcements.errors.fileType');
    const empty = await makeOrg(db, tree.root, 'BRANCH');
    await expect(
      publishAnnouncement(db, u.committee.ctx, { ...input, targetOrgIds: [empty.id] }, []),
    ).rejects.toThrow('announcements.errors.noRecipients');
    expect(await written()).toEqual(before);

    const r = await publishAnnouncement(db, u.committee.ctx, { ...input, targetOrgIds: [tree.a.id] }, [
      { name: '活动方案.pdf', bytes: pdf },
    ]);
    const recipients = await db.announcementRecipient.findMany({ where: { announcementId: r.id } });
    expect(recipients.map((x) => x.userId).sort()).toEqual([u.secA.id, u.memberA1.id, u.roleInA1.id].sort());
    expect(recipients.find((x) => x.userId === u.roleInA1.id)?.orgId).toBe(tree.a1.id);
    expect(r.recipients).toBe(3);
    for (const x of [u.secA, u.memberA1, u.roleInA1])
      expect(
        await db.notification.count({
          where: { userId: x.id, kind: 'ANNOUNCEMENT', link: `/announcements/${r.id}` },
        }),
      ).toBe(1);
    expect(
      await db.notification.count({
        where: { userId: { in: [u.clerkB.id, u.memberB.id, u.inactiveA.id, u.committee.id] } },
      }),
    ).toBe(0);
    expect(await db.announcementAttachment.count({ where: { announcementId: r.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: r.id, action: 'announcements.publish' } })).toBe(1);
  });

  it('records the first reading only; another branch can neither list nor open it nor fetch its attachment', async () => {
    const [a] = (await announcementListFor(u.memberA1.subject, 1)).rows;
    expect(a!.recipients[0]!.readAt).toBeNull();
    const first = await markAnnouncementRead(db, u.memberA1.subject, a!.id, new Date('2026-11-20T02:00:00Z'));
    await markAnnouncementRead(db, u.memberA1.subject, a!.id, new Date('2026-11-21T02:00:00Z'));
    const row = await db.announcementRecipient.findUniqueOrThrow({
      where: { announcementId_userId: { announcementId: a!.id, userId: u.memberA1.id } },
    });
    expect(row.readAt).toEqual(new Date('2026-11-20T02:00:00Z'));
    expect(first.readAt).toEqual(row.readAt);
    // The receipt is traced once, as its reader's.
    const traced = await db.auditEvent.findMany({ where: { action: 'announcements.read', entityId: a!.id } });
    expect(traced.map((e) => e.actorId)).toEqual([u.memberA1.id]);
    // Reading it also clears its bell notification.
    expect(
      await db.notification.count({
        where: { userId: u.memberA1.id, dedupeKey: `announcement:${a!.id}`, readAt: null },
      }),
    ).toBe(0);

    const file = await db.announcementAttachment.findFirstOrThrow({ where: { announcementId: a!.id } });
    expect((await announcementAttachmentFor(u.memberA1.subject, file.id)).fileName).toBe('活动方案.pdf');
    expect((await announcementAttachmentFor(u.committee.subject, file.id)).fileName).toBe('活动方案.pdf');
    for (const other of [u.clerkB, u.memberB]) {
      expect((await announcementListFor(other.subject, 1)).rows).toHaveLength(0);
      await expect(announcementDetailFor(other.subject, a!.id)).rejects.toThrow('errors.notFound');
      await expect(markAnnouncementRead(db, other.subject, a!.id)).rejects.toThrow('errors.notFound');
      await expect(announcementAttachmentFor(other.subject, file.id)).rejects.toThrow('errors.notFound');
    }
  });

  it('the committee sees who has read it and chases only the unread, once a day', async () => {
    const [a] = (await announcementListFor(u.committee.subject, 1)).rows;
    expect((await announcementDetailFor(u.committee.subject, a!.id)).manager).toBe(true);
    const rc = await receiptsFor(u.committee.subject, a!.id);
    expect({ read: rc.read, unread: rc.unread }).toEqual({ read: 1, unread: 2 });
    expect(rc.rows.find((x) => x.readAt)?.user.name).toBe(u.memberA1.name);
    await expect(receiptsFor(u.secA.subject, a!.id)).rejects.toThrow('errors.notFound');
    await expect(chaseUnread(db, u.secA.ctx, a!.id)).rejects.toThrow('errors.forbidden');

    const at = new Date('2026-11-22T02:00:00Z');
    expect(await chaseUnread(db, u.committee.ctx, a!.id, at)).toMatchObject({ unread: 2, notified: 2 });
    const chaseKey = 'notifications.titles.announcementChase';
    for (const x of [u.secA, u.roleInA1])
      expect(await db.notification.count({ where: { userId: x.id, titleKey: chaseKey } })).toBe(1);
    expect(await db.notification.count({ where: { userId: u.memberA1.id, titleKey: chaseKey } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: a!.id, action: 'announcements.chase' } })).toBe(1);

    // Chasing again the same day (CST) reminds nobody and keeps the recorded time.
    expect(await chaseUnread(db, u.committee.ctx, a!.id, new Date('2026-11-22T09:00:00Z'))).toMatchObject({
      unread: 2,
      notified: 0,
    });
    const chased = await db.announcementRecipient.findMany({
      where: { announcementId: a!.id, readAt: null },
    });
    expect(chased.map((x) => x.chasedAt)).toEqual([at, at]);
    expect(
      (
        await db.announcementRecipient.findUniqueOrThrow({
          where: { announcementId_userId: { announcementId: a!.id, userId: u.memberA1.id } },
        })
      ).chasedAt,
    ).toBeNull();
  });
});

describe('receipts of a large notice', () => {
  it('come a page of RECEIPT_PAGE at a time, the unread first, with the counts of the whole', async () => {
    const a = await db.announcement.create({
      data: {
        title: '关于做好年末安全生产工作的通知',
        body: '请各单位组织全体党员开展隐患排查。',
        targetOrgIds: [tree.root.id],
        authorId: u.committee.id,
        orgPath: tree.root.path,
      },
    });
    // 120 readers in the unit, 7 of whom have read it.
    const people = Array.from({ length: 120 }, (_, i) => ({
      id: randomUUID(),
      username: uniq(`rc${i}`).slice(0, 60),
      name: `收件人${String(i).padStart(3, '0')}`,
      passwordHash: 'x',
      orgId: tree.a1.id,
    }));
    await db.user.createMany({ data: people });
    await db.announcementRecipient.createMany({
      data: people.map((p, i) => ({
        announcementId: a.id,
        userId: p.id,
        orgId: tree.a1.id,
        readAt: i < 7 ? new Date('2026-11-20T02:00:00Z') : null,
      })),
    });
    const first = await receiptsFor(u.committee.subject, a.id, 1);
    expect(first).toMatchObject({ read: 7, unread: 113, page: 1, pages: Math.ceil(120 / RECEIPT_PAGE) });
    expect(first.rows).toHaveLength(RECEIPT_PAGE);
    expect(first.rows.every((r) => r.readAt === null)).toBe(true);
    const last = await receiptsFor(u.committee.subject, a.id, first.pages);
    expect(last.rows).toHaveLength(120 - RECEIPT_PAGE * (first.pages - 1));
    expect(last.rows.filter((r) => r.readAt)).toHaveLength(7);
    await expect(receiptsFor(u.secA.subject, a.id, 1)).rejects.toThrow('errors.notFound');
  });
});
