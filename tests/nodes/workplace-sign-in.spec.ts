/**
 * (Named to run after two-nodes.spec.ts: its node works the job queue, and the two-node test counts the start-up
 * jobs of nodes it starts itself.)
 * Company sign-in in a real browser (issue 18): one app node of this build, configured for all four providers, each
 * provider a local server on loopback — panva's oidc-provider as the company's OpenID Connect provider, and the fakes
 * of 企业微信, 钉钉 and 飞书 (tests/fixtures/company-idp.ts). Chromium signs in through each, lands on the portal as the
 * person the configured field names, and the refusals (forged state, a used code, a provider down, no match, a
 * disabled member) each end on the explanation page with no session and a security event.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import pg from 'pg';
import Provider from 'oidc-provider';
import { fakeDingtalk, fakeFeishu, fakeWecom, type FakeIdp } from '../fixtures/company-idp';
import { freePort } from '../../scripts/lib/embedded-db';
import { startNode, stopNode, type AppNode } from '../../scripts/lib/cluster';
import { until } from '../fixtures/local-services';
import { actionId, callAction, signIn } from '../../bench/lib/http';

test.describe.configure({ mode: 'serial' });

const DATABASE_URL = process.env.DATABASE_URL!;
const WECOM = { corpId: 'ww-zhongjian-sanju', secret: 'wecom-secret', agentId: '1000002' };
const DING = { clientId: 'dingsanju', clientSecret: 'ding-secret' };
const FEISHU = { appId: 'cli_sanju', appSecret: 'feishu-secret' };
const WXWORK_UA =
  'Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 wxwork/4.1.30 MicroMessenger/7.0.1';

let app: AppNode;
let wecom: FakeIdp & { expireTokens: () => void };
let dingtalk: FakeIdp;
let feishu: FakeIdp;
let oidcServer: Server;
let oidcUrl: string;
let sql: pg.Client;
/** The WeCom userids of the demo people (their 工号). */
const no = { secretary: '', committee: '' };

/** The OIDC directory: sub → claims (employee_number is the 工号 the portal matches). */
const directory: Record<string, Record<string, string>> = {
  'u-wanglei': { sub: 'u-wanglei', name: '王磊', email: 'wanglei@sanju.example', employee_number: '' },
  'u-stranger': {
    sub: 'u-stranger',
    name: '外协人员',
    email: 'guest@partner.example',
    employee_number: 'WX-0001',
  },
};

async function startOidc(port: number, redirect: string) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'wubiao',
        client_secret: 'oidc-secret',
        redirect_uris: [redirect],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'employee_number'], email: ['email'] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ ...directory[sub], sub }) }),
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: true } },
  });
  provider.on('server_error', (_ctx, err) => console.error('[oidc-provider]', err));
  const server = createServer(provider.callback());
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return server;
}

const sessionsOf = async (username: string) =>
  Number(
    (
      await sql.query(
        `SELECT count(*) AS n FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE u.username = $1`,
        [username],
      )
    ).rows[0].n,
  );
const refusals = async (provider: string, reason: string) =>
  Number(
    (
      await sql.query(
        `SELECT count(*) AS n FROM "SecurityEvent" WHERE kind = 'sso.failed' AND detail->>'provider' = $1
           AND detail->>'reason' = $2 AND at >= now() - interval '10 minutes'`,
        [provider, reason],
      )
    ).rows[0].n,
  );
const lastLogin = async (username: string) =>
  (
    await sql.query(
      `SELECT e.after FROM "AuditEvent" e JOIN "User" u ON u.id = e."actorId"
       WHERE u.username = $1 AND e.action = 'auth.login' ORDER BY e.id DESC LIMIT 1`,
      [username],
    )
  ).rows[0]?.after as { via?: string } | undefined;

async function fresh(browser: Browser, userAgent?: string): Promise<Page> {
  const ctx = await browser.newContext({
    baseURL: app.base,
    locale: 'zh-CN',
    ...(userAgent ? { userAgent } : {}),
  });
  return ctx.newPage();
}

/** Signed in as `name`: the shell shows it. */
async function expectSignedIn(page: Page, name: string) {
  await expect(page.getByTestId('user-name')).toHaveText(name);
}

const failed = (page: Page, reason: string) =>
  expect(page.getByTestId('company-failed')).toHaveAttribute('data-reason', reason);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  expect(DATABASE_URL, 'the nodes layer sets DATABASE_URL to its seeded database').toBeTruthy();
  sql = new pg.Client({ connectionString: DATABASE_URL });
  await sql.connect();
  [wecom, dingtalk, feishu] = await Promise.all([fakeWecom(WECOM), fakeDingtalk(DING), fakeFeishu(FEISHU)]);
  // The demo people's 工号 and phones, as the seed made them.
  const rows = (
    await sql.query(
      `SELECT u.username, p."employeeNo", u.phone FROM "User" u JOIN "Person" p ON p."userId" = u.id
       WHERE u.username IN ('secretary', 'secretary2', 'member', 'committee', 'clerk')`,
    )
  ).rows as { username: string; employeeNo: string; phone: string }[];
  const demo = Object.fromEntries(rows.map((r) => [r.username, r]));
  no.secretary = demo.secretary!.employeeNo;
  // 陈志强 (secretary) by WeCom userid = 工号; 孙丽华 (committee) is disabled in WeCom; one member no account matches.
  wecom.members.set(no.secretary, { id: no.secretary, name: '陈志强' });
  no.committee = demo.committee!.employeeNo;
  wecom.members.set(no.committee, { id: no.committee, name: '孙丽华', status: 2 });
  wecom.members.set('LW-0099', { id: 'LW-0099', name: '劳务队班组长' });
  // 李海峰 (secretary2) by DingTalk job_number; 刘晓燕 (clerk) by Feishu mobile; 王磊 (member) by the OIDC claim.
  dingtalk.members.set('dt-lihf', { id: 'dt-lihf', name: '李海峰', employeeNo: demo.secretary2!.employeeNo });
  feishu.members.set('fs-liuxy', { id: 'fs-liuxy', name: '刘晓燕', mobile: demo.clerk!.phone });
  directory['u-wanglei']!.employee_number = demo.member!.employeeNo;

  const appPort = await freePort();
  const oidcPort = await freePort();
  oidcUrl = `http://127.0.0.1:${oidcPort}`;
  oidcServer = await startOidc(oidcPort, `http://127.0.0.1:${appPort}/api/auth/callback/oidc`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    AUTH_TRUST_HOST: 'true',
    SEED_DEMO: 'false',
    // The node works the job queue: task cards go out through the outbox's delivery jobs.
    PUBLIC_URL: `http://127.0.0.1:${appPort}`,
    OIDC_ISSUER: oidcUrl,
    OIDC_CLIENT_ID: 'wubiao',
    OIDC_CLIENT_SECRET: 'oidc-secret',
    OIDC_MATCH_CLAIM: 'employee_number',
    OIDC_MATCH_FIELD: 'employeeNo',
    OIDC_NAME: '集团统一身份认证',
    WECOM_CORP_ID: WECOM.corpId,
    WECOM_AGENT_ID: WECOM.agentId,
    WECOM_SECRET: WECOM.secret,
    WECOM_API_BASE: wecom.url,
    WECOM_QR_BASE: wecom.url,
    WECOM_OAUTH_BASE: wecom.url,
    DINGTALK_CLIENT_ID: DING.clientId,
    DINGTALK_CLIENT_SECRET: DING.clientSecret,
    DINGTALK_AGENT_ID: '3001',
    DINGTALK_LOGIN_BASE: dingtalk.url,
    DINGTALK_API_BASE: dingtalk.url,
    DINGTALK_OAPI_BASE: dingtalk.url,
    FEISHU_APP_ID: FEISHU.appId,
    FEISHU_APP_SECRET: FEISHU.appSecret,
    FEISHU_MATCH: 'phone',
    FEISHU_BASE: feishu.url,
    FEISHU_ACCOUNTS_BASE: feishu.url,
    SSO_NO_MATCH_REQUEST: 'true',
    SSO_TIMEOUT_MS: '3000',
  };
  delete env.JOBS;
  app = await startNode(env, { port: appPort });
  await until('the node works the job queue', async () => {
    const h = (await (await fetch(`${app.base}/api/health`)).json()) as { jobs: string };
    return h.jobs === 'running';
  });
});

test.afterAll(async () => {
  await stopNode(app?.child);
  await Promise.all([wecom?.close(), dingtalk?.close(), feishu?.close()]);
  await new Promise<void>((r) => {
    if (!oidcServer?.listening) return r();
    oidcServer.close(() => r());
    oidcServer.closeAllConnections();
  });
  await sql?.end();
});

test('the login page offers the four company sign-ins', async ({ browser }) => {
  const page = await fresh(browser);
  await page.goto('/login');
  const box = page.getByTestId('company-sign-in');
  await expect(box.getByTestId('sign-in-oidc')).toHaveText('集团统一身份认证登录');
  await expect(box.getByTestId('sign-in-wecom')).toHaveText('企业微信扫码登录');
  await expect(box.getByTestId('sign-in-dingtalk')).toHaveText('钉钉登录');
  await expect(box.getByTestId('sign-in-feishu')).toHaveText('飞书登录');
});

test("the company's OIDC through next-auth: PKCE, the provider's login and consent, matched by 工号", async ({
  browser,
}) => {
  const page = await fresh(browser);
  const authorize: URL[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${oidcUrl}/auth`)) authorize.push(new URL(r.url()));
  });
  await page.goto('/login?next=/reminders');
  await page.getByTestId('sign-in-oidc').click();
  await page.locator('input[name=login]').fill('u-wanglei');
  await page.locator('input[name=password]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/reminders/);
  await expectSignedIn(page, '王磊');
  expect(authorize[0]?.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize[0]?.searchParams.get('state')).toBeTruthy();
  expect(authorize[0]?.searchParams.get('nonce')).toBeTruthy();
  expect(await lastLogin('member')).toMatchObject({ via: 'oidc' });
  // 账号安全 lists the link.
  await page.goto('/account/security');
  await expect(page.getByTestId('identity')).toContainText('统一身份认证 · wanglei@sanju.example');
});

test('OIDC: someone the portal does not know gets the explanation and the administrators are asked', async ({
  browser,
}) => {
  const page = await fresh(browser);
  await page.goto('/login');
  await page.getByTestId('sign-in-oidc').click();
  await page.locator('input[name=login]').fill('u-stranger');
  await page.locator('input[name=password]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await failed(page, 'no-match');
  await expect(page.getByTestId('company-requested')).toBeVisible();
  const asked = await sql.query(
    `SELECT count(*) AS n FROM "Notification" n JOIN "User" u ON u.id = n."userId"
     WHERE u.username = 'admin' AND n."dedupeKey" = 'sso:oidc:u-stranger'`,
  );
  expect(Number(asked.rows[0].n)).toBe(1);
  expect(await refusals('oidc', 'no-match')).toBeGreaterThan(0);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('企业微信 QR sign-in on a desk', async ({ browser }) => {
  const page = await fresh(browser);
  wecom.signingIn = no.secretary;
  const before = await sessionsOf('secretary');
  await page.goto('/login');
  await page.getByTestId('sign-in-wecom').click();
  await expect(page).toHaveURL(`${app.base}/`);
  await expectSignedIn(page, '陈志强');
  expect(await sessionsOf('secretary')).toBe(before + 1);
  expect(await lastLogin('secretary')).toMatchObject({ via: 'wecom' });
});

test('inside the WeCom client a link signs in silently and opens the exact page', async ({ browser }) => {
  const page = await fresh(browser, WXWORK_UA);
  wecom.signingIn = no.secretary;
  const seen: string[] = [];
  page.on('request', (r) => seen.push(r.url()));
  await page.goto('/reminders');
  // (The browser keeps the #wechat_redirect fragment across the redirects, as WeCom's own page would not.)
  await expect(page).toHaveURL(/\/reminders(#wechat_redirect)?$/);
  await expectSignedIn(page, '陈志强');
  // Through 网页授权 (snsapi_base), not the QR page.
  expect(seen.some((u) => u.startsWith(`${wecom.url}/connect/oauth2/authorize`))).toBe(true);
  expect(seen.some((u) => u.startsWith(`${wecom.url}/wwlogin/sso/login`))).toBe(false);
});

test('钉钉 and 飞书 sign-in', async ({ browser }) => {
  const a = await fresh(browser);
  dingtalk.signingIn = 'dt-lihf';
  await a.goto('/login');
  await a.getByTestId('sign-in-dingtalk').click();
  await expectSignedIn(a, '李海峰');
  expect(await lastLogin('secretary2')).toMatchObject({ via: 'dingtalk' });
  const b = await fresh(browser);
  feishu.signingIn = 'fs-liuxy';
  await b.goto('/login');
  await b.getByTestId('sign-in-feishu').click();
  await expectSignedIn(b, '刘晓燕');
  expect(await lastLogin('clerk')).toMatchObject({ via: 'feishu' });
});

test('task cards: a 督办 reaches the secretary in WeCom, the clerk in Feishu, the other secretary in DingTalk; a card opens its page signed in', async ({
  browser,
}) => {
  // Everyone above has signed in once through their app, so each identity carries its message id.
  const units = (
    await sql.query(
      `SELECT u.username, ra."orgId" AS org,
              (SELECT t.id FROM "ReminderTask" t WHERE t."orgId" = ra."orgId" AND t.status = 'OPEN' LIMIT 1) AS task
       FROM "RoleAssignment" ra JOIN "User" u ON u.id = ra."userId"
       WHERE ra.role = 'SECRETARY' AND u.username IN ('secretary', 'secretary2')`,
    )
  ).rows as { username: string; org: string; task: string }[];
  const jar = await signIn(app.base, 'committee', 'Wubiao@2026');
  const send = await actionId('sendNoticeAction', 'lib/reminders/actions.ts');
  for (const u of units) {
    const r = await callAction(app.base, jar, '/reminders/supervision', send, {
      orgId: u.org,
      taskIds: [u.task],
      message: `请于本周五前补齐${u.username === 'secretary' ? '滨江' : '北环'}项目的三会一课记录`,
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
  // (Each person was also sent a card when their identity was first linked: those go to /account/security.)
  const supervision = () => ({
    wx: wecom.messages.find((m) => m.to === no.secretary && JSON.stringify(m.body).includes('督办')),
    fs: feishu.messages.find((m) => m.to === 'fs-liuxy' && String(m.body.content).includes('/reminders')),
    dt: dingtalk.messages.find((m) => m.to === 'dt-lihf' && JSON.stringify(m.body).includes('/reminders')),
  });
  await until('the three cards are sent', async () => {
    const c = supervision();
    return !!(c.wx && c.fs && c.dt);
  });
  const found = supervision();
  const wx = found.wx!;
  expect(wx.to).toBe(no.secretary);
  expect(wx.body).toMatchObject({
    msgtype: 'textcard',
    agentid: Number(WECOM.agentId),
    textcard: { title: '五标 · 督办', url: `${app.base}/reminders` },
  });
  expect(String((wx.body.textcard as { description: string }).description)).toContain(
    '滨江项目的三会一课记录',
  );
  const fs = found.fs!;
  expect(fs.to).toBe('fs-liuxy');
  expect(fs.body).toMatchObject({ msg_type: 'interactive', receive_id_type: 'user_id' });
  expect(String(fs.body.content)).toContain(`${app.base}/reminders`);
  const dt = found.dt!;
  expect(dt.body).toMatchObject({
    agent_id: 3001,
    msg: { msgtype: 'action_card', action_card: { single_url: `${app.base}/reminders` } },
  });
  await until('the card deliveries are marked sent', async () => {
    const open = await sql.query(
      `SELECT count(*)::int AS n FROM "Delivery" WHERE channel IN ('WECOM', 'DINGTALK', 'FEISHU') AND status <> 'SENT'`,
    );
    return open.rows[0].n === 0;
  });

  // The card, tapped inside WeCom: the page it names, signed in without a password.
  const page = await fresh(browser, WXWORK_UA);
  wecom.signingIn = no.secretary;
  await page.goto(String((wx.body.textcard as { url: string }).url));
  await expect(page).toHaveURL(/\/reminders(#wechat_redirect)?$/);
  await expectSignedIn(page, '陈志强');

  // The clerk turns Feishu cards off for 督办: the next one reaches only the in-app centre (and WeCom for the secretary).
  const clerk = await fresh(browser);
  feishu.signingIn = 'fs-liuxy';
  await clerk.goto('/login');
  await clerk.getByTestId('sign-in-feishu').click();
  await expectSignedIn(clerk, '刘晓燕');
  await clerk.goto('/notifications');
  const card = clerk.getByTestId('channel-FEISHU');
  await card.getByLabel('督办').uncheck();
  await card.getByRole('button', { name: '保存' }).click();
  await expect(card.getByRole('status')).toHaveText('已保存。');
  const feishuNow = feishu.messages.length;
  const wecomNow = wecom.messages.length;
  const mine = units.find((u) => u.username === 'secretary')!;
  const r = await callAction(app.base, jar, '/reminders/supervision', send, {
    orgId: mine.org,
    taskIds: [mine.task],
    message: '请核对党费收缴台账',
  });
  expect(r.ok).toBe(true);
  await until('the WeCom card is sent', async () => wecom.messages.length > wecomNow);
  await new Promise((r) => setTimeout(r, 1500));
  expect(feishu.messages.length).toBe(feishuNow);
});

test('a forged state, a replayed callback and a code used twice: no session, each traced', async ({
  browser,
}) => {
  const page = await fresh(browser);
  const before = await sessionsOf('secretary');
  const stateRefusals = await refusals('wecom', 'state');
  await page.goto('/api/sso/wecom/callback?code=forged&state=forged');
  await failed(page, 'state');

  // A real sign-in, its callback URL kept; replayed later in the same browser, it finds no state to match.
  wecom.signingIn = no.secretary;
  let callback = '';
  page.on('request', (r) => {
    if (r.url().includes('/api/sso/wecom/callback?code=')) callback = r.url();
  });
  await page.goto('/login');
  await page.getByTestId('sign-in-wecom').click();
  await expectSignedIn(page, '陈志强');
  expect(await sessionsOf('secretary')).toBe(before + 1);
  await page.context().clearCookies();
  await page.goto(callback);
  await failed(page, 'state');

  // The used code with a fresh, valid state: WeCom refuses it (40029).
  const start = await page.request.get('/api/sso/wecom/start', { maxRedirects: 0 });
  const state = new URL(start.headers().location!).searchParams.get('state')!;
  await page.goto(
    `/api/sso/wecom/callback?${new URLSearchParams({ code: new URL(callback).searchParams.get('code')!, state })}`,
  );
  await failed(page, 'provider');
  expect(await sessionsOf('secretary')).toBe(before + 1);
  expect(await refusals('wecom', 'state')).toBe(stateRefusals + 2);
  expect(await refusals('wecom', 'provider')).toBeGreaterThan(0);
});

test('a disabled WeCom member, one outside the range, and WeCom down: clear pages, no session', async ({
  browser,
}) => {
  const page = await fresh(browser);
  const committee = await sessionsOf('committee');
  wecom.signingIn = no.committee;
  await page.goto('/login');
  await page.getByTestId('sign-in-wecom').click();
  await failed(page, 'inactive');
  expect(await sessionsOf('committee')).toBe(committee);

  wecom.signingIn = 'LW-0099';
  await page.goto('/api/sso/wecom/start');
  await failed(page, 'no-match');

  // WeCom stops answering after the code was given: the callback's calls find it down.
  wecom.signingIn = no.secretary;
  const start = await page.request.get('/api/sso/wecom/start', { maxRedirects: 0 });
  const authorize = start.headers().location!;
  const back = await fetch(authorize, { redirect: 'manual' });
  wecom.down = true;
  try {
    await page.goto(back.headers.get('location')!.replace(/^http:\/\/127\.0\.0\.1:\d+/, app.base));
    await failed(page, 'unavailable');
  } finally {
    wecom.down = false;
  }
  await expect(page.getByRole('link', { name: '使用账号密码登录' })).toHaveAttribute(
    'href',
    '/login?password=1',
  );
});

test('the OIDC provider down: the explanation page, no session', async ({ browser }) => {
  const page = await fresh(browser);
  await new Promise<void>((r) => {
    oidcServer.close(() => r());
    oidcServer.closeAllConnections();
  });
  await page.goto('/login');
  await page.getByTestId('sign-in-oidc').click();
  await failed(page, 'unavailable');
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});
