/**
 * 钉钉 sign-in, from its documented OAuth 2 endpoints:
 *  - `login.dingtalk.com/oauth2/auth` (scope openid; inside DingTalk it passes without a click), back to
 *    /api/sso/dingtalk/callback with `authCode`;
 *  - `POST api.dingtalk.com/v1.0/oauth2/userAccessToken` turns the code into the person's token, and
 *    `GET /v1.0/contact/users/me` gives their unionId, nick, mobile and e-mail;
 *  - the company's directory, with the app's own token (`oapi.dingtalk.com/gettoken`): `topapi/user/getbyunionid`
 *    finds the member's userid (60121: not a member of this company), `topapi/v2/user/get` their 工号 (job_number)
 *    and whether they are active.
 */
import type { DingtalkConfig } from './config';
import { appToken, callJson, CompanyError } from './http';
import type { CompanyIdentity } from './link';

type Oapi = { errcode?: number; errmsg?: string };

export function dingtalkAuthorizeUrl(cfg: DingtalkConfig, o: { state: string; redirectUri: string }): string {
  const q = new URLSearchParams({
    redirect_uri: o.redirectUri,
    response_type: 'code',
    client_id: cfg.clientId,
    scope: 'openid',
    state: o.state,
    prompt: 'consent',
  });
  return `${cfg.loginBase}/oauth2/auth?${q}`;
}

/** The app's token for the old (oapi) directory and message endpoints. */
export function dingtalkAppToken(cfg: DingtalkConfig): Promise<string> {
  return appToken(`dingtalk:${cfg.clientId}`, async () => {
    const q = new URLSearchParams({ appkey: cfg.clientId, appsecret: cfg.clientSecret });
    const { body } = await callJson<Oapi & { access_token?: string; expires_in?: number }>(
      `${cfg.oapiBase}/gettoken?${q}`,
    );
    if (body.errcode || !body.access_token)
      throw new CompanyError('provider', { step: 'gettoken', errcode: body.errcode, errmsg: body.errmsg });
    return { value: body.access_token, expiresIn: body.expires_in ?? 7200 };
  });
}

export async function dingtalkIdentify(cfg: DingtalkConfig, code: string): Promise<CompanyIdentity> {
  const token = await callJson<{ accessToken?: string; code?: string; message?: string }>(
    `${cfg.apiBase}/v1.0/oauth2/userAccessToken`,
    {
      body: { clientId: cfg.clientId, clientSecret: cfg.clientSecret, code, grantType: 'authorization_code' },
    },
  );
  if (token.status !== 200 || !token.body.accessToken)
    throw new CompanyError('provider', {
      step: 'userAccessToken',
      status: token.status,
      code: token.body.code,
      message: token.body.message,
    });
  const me = await callJson<{
    unionId?: string;
    nick?: string;
    mobile?: string;
    email?: string;
    code?: string;
    message?: string;
  }>(`${cfg.apiBase}/v1.0/contact/users/me`, {
    headers: { 'x-acs-dingtalk-access-token': token.body.accessToken },
  });
  if (me.status !== 200 || !me.body.unionId)
    throw new CompanyError('provider', { step: 'users/me', status: me.status, code: me.body.code });
  const app = await dingtalkAppToken(cfg);
  const byUnion = await callJson<Oapi & { result?: { userid?: string } }>(
    `${cfg.oapiBase}/topapi/user/getbyunionid?access_token=${encodeURIComponent(app)}`,
    { body: { unionid: me.body.unionId } },
  );
  if (byUnion.body.errcode === 60121 || (!byUnion.body.errcode && !byUnion.body.result?.userid))
    throw new CompanyError('not-visible', { step: 'getbyunionid', errcode: byUnion.body.errcode });
  if (byUnion.body.errcode)
    throw new CompanyError('provider', {
      step: 'getbyunionid',
      errcode: byUnion.body.errcode,
      errmsg: byUnion.body.errmsg,
    });
  const userid = byUnion.body.result!.userid!;
  const user = await callJson<
    Oapi & {
      result?: { name?: string; mobile?: string; email?: string; job_number?: string; active?: boolean };
    }
  >(`${cfg.oapiBase}/topapi/v2/user/get?access_token=${encodeURIComponent(app)}`, { body: { userid } });
  if (user.body.errcode === 60121) throw new CompanyError('not-visible', { step: 'user/get', userid });
  if (user.body.errcode || !user.body.result)
    throw new CompanyError('provider', { step: 'user/get', errcode: user.body.errcode });
  const u = user.body.result;
  // The company's directory only: the mobile and e-mail of users/me are the person's own DingTalk account's.
  const value = cfg.field === 'employeeNo' ? u.job_number : cfg.field === 'phone' ? u.mobile : u.email;
  return {
    provider: 'dingtalk',
    subject: me.body.unionId,
    label: u.name ?? me.body.nick ?? null,
    value: value || null,
    field: cfg.field,
    active: u.active === undefined ? undefined : u.active,
    messageTo: userid,
  };
}
