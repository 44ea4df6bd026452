/**
 * Company sign-in (issue 18): the linking rule (lib/auth/company/link.ts) on a real PostgreSQL, and each provider's
 * client (WeCom, DingTalk, Feishu) against its local fake speaking the documented protocol, error codes included.
 * The browser flows through next-auth's OIDC and the /api/sso routes are in tests/nodes/workplace-sign-in.spec.ts.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../fixtures/db';
import { makeTree, makeUser, uniq, type Tree } from '../fixtures/factories';
import { fakeDingtalk, fakeFeishu, fakeWecom, type FakeIdp } from '../fixtures/company-idp';
import type { CompanyPolicy, DingtalkConfig, FeishuConfig, WecomConfig } from '../../lib/auth/company/config';
import { companySignIn, type CompanyIdentity } from '../../lib/auth/company/link';
import { wecomAuthorizeUrl, wecomIdentify } from '../../lib/auth/company/wecom';
import { dingtalkAuthorizeUrl, dingtalkIdentify } from '../../lib/auth/company/dingtalk';
import { feishuAuthorizeUrl, feishuIdentify } from '../../lib/auth/company/feishu';
import { CompanyError } from '../../lib/auth/company/http';
import { ownIdentities, unlinkIdentity, unlinkOwnIdentity } from '../../lib/account/identities';
import { ForbiddenError, NotFoundError } from '../../lib/errors';
import { clearHold, holdChangedFields, identitiesOf } from '../../lib/auth/company/holds';
import { updatePerson } from '../../lib/people/mutations/person';
import { ZUpdatePerson } from '../../lib/people/schema';
import { updateUser } from '../../lib/users/mutations';
import { ZUpdateUser } from '../../lib/users/schema';
import { notify } from '../../lib/channels/notify';
import { deliverOne } from '../../lib/channels/deliver';
import { ownChannels, setNotifyPrefs, ZNotifyPrefs } from '../../lib/channels/preferences';

const db = testDb();
const meta = { ip: '192.0.2.77', userAgent: 'vitest wxwork' };
const provider: CompanyPolicy = { secondFactor: 'provider', requestOnNoMatch: false };
let tree: Tree;

beforeAll(async () => {
  tree = await makeTree(db);
});

/** A person on the roster with an account: 工号, phone, the account's e-mail. */
async function personWithAccount(
  role: string | null = 'SECRETARY',
  opts: { phone?: string; email?: string } = {},
) {
  const u = await makeUser(db, role, tree.a);
  const employeeNo = uniq('E').slice(0, 30);
  await db.user.update({
    where: { id: u.id },
    data: { email: opts.email ?? null, phone: opts.phone ?? null },
  });
  await db.person.create({
    data: { employeeNo, name: u.name, orgId: tree.a.id, userId: u.id, phone: opts.phone ?? null },
  });
  return { ...u, employeeNo };
}

const identity = (o: Partial<CompanyIdentity> & { value: string }): CompanyIdentity => ({
  provider: 'wecom',
  subject: uniq('wx'),
  label: '企业微信成员',
  field: 'employeeNo',
  ...o,
});

const events = (userId: string, action: string) =>
  db.auditEvent.findMany({ where: { actorId: userId, action } });
const refusals = (subject: string) =>
  db.securityEvent.findMany({
    where: { kind: 'sso.failed', detail: { path: ['subject'], equals: subject } },
  });

describe('linking, not guessing', () => {
  it('finds the person by 工号 once, links the identity, and then knows it by the provider id', async () => {
    const p = await personWithAccount();
    const id = identity({ value: p.employeeNo });
    const first = await companySignIn(db, id, meta, provider);
    expect(first).toMatchObject({ ok: true, user: { id: p.id }, factorOwed: null });
    const link = await db.externalIdentity.findUnique({
      where: { provider_subject: { provider: 'wecom', subject: id.subject } },
    });
    expect(link).toMatchObject({ userId: p.id, label: '企业微信成员' });
    expect(await events(p.id, 'auth.identity.link')).toHaveLength(1);
    // The owner is told of the new link, with where to undo it.
    const told = await db.notification.findMany({
      where: { userId: p.id, titleKey: 'notifications.titles.identityLinked' },
    });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: 'SECURITY',
      link: '/account/security',
      params: { provider: 'wecom' },
    });
    const login = await events(p.id, 'auth.login');
    expect(login[0]?.after).toMatchObject({ via: 'wecom', session: first.ok ? first.sessionId : '' });
    expect(login[0]).toMatchObject({ ip: '192.0.2.77' });
    // The 工号 changes on the roster: the link, not the field, decides from now on.
    await db.person.updateMany({ where: { userId: p.id }, data: { employeeNo: uniq('E2').slice(0, 30) } });
    const again = await companySignIn(db, id, meta, provider);
    expect(again).toMatchObject({ ok: true, user: { id: p.id } });
    expect(await events(p.id, 'auth.identity.link')).toHaveLength(1);
    const session = await db.userSession.findUnique({ where: { id: again.ok ? again.sessionId : '' } });
    expect(session).toMatchObject({ userId: p.id, endedAt: null, ip: '192.0.2.77' });
  });

  it('matches by phone (as people type it, +86 and dashes) and by e-mail in any case', async () => {
    const phone = `139${String(Date.now()).slice(-8)}`;
    const p = await personWithAccount(null, { phone });
    const r = await companySignIn(
      db,
      identity({ field: 'phone', value: `+86 ${phone.slice(0, 3)}-${phone.slice(3)}` }),
      meta,
      provider,
    );
    expect(r).toMatchObject({ ok: true, user: { id: p.id } });
    const email = `${uniq('m')}@zhongjian-sanju.cn`;
    const q = await personWithAccount(null, { email });
    const s = await companySignIn(
      db,
      identity({ provider: 'oidc', field: 'email', value: email.toUpperCase() }),
      meta,
      provider,
    );
    expect(s).toMatchObject({ ok: true, user: { id: q.id } });
  });

  it('no match: a refusal with a security event, no account, no session; by setting the administrators are asked', async () => {
    const before = await db.user.count();
    const sessions = await db.userSession.count();
    const id = identity({ value: 'NO-SUCH-工号' });
    expect(await companySignIn(db, id, meta, provider)).toEqual({ ok: false, reason: 'no-match' });
    expect(await refusals(id.subject)).toHaveLength(1);
    expect(await db.user.count()).toBe(before);
    expect(await db.userSession.count()).toBe(sessions);
    expect(await db.notification.count({ where: { dedupeKey: `sso:wecom:${id.subject}` } })).toBe(0);

    const admin = await makeUser(db, 'ADMIN', tree.root);
    const asked = identity({ value: 'ANOTHER-工号', label: '王建军' });
    const policy = { ...provider, requestOnNoMatch: true };
    expect(await companySignIn(db, asked, meta, policy)).toEqual({ ok: false, reason: 'no-match' });
    expect(await companySignIn(db, asked, meta, policy)).toEqual({ ok: false, reason: 'no-match' });
    const notes = await db.notification.findMany({
      where: { userId: admin.id, dedupeKey: `sso:wecom:${asked.subject}` },
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'SECURITY', params: { label: '王建军', value: 'ANOTHER-工号' } });
    expect(await db.user.count()).toBe(before + 1);
  });

  it('a value that maps to two people is refused, never guessed', async () => {
    const phone = `137${String(Date.now()).slice(-8)}`;
    await personWithAccount(null, { phone });
    const b = await makeUser(db, null, tree.b);
    await db.user.update({ where: { id: b.id }, data: { phone } });
    const id = identity({ field: 'phone', value: phone });
    expect(await companySignIn(db, id, meta, provider)).toEqual({ ok: false, reason: 'ambiguous' });
    expect((await refusals(id.subject))[0]?.detail).toMatchObject({ reason: 'ambiguous', accounts: 2 });
    expect(await db.externalIdentity.count({ where: { subject: id.subject } })).toBe(0);
  });

  it('a disabled account, or one the provider reports disabled, gets no session', async () => {
    const p = await personWithAccount();
    await db.user.update({ where: { id: p.id }, data: { active: false } });
    const id = identity({ value: p.employeeNo });
    expect(await companySignIn(db, id, meta, provider)).toEqual({ ok: false, reason: 'inactive' });
    const q = await personWithAccount();
    const gone = identity({ value: q.employeeNo, active: false });
    expect(await companySignIn(db, gone, meta, provider)).toEqual({ ok: false, reason: 'inactive' });
    expect(await db.userSession.count({ where: { userId: { in: [p.id, q.id] } } })).toBe(0);
    const ev = await db.securityEvent.findMany({
      where: { userId: { in: [p.id, q.id] }, kind: 'sso.failed' },
    });
    expect(ev.map((e) => (e.detail as { by: string }).by).sort()).toEqual(['portal', 'provider']);
  });

  it('second factor: the company sign-in counts for a secretary, not for an administrator; "always" owes it like a password', async () => {
    const sec = await personWithAccount('SECRETARY');
    const admin = await personWithAccount('ADMIN');
    const s = await companySignIn(db, identity({ value: sec.employeeNo }), meta, provider);
    const a = await companySignIn(db, identity({ value: admin.employeeNo }), meta, provider);
    expect(s).toMatchObject({ ok: true, factorOwed: null });
    // An administrator without a factor must set one up, as after a password.
    expect(a).toMatchObject({ ok: true, factorOwed: 'enrol' });
    // So must a role the factor setting names (the committee, by default): the provider alone does not open it.
    const committee = await personWithAccount('COMMITTEE');
    expect(await companySignIn(db, identity({ value: committee.employeeNo }), meta, provider)).toMatchObject({
      ok: true,
      factorOwed: 'enrol',
    });
    const always = await companySignIn(db, identity({ value: sec.employeeNo }), meta, {
      ...provider,
      secondFactor: 'always',
    });
    // A secretary's role needs no factor by the default setting: nothing owed either way.
    expect(always).toMatchObject({ ok: true, factorOwed: null });
    await db.totpFactor.create({ data: { userId: sec.id, secret: 'sealed', confirmedAt: new Date() } });
    const withTotp = await companySignIn(db, identity({ value: sec.employeeNo }), meta, {
      ...provider,
      secondFactor: 'always',
    });
    expect(withTotp).toMatchObject({ ok: true, factorOwed: 'verify' });
    expect(await companySignIn(db, identity({ value: sec.employeeNo }), meta, provider)).toMatchObject({
      factorOwed: null,
    });
  });

  it('the owner sees and unlinks an identity (traced); another person cannot', async () => {
    const p = await personWithAccount();
    const id = identity({ provider: 'feishu', value: p.employeeNo });
    await companySignIn(db, id, meta, provider);
    const mine = await ownIdentities(db, p.subject);
    expect(mine).toHaveLength(1);
    const other = await makeUser(db, 'ADMIN', tree.root);
    await expect(unlinkOwnIdentity(db, other.ctx, { id: mine[0]!.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await ownIdentities(db, other.subject)).toHaveLength(0);
    await unlinkOwnIdentity(db, p.ctx, { id: mine[0]!.id });
    expect(await ownIdentities(db, p.subject)).toHaveLength(0);
    const ev = await db.auditEvent.findFirst({ where: { action: 'auth.identity.unlink', entityId: p.id } });
    expect(ev?.before).toMatchObject({ provider: 'feishu', subject: id.subject });
  });
});

describe('holds on a first link (another person changed the field, or the owner unlinked)', () => {
  it('an unlink holds that identity: the next sign-in is refused and the 安全管理员 told; a secretary cannot clear it, the 安全管理员 can', async () => {
    const guard = await makeUser(db, 'SECURITY_ADMIN', tree.root);
    const p = await personWithAccount();
    const id = identity({ provider: 'dingtalk', value: p.employeeNo });
    expect(await companySignIn(db, id, meta, provider)).toMatchObject({ ok: true });
    const [link] = await ownIdentities(db, p.subject);
    await unlinkOwnIdentity(db, p.ctx, { id: link!.id });
    const sessions = await db.userSession.count({ where: { userId: p.id } });
    expect(await companySignIn(db, id, meta, provider)).toEqual({ ok: false, reason: 'held' });
    expect(await db.userSession.count({ where: { userId: p.id } })).toBe(sessions);
    expect(await ownIdentities(db, p.subject)).toHaveLength(0);
    expect((await refusals(id.subject)).map((e) => e.detail)).toContainEqual(
      expect.objectContaining({ reason: 'held', hold: 'unlinked' }),
    );
    const told = await db.notification.findMany({
      where: { userId: guard.id, titleKey: 'notifications.titles.identityHeld' },
    });
    expect(told).toHaveLength(1);
    expect(told[0]!.link).toBe(`/admin/users/${p.id}`);
    // A second try does not tell them twice.
    await companySignIn(db, id, meta, provider);
    expect(
      await db.notification.count({
        where: { userId: guard.id, titleKey: 'notifications.titles.identityHeld' },
      }),
    ).toBe(1);
    // Another identity of the same person (a different provider) is not held by this unlink.
    const other = identity({ provider: 'feishu', value: p.employeeNo });
    expect(await companySignIn(db, other, meta, provider)).toMatchObject({ ok: true, user: { id: p.id } });

    const view = await identitiesOf(db, guard.subject, p.id);
    expect(view?.holds).toHaveLength(1);
    expect(await identitiesOf(db, p.subject, p.id)).toBeNull();
    const hold = view!.holds[0]!;
    const secretary = await makeUser(db, 'SECRETARY', tree.a);
    await expect(clearHold(db, secretary.ctx, { id: hold.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.identityHold.findUnique({ where: { id: hold.id } })).toMatchObject({ clearedAt: null });
    await clearHold(db, guard.ctx, { id: hold.id });
    expect(await db.auditEvent.count({ where: { action: 'auth.identity.holdClear', entityId: p.id } })).toBe(
      1,
    );
    expect(await companySignIn(db, id, meta, provider)).toMatchObject({ ok: true, user: { id: p.id } });
  });

  it("only the 安全管理员 unlinks another person's identity; the refused call changes nothing", async () => {
    const guard = await makeUser(db, 'SECURITY_ADMIN', tree.root);
    const admin = await makeUser(db, 'ADMIN', tree.root);
    const p = await personWithAccount();
    expect(await companySignIn(db, identity({ value: p.employeeNo }), meta, provider)).toMatchObject({
      ok: true,
    });
    const [link] = await ownIdentities(db, p.subject);
    await expect(unlinkIdentity(db, admin.ctx, { id: link!.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await ownIdentities(db, p.subject)).toHaveLength(1);
    expect(await db.identityHold.count({ where: { userId: p.id } })).toBe(0);
    await unlinkIdentity(db, guard.ctx, { id: link!.id });
    expect(await ownIdentities(db, p.subject)).toHaveLength(0);
    expect(
      await db.identityHold.count({ where: { userId: p.id, reason: 'unlinked', clearedAt: null } }),
    ).toBe(1);
    // Unlinked already: a second call finds nothing.
    await expect(unlinkIdentity(db, guard.ctx, { id: link!.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a 工号 or phone changed by someone else holds a first link by that field; the owner's own change and an existing link do not", async () => {
    const committee = await makeUser(db, 'COMMITTEE', tree.root);
    const p = await personWithAccount(null);
    const row = await db.person.findFirstOrThrow({ where: { userId: p.id } });
    // Already linked through WeCom before the change: that link keeps working.
    const wx = identity({ value: p.employeeNo });
    expect(await companySignIn(db, wx, meta, provider)).toMatchObject({ ok: true });
    const newNo = uniq('E9').slice(0, 30);
    const phone = `137${String(Date.now()).slice(-8)}`;
    await updatePerson(
      db,
      committee.ctx,
      ZUpdatePerson.parse({
        id: row.id,
        employeeNo: newNo,
        name: row.name,
        status: 'FULL',
        admittedOn: '2015-04-20',
        fullOn: '2016-04-22',
        phone,
        orgId: tree.a.id,
      }),
    );
    const holds = await db.identityHold.findMany({ where: { userId: p.id, clearedAt: null } });
    expect(holds.map((h) => h.field).sort()).toEqual(['employeeNo', 'phone']);
    expect(await companySignIn(db, wx, meta, provider)).toMatchObject({ ok: true, user: { id: p.id } });
    // A new identity claiming the new 工号 or phone is held, not linked.
    const taker = identity({ provider: 'dingtalk', value: newNo });
    expect(await companySignIn(db, taker, meta, provider)).toEqual({ ok: false, reason: 'held' });
    const byPhone = identity({ provider: 'feishu', field: 'phone', value: phone });
    expect(await companySignIn(db, byPhone, meta, provider)).toEqual({ ok: false, reason: 'held' });
    expect(await db.externalIdentity.count({ where: { userId: p.id } })).toBe(1);
    // The owner's own e-mail change holds nothing; an administrator's does.
    await db.$transaction((tx) =>
      holdChangedFields(tx, p.ctx.actor, p.id, { email: null }, { email: 'me@zhongjian-sanju.cn' }),
    );
    expect(await db.identityHold.count({ where: { userId: p.id, field: 'email' } })).toBe(0);
    const admin = await makeUser(db, 'ADMIN', tree.root);
    const u = await db.user.findUniqueOrThrow({ where: { id: p.id } });
    await updateUser(
      db,
      admin.ctx,
      ZUpdateUser.parse({
        id: p.id,
        name: u.name,
        phone: u.phone ?? '',
        email: `${uniq('n')}@zhongjian-sanju.cn`,
        orgId: u.orgId ?? '',
      }),
    );
    expect(await db.identityHold.count({ where: { userId: p.id, field: 'email' } })).toBe(1);
    const trace = await db.auditEvent.findMany({ where: { action: 'auth.identity.hold', entityId: p.id } });
    expect(trace).toHaveLength(2);
    // A 安全管理员 whose own change made a hold (e.g. another administrator's phone) cannot clear it; another can.
    const guard = await makeUser(db, 'SECURITY_ADMIN', tree.root);
    const other = await makeUser(db, 'SECURITY_ADMIN', tree.root);
    const v = await db.user.findUniqueOrThrow({ where: { id: p.id } });
    await db.identityHold.updateMany({
      where: { userId: p.id, field: 'phone' },
      data: { clearedAt: new Date() },
    });
    await db.$transaction((tx) =>
      holdChangedFields(
        tx,
        guard.ctx.actor,
        p.id,
        { phone: v.phone },
        { phone: `135${String(Date.now()).slice(-8)}` },
      ),
    );
    const own = await db.identityHold.findFirstOrThrow({
      where: { userId: p.id, field: 'phone', clearedAt: null },
    });
    expect(own.createdById).toBe(guard.id);
    await expect(clearHold(db, guard.ctx, { id: own.id })).rejects.toMatchObject({
      key: 'users.errors.notOwnHold',
    });
    await clearHold(db, other.ctx, { id: own.id });
    // Cleared once: a second clear finds nothing open.
    await expect(clearHold(db, other.ctx, { id: own.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count({ where: { action: 'auth.identity.holdClear', entityId: p.id } })).toBe(
      1,
    );
  });
});

/** What a browser does on the provider's page: follow it to the redirect and read the code. */
async function visit(url: string) {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

describe('企业微信 against its local fake', () => {
  let fake: FakeIdp & { expireTokens: () => void };
  let cfg: WecomConfig;
  const app = { corpId: `ww${randomBytes(4).toString('hex')}`, secret: 's3cret', agentId: '1000002' };
  beforeAll(async () => {
    fake = await fakeWecom(app);
    cfg = {
      ...app,
      field: 'employeeNo',
      apiBase: fake.url,
      qrBase: fake.url,
      oauthBase: fake.url,
    };
    fake.members.set('ZJ3-0101', { id: 'ZJ3-0101', name: '李建国', mobile: '13900020001' });
    fake.members.set('ZJ3-0102', { id: 'ZJ3-0102', name: '张卫东', status: 2 });
    fake.members.set('ZJ3-0103', { id: 'ZJ3-0103', name: '刘洋', hidden: true });
  });
  afterAll(() => fake.close());

  const codeFor = async (member: string, inApp = false) => {
    fake.signingIn = member;
    const back = await visit(wecomAuthorizeUrl(cfg, { state: 'st', redirectUri: 'http://portal/cb', inApp }));
    expect(back.searchParams.get('state')).toBe('st');
    return back.searchParams.get('code')!;
  };

  it('QR and in-client codes give the member, with name, status and the matched value', async () => {
    expect(await wecomIdentify(cfg, await codeFor('ZJ3-0101'))).toEqual({
      provider: 'wecom',
      subject: 'ZJ3-0101',
      label: '李建国',
      value: 'ZJ3-0101',
      field: 'employeeNo',
      active: true,
      messageTo: 'ZJ3-0101',
    });
    const byPhone = await wecomIdentify({ ...cfg, field: 'phone' }, await codeFor('ZJ3-0101', true));
    expect(byPhone.value).toBe('13900020001');
    expect(wecomAuthorizeUrl(cfg, { state: 's', redirectUri: 'http://p/cb', inApp: true })).toMatch(
      /\/connect\/oauth2\/authorize\?.*scope=snsapi_base.*#wechat_redirect$/,
    );
  });

  it('a code used twice is refused by WeCom (40029); a disabled member is reported inactive', async () => {
    const code = await codeFor('ZJ3-0101');
    await wecomIdentify(cfg, code);
    const again = await wecomIdentify(cfg, code).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(CompanyError);
    expect(again).toMatchObject({ reason: 'provider', detail: { errcode: 40029 } });
    expect(await wecomIdentify(cfg, await codeFor('ZJ3-0102'))).toMatchObject({ active: false });
  });

  it('a member outside the app\'s visible range (60011) is "not-visible"; an invalid secret (40001) is the provider\'s refusal', async () => {
    await expect(wecomIdentify(cfg, await codeFor('ZJ3-0103'))).rejects.toMatchObject({
      reason: 'not-visible',
      detail: { errcode: 60011 },
    });
    const wrong = { ...cfg, corpId: cfg.corpId, secret: 'wrong', agentId: '1000099' };
    await expect(wecomIdentify(wrong, 'x')).rejects.toMatchObject({
      reason: 'provider',
      detail: { step: 'gettoken', errcode: 40001 },
    });
  });

  it('an expired app token (42001) is fetched again once; a WeCom that is down is "unavailable"', async () => {
    await wecomIdentify(cfg, await codeFor('ZJ3-0101'));
    fake.expireTokens();
    expect(await wecomIdentify(cfg, await codeFor('ZJ3-0101'))).toMatchObject({ subject: 'ZJ3-0101' });
    const code = await codeFor('ZJ3-0101');
    fake.down = true;
    await expect(wecomIdentify(cfg, code)).rejects.toMatchObject({ reason: 'unavailable' });
    fake.down = false;
  });
});

describe('钉钉 against its local fake', () => {
  let fake: FakeIdp;
  let cfg: DingtalkConfig;
  const app = { clientId: `ding${randomBytes(4).toString('hex')}`, clientSecret: 'd-secret' };
  beforeAll(async () => {
    fake = await fakeDingtalk(app);
    cfg = {
      ...app,
      agentId: '3001',
      field: 'employeeNo',
      loginBase: fake.url,
      apiBase: fake.url,
      oapiBase: fake.url,
    };
    fake.members.set('dt01', { id: 'dt01', name: '陈思远', employeeNo: 'ZJ3-0201', mobile: '13900020002' });
    fake.members.set('dt02', { id: 'dt02', name: '外单位', hidden: true });
  });
  afterAll(() => fake.close());

  const codeFor = async (member: string | null) => {
    fake.signingIn = member;
    const back = await visit(dingtalkAuthorizeUrl(cfg, { state: 'st', redirectUri: 'http://portal/cb' }));
    return back.searchParams.get('authCode');
  };

  it('the code gives the unionId and, through the directory, the 工号', async () => {
    expect(await dingtalkIdentify(cfg, (await codeFor('dt01'))!)).toEqual({
      provider: 'dingtalk',
      subject: 'union-dt01',
      label: '陈思远',
      value: 'ZJ3-0201',
      field: 'employeeNo',
      active: true,
      messageTo: 'dt01',
    });
  });

  it('used code, not a member of the company (60121), declined', async () => {
    const code = (await codeFor('dt01'))!;
    await dingtalkIdentify(cfg, code);
    await expect(dingtalkIdentify(cfg, code)).rejects.toMatchObject({
      reason: 'provider',
      detail: { status: 400, code: 'invalidParameter.authCode.notFound' },
    });
    await expect(dingtalkIdentify(cfg, (await codeFor('dt02'))!)).rejects.toMatchObject({
      reason: 'not-visible',
    });
    expect(await codeFor(null)).toBeNull();
  });
});

describe('飞书 against its local fake', () => {
  let fake: FakeIdp;
  let cfg: FeishuConfig;
  const app = { appId: `cli_${randomBytes(4).toString('hex')}`, appSecret: 'f-secret' };
  beforeAll(async () => {
    fake = await fakeFeishu(app);
    cfg = { ...app, field: 'phone', base: fake.url, accountsBase: fake.url };
    fake.members.set('fs01', { id: 'fs01', name: '周敏', employeeNo: 'ZJ3-0301', mobile: '13900020003' });
    fake.members.set('fs02', { id: 'fs02', name: '无权限', hidden: true });
  });
  afterAll(() => fake.close());

  const codeFor = async (member: string) => {
    fake.signingIn = member;
    const back = await visit(feishuAuthorizeUrl(cfg, { state: 'st', redirectUri: 'http://portal/cb' }));
    return back.searchParams.get('code')!;
  };

  it('the code gives user_id and the mobile (+86 as Feishu writes it, matched without it)', async () => {
    const id = await feishuIdentify(cfg, await codeFor('fs01'), 'http://portal/cb');
    expect(id).toEqual({
      provider: 'feishu',
      subject: 'fs01',
      label: '周敏',
      value: '+8613900020003',
      field: 'phone',
      messageTo: 'fs01',
    });
  });

  it('a used code (20003) and a person without the app (20010) are refused', async () => {
    const code = await codeFor('fs01');
    await feishuIdentify(cfg, code, 'http://portal/cb');
    await expect(feishuIdentify(cfg, code, 'http://portal/cb')).rejects.toMatchObject({
      reason: 'provider',
      detail: { code: 20003 },
    });
    await expect(feishuIdentify(cfg, await codeFor('fs02'), 'http://portal/cb')).rejects.toMatchObject({
      reason: 'not-visible',
    });
  });
});

describe('task cards through the outbox', () => {
  let fake: FakeIdp & { expireTokens: () => void };
  const app = { corpId: `ww${randomBytes(4).toString('hex')}`, secret: 'card-secret', agentId: '1000003' };
  const saved = { ...process.env };
  beforeAll(async () => {
    fake = await fakeWecom(app);
    Object.assign(process.env, {
      WECOM_CORP_ID: app.corpId,
      WECOM_AGENT_ID: app.agentId,
      WECOM_SECRET: app.secret,
      WECOM_API_BASE: fake.url,
      PUBLIC_URL: 'https://djbz.sanju.example',
    });
  });
  afterAll(async () => {
    for (const k of ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_API_BASE', 'PUBLIC_URL'])
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    await fake.close();
  });

  it('a notification becomes a WeCom card for a linked person, unless they turned that kind off; the card opens the page', async () => {
    const p = await personWithAccount();
    fake.members.set(p.employeeNo, { id: p.employeeNo, name: p.name });
    await companySignIn(
      db,
      identity({ subject: p.employeeNo, value: p.employeeNo, messageTo: p.employeeNo }),
      meta,
      provider,
    );
    const other = await personWithAccount();
    const send = (kind: 'SUPERVISION' | 'TRAINING', key: string) =>
      db.$transaction((tx) =>
        notify(tx, {
          userIds: [p.id, other.id],
          kind,
          titleKey:
            kind === 'SUPERVISION' ? 'notifications.titles.supervision' : 'notifications.titles.training',
          params: {
            count: 2,
            message: '请补齐支委会记录',
            title: '解标培训第三期',
            when: '12月8日 14:30',
            place: '三楼会议室',
          },
          link: kind === 'SUPERVISION' ? '/reminders' : '/learning/training',
          dedupeKey: `${key}-${uniq('k')}`,
        }),
      );
    const first = await send('SUPERVISION', 'card');
    const cards = await db.delivery.findMany({ where: { id: { in: first.deliveryIds }, channel: 'WECOM' } });
    // Only the linked person gets a card; the other has no WeCom identity.
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      target: p.employeeNo,
      payload: { title: '五标 · 督办', link: '/reminders' },
    });
    expect(await deliverOne(db, cards[0]!.id)).toBe('SENT');
    expect(fake.messages.at(-1)).toMatchObject({
      to: p.employeeNo,
      body: {
        msgtype: 'textcard',
        agentid: 1000003,
        textcard: { title: '五标 · 督办', url: 'https://djbz.sanju.example/reminders' },
      },
    });

    // The person keeps training invitations only: a 督办 stays in the centre.
    await setNotifyPrefs(db, p.ctx, { channel: 'WECOM', kinds: ['TRAINING'] });
    const trace = await db.auditEvent.findFirst({ where: { action: 'account.notifyPrefs', entityId: p.id } });
    expect(trace?.after).toEqual({ channel: 'WECOM', kinds: ['TRAINING'] });
    const second = await send('SUPERVISION', 'off');
    expect(await db.delivery.count({ where: { id: { in: second.deliveryIds }, channel: 'WECOM' } })).toBe(0);
    expect(await db.notification.count({ where: { userId: p.id, kind: 'SUPERVISION' } })).toBe(2);
    const third = await send('TRAINING', 'on');
    expect(await db.delivery.count({ where: { id: { in: third.deliveryIds }, channel: 'WECOM' } })).toBe(1);
    const channels = await ownChannels(db, p.subject);
    expect(channels.find((c) => c.channel === 'WECOM')).toEqual({
      channel: 'WECOM',
      reachable: true,
      kinds: ['TRAINING'],
    });
    // Another person's choices are their own: the other's WeCom channel does not reach them (no identity).
    expect((await ownChannels(db, other.subject)).find((c) => c.channel === 'WECOM')?.reachable).toBe(false);
  });

  it("a card WeCom refuses (the person left the app's range) is retried, then failed with the reason kept", async () => {
    const p = await personWithAccount();
    fake.members.set(p.employeeNo, { id: p.employeeNo, name: p.name, hidden: true });
    const d = await db.delivery.create({
      data: {
        channel: 'WECOM',
        target: p.employeeNo,
        payload: { title: '五标 · 督办', text: '请补齐记录', link: '/reminders' },
      },
    });
    await expect(deliverOne(db, d.id)).rejects.toThrow(/企业微信 refused the card/);
    const row = await db.delivery.findUnique({ where: { id: d.id } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(row?.lastError).toContain('invaliduser');
  });
});

describe('接收方式: refused input changes nothing', () => {
  it('an unknown channel or kind is refused by the schema, and a person only ever changes their own row', async () => {
    expect(ZNotifyPrefs.safeParse({ channel: 'SMS', kinds: [] }).success).toBe(false);
    expect(ZNotifyPrefs.safeParse({ channel: 'WECOM', kinds: ['PAYROLL'] }).success).toBe(false);
    expect(ZNotifyPrefs.safeParse({ channel: 'WECOM', kinds: [], userId: 'someone' }).success).toBe(false);
    const a = await personWithAccount();
    const b = await personWithAccount();
    await setNotifyPrefs(db, a.ctx, { channel: 'EMAIL', kinds: ['OVERDUE'] });
    expect(await db.notifyPreference.count({ where: { userId: b.id } })).toBe(0);
    expect((await ownChannels(db, b.subject)).find((c) => c.channel === 'EMAIL')?.kinds).toContain(
      'SUPERVISION',
    );
  });
});
