/**
 * 企业微信 sign-in, from its documented endpoints (WeCom is OAuth 2-like, not OIDC):
 *  - on a desk, the web QR login (`/wwlogin/sso/login`, login_type=CorpApp); inside the WeCom client, 网页授权
 *    (`/connect/oauth2/authorize`, scope snsapi_base), which signs the person in without a click;
 *  - the code comes back to /api/sso/wecom/callback; the app's token (`/cgi-bin/gettoken`, corpid + secret) turns it
 *    into the member's userid (`/cgi-bin/auth/getuserinfo`), and `/cgi-bin/user/get` gives their name, status,
 *    mobile and e-mail.
 * Errors as WeCom documents them: 40001/40013 invalid secret or corp id, 40029 invalid (expired or used) code,
 * 42001 token expired (fetched again once), 60011 the member is outside the app's visible range, 60111 no such user.
 */
import type { WecomConfig } from './config';
import { appToken, callJson, CompanyError, dropAppToken } from './http';
import type { CompanyIdentity } from './link';

type WecomReply = { errcode?: number; errmsg?: string };

export function wecomAuthorizeUrl(
  cfg: WecomConfig,
  o: { state: string; redirectUri: string; inApp: boolean },
): string {
  if (o.inApp) {
    const q = new URLSearchParams({
      appid: cfg.corpId,
      redirect_uri: o.redirectUri,
      response_type: 'code',
      scope: 'snsapi_base',
      state: o.state,
      agentid: cfg.agentId,
    });
    return `${cfg.oauthBase}/connect/oauth2/authorize?${q}#wechat_redirect`;
  }
  const q = new URLSearchParams({
    login_type: 'CorpApp',
    appid: cfg.corpId,
    agentid: cfg.agentId,
    redirect_uri: o.redirectUri,
    state: o.state,
  });
  return `${cfg.qrBase}/wwlogin/sso/login?${q}`;
}

/** The app's access token (cached); an invalid secret or corp id is the deployer's error, shown as 'provider'. */
export function wecomToken(cfg: WecomConfig): Promise<string> {
  return appToken(`wecom:${cfg.corpId}:${cfg.agentId}`, async () => {
    const q = new URLSearchParams({ corpid: cfg.corpId, corpsecret: cfg.secret });
    const { body } = await callJson<WecomReply & { access_token?: string; expires_in?: number }>(
      `${cfg.apiBase}/cgi-bin/gettoken?${q}`,
    );
    if (body.errcode || !body.access_token)
      throw new CompanyError('provider', { step: 'gettoken', errcode: body.errcode, errmsg: body.errmsg });
    return { value: body.access_token, expiresIn: body.expires_in ?? 7200 };
  });
}

/** One WeCom API call with the app token, fetched again once if WeCom calls it expired or invalid. */
export async function wecomApi<T extends WecomReply>(
  cfg: WecomConfig,
  path: string,
  query: Record<string, string>,
  body?: unknown,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const token = await wecomToken(cfg);
    const q = new URLSearchParams({ access_token: token, ...query });
    const r = await callJson<T>(`${cfg.apiBase}${path}?${q}`, body === undefined ? {} : { body });
    if ((r.body.errcode === 42001 || r.body.errcode === 40014) && attempt === 0) {
      dropAppToken(`wecom:${cfg.corpId}:${cfg.agentId}`);
      continue;
    }
    return r.body;
  }
}

export async function wecomIdentify(cfg: WecomConfig, code: string): Promise<CompanyIdentity> {
  const info = await wecomApi<WecomReply & { userid?: string; UserId?: string; openid?: string }>(
    cfg,
    '/cgi-bin/auth/getuserinfo',
    { code },
  );
  if (info.errcode)
    throw new CompanyError('provider', { step: 'getuserinfo', errcode: info.errcode, errmsg: info.errmsg });
  const userid = info.userid ?? info.UserId;
  // Someone who is not a member of the company (openid only): the app cannot know them.
  if (!userid) throw new CompanyError('not-visible', { step: 'getuserinfo', openid: !!info.openid });
  const user = await wecomApi<
    WecomReply & { name?: string; mobile?: string; email?: string; biz_mail?: string; status?: number }
  >(cfg, '/cgi-bin/user/get', { userid });
  if (user.errcode === 60011 || user.errcode === 60111)
    throw new CompanyError('not-visible', { step: 'user/get', errcode: user.errcode, userid });
  if (user.errcode)
    throw new CompanyError('provider', { step: 'user/get', errcode: user.errcode, errmsg: user.errmsg });
  const value =
    cfg.field === 'employeeNo' ? userid : cfg.field === 'phone' ? user.mobile : (user.email ?? user.biz_mail);
  return {
    provider: 'wecom',
    subject: userid,
    label: user.name ?? userid,
    value: value || null,
    field: cfg.field,
    // 1 = activated; 2 disabled, 4 not activated, 5 left the company.
    active: user.status === undefined ? undefined : user.status === 1,
    messageTo: userid,
  };
}
