import { beforeAll, describe, expect, it } from 'vitest';
import { nameDemoSite, recordVisit } from '../../lib/learning/mutations/sites';
import { makePublishedHandbook, type TestHandbook } from '../fixtures/handbook';
import { makeOrg, makeUser, companyRootFor, type TestUser } from '../fixtures/factories';
import { siteListFor } from '../../lib/learning/queries';
import { visitPhotoFor } from '../../lib/learning/queries';
import { testDb } from '../fixtures/db';

const db = testDb();
let hb: TestHandbook;
let site: Awaited<ReturnType<typeof makeOrg>>;
let visitor: Awaited<ReturnType<typeof makeOrg>>;
let who: Record<'committee' | 'secretary', TestUser>;

beforeAll(async () => {
  const rootRef = await companyRootFor(db);
  site = await makeOrg(db, rootRef, 'BRANCH');
  visitor = await makeOrg(db, rootRef, 'BRANCH');
  who = {
    committee: await makeUser(db, 'COMMITTEE', rootRef),
    secretary: await makeUser(db, 'SECRETARY', site),
  };
  hb = await makePublishedHandbook(db, `示范点测试${Date.now() % 10000}`);
});

describe('demonstration sites and visits', () => {
  it('the committee names a site for a period and records a visit with a photo; a secretary may not', async () => {
    const input = {
      orgId: site.id,
      fromDate: '2026-01-01',
      toDate: '2026-12-31',
      articleIds: [hb.articles[0]!.id],
      description: '“三会一课”标准化示范',
    };
    await expect(nameDemoSite(db, who.secretary.ctx, input)).rejects.toThrow('errors.forbidden');
    const s = await nameDemoSite(db, who.committee.ctx, input);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await expect(
      recordVisit(
        db,
        who.committee.ctx,
        { siteId: s.id, date: '2026-06-18', visitingOrgIds: [visitor.id], notes: '观摩会议记录和台账' },
        [{ name: 'x.jpg', bytes: Buffer.from('MZ fake') }],
      ),
    ).rejects.toThrow('announcements.errors.fileType');
    await recordVisit(
      db,
      who.committee.ctx,
      { siteId: s.id, date: '2026-06-18', visitingOrgIds: [visitor.id], notes: '观摩会议记录和台账' },
      [{ name: '现场.png', bytes: png }],
    );
    const listed = (await siteListFor(who.secretary.subject)).find((x) => x.id === s.id)!;
    expect(listed.articles.map((a) => a.key)).toEqual([hb.articles[0]!.key]);
    expect(listed.visits).toHaveLength(1);
    expect(listed.visits[0]).toMatchObject({ visitors: [visitor.name], photoNames: ['现场.png'] });
  });
});

describe('reading sites and photos', () => {
  it('needs learning.read: an auditor by role alone is refused; a photo comes by its index only', async () => {
    const auditor = await makeUser(db, 'AUDITOR', site);
    await expect(siteListFor(auditor.subject)).rejects.toThrow('errors.forbidden');
    const v = await db.siteVisit.findFirstOrThrow({ where: { site: { orgId: site.id } } });
    expect(await visitPhotoFor(who.secretary.subject, v.id, 0)).toMatchObject({
      fileName: '现场.png',
      mimeType: 'image/png',
    });
    await expect(visitPhotoFor(who.secretary.subject, v.id, 1)).rejects.toThrow('errors.notFound');
    await expect(visitPhotoFor(auditor.subject, v.id, 0)).rejects.toThrow('errors.forbidden');
  });
});
