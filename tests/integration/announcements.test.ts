import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chaseUnread, markAnnouncementRead, publishAnnouncement } from '../../lib/announcements/publish';
import { announcementDetail, announcementList, receipts } from '../../lib/announcements/read';
import { createPrismaClient } from '../../lib/db/client';
import { makeTree, makeUser } from '../fixtures/factories';

const db = createPrismaClient();
afterAll(() => db.$disconnect());
let tree: Awaited<ReturnType<typeof makeTree>>;
let u: Record<'committee' | 'secA' | 'memberA1' | 'clerkB', Awaited<ReturnType<typeof makeUser>>>;
beforeAll(async () => {
  tree = await makeTree(db);
  u = {
    committee: await makeUser(db, 'COMMITTEE', tree.root), secA: await makeUser(db, 'SECRETARY', tree.a),
    memberA1: await makeUser(db, 'MEMBER', tree.a1), clerkB: await makeUser(db, 'CLERK', tree.b),
  };
});

const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
const input = { title: '关于开展主题党日活动的通知', body: '请各党小组于本月20日前开展主题党日活动。', targetOrgIds: [] as string[] };

describe('announcements', () => {
  it('reaches exactly the chosen subtree’s people, with a notification each; nothing is written on refusal', async () => {
    const before = await db.announcement.count();
    await expect(publishAnnouncement(db, u.secA.ctx, { ...input, targetOrgIds: [tree.a.id] }, [])).rejects.toThrow('errors.forbidden');
    await expect(publishAnnouncement(db, u.committee.ctx, { ...input, targetOrgIds: [tree.a.id] }, [{ name: '通知.jpg', bytes: Buffer.from('MZ\x90\x00 fake') }])).rejects.toThrow('announcements.errors.fileType');
    expect(await db.announcement.count()).toBe(before);

    const r = await publishAnnouncement(db, u.committee.ctx, { ...input, targetOrgIds: [tree.a.id] }, [{ name: '活动方案.pdf', bytes: pdf }]);
    const recipients = (await db.announcementRecipient.findMany({ where: { announcementId: r.id } })).map((x) => x.userId).sort();
    expect(recipients).toEqual([u.secA.id, u.memberA1.id].sort());
    expect(await db.notification.count({ where: { userId: u.memberA1.id, kind: 'ANNOUNCEMENT' } })).toBe(1);
    expect(await db.announcementAttachment.count({ where: { announcementId: r.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: r.id, action: 'announcements.publish' } })).toBe(1);
  });

  it('records the first reading only; another branch can neither list nor open it', async () => {
    const [a] = (await announcementList(db, u.memberA1.subject, 1)).rows;
    const first = await markAnnouncementRead(db, u.memberA1.subject, a!.id, new Date('2026-11-20T02:00:00Z'));
    await markAnnouncementRead(db, u.memberA1.subject, a!.id, new Date('2026-11-21T02:00:00Z'));
    const row = await db.announcementRecipient.findUniqueOrThrow({ where: { announcementId_userId: { announcementId: a!.id, userId: u.memberA1.id } } });
    expect(row.readAt).toEqual(first.readAt);
    expect((await announcementList(db, u.clerkB.subject, 1)).rows).toHaveLength(0);
    await expect(announcementDetail(db, u.clerkB.subject, a!.id)).rejects.toThrow('errors.notFound');
    await expect(markAnnouncementRead(db, u.clerkB.subject, a!.id)).rejects.toThrow('errors.notFound');
  });

  it('the committee sees who has read it and chases only the unread', async () => {
    const [a] = (await announcementList(db, u.committee.subject, 1)).rows;
    const rc = await receipts(db, u.committee.subject, a!.id);
    expect({ read: rc.read, unread: rc.unread }).toEqual({ read: 1, unread: 1 });
    await expect(receipts(db, u.secA.subject, a!.id)).rejects.toThrow('errors.notFound');
    const chase = await chaseUnread(db, u.committee.ctx, a!.id);
    expect(chase).toMatchObject({ unread: 1, notified: 1 });
    expect(await db.notification.count({ where: { userId: u.secA.id, titleKey: 'notifications.titles.announcementChase' } })).toBe(1);
    expect(await db.notification.count({ where: { userId: u.memberA1.id, titleKey: 'notifications.titles.announcementChase' } })).toBe(0);
  });
});
