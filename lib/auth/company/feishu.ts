/**
 * 飞书 sign-in, from its documented endpoints: the authorize page (`accounts.feishu.cn/open-apis/authen/v1/
 * authorize`; inside Feishu it passes without a click), `POST /open-apis/authen/v2/oauth/token` (an RFC 6749 code
 * exchange: a code lives 5 minutes and is used once) and `GET /open-apis/authen/v1/user_info` (name, user_id,
 * employee_no, mobile, e-mail). Errors keep Feishu's `code` (e.g. 20003 invalid code, 20010 the person may not use
 * the app).
 */
import type { FeishuConfig } from './config';
import { appToken, callJson, CompanyError } from './http';
import type { CompanyIdentity } from './link';

export function feishuAuthorizeUrl(cfg: FeishuConfig, o: { state: string; redirectUri: string }): string {
  const q = new URLSearchParams({
    client_id: cfg.appId,
    response_type: 'code',
    redirect_uri: o.redirectUri,
    state: o.state,
  });
  return `${cfg.accountsBase}/open-apis/authen/v1/authorize?${q}`;
}

/** The app's tenant_access_token (messages). */
export function feishuTenantToken(cfg: FeishuConfig): Promise<string> {
  return appToken(`feishu:${cfg.appId}`, async () => {
    const { body } = await callJson<{
      code?: number;
      msg?: string;
      tenant_access_token?: string;
      expire?: number;
    }>(`${cfg.base}/open-apis/auth/v3/tenant_access_token/internal`, {
      body: { app_id: cfg.appId, app_secret: cfg.appSecret },
    });
    if (body.code || !body.tenant_access_token)
      throw new CompanyError('provider', { step: 'tenant_access_token', code: body.code, msg: body.msg });
    return { value: body.tenant_access_token, expiresIn: body.expire ?? 7200 };
  });
}

export async function feishuIdentify(
  cfg: FeishuConfig,
  code: string,
  redirectUri: string,
): Promise<CompanyIdentity> {
  const token = await callJson<{
    code?: number;
    access_token?: string;
    error?: string;
    error_description?: string;
  }>(`${cfg.base}/open-apis/authen/v2/oauth/token`, {
    body: {
      grant_type: 'authorization_code',
      client_id: cfg.appId,
      client_secret: cfg.appSecret,
      code,
      redirect_uri: redirectUri,
    },
  });
  if (token.body.code === 20010) throw new CompanyError('not-visible', { step: 'token', code: 20010 });
  if (token.body.code || !token.body.access_token)
    throw new CompanyError('provider', { step: 'token', code: token.body.code, error: token.body.error });
  const info = await callJson<{
    code?: number;
    msg?: string;
    data?: {
      name?: string;
      user_id?: string;
      open_id?: string;
      union_id?: string;
      employee_no?: string;
      mobile?: string;
      email?: string;
      enterprise_email?: string;
    };
  }>(`${cfg.base}/open-apis/authen/v1/user_info`, {
    headers: { authorization: `Bearer ${token.body.access_token}` },
  });
  if (info.body.code || !info.body.data)
    throw new CompanyError('provider', { step: 'user_info', code: info.body.code, msg: info.body.msg });
  const d = info.body.data;
  const subject = d.user_id ?? d.open_id;
  if (!subject) throw new CompanyError('provider', { step: 'user_info', why: 'no user id' });
  const value =
    cfg.field === 'employeeNo'
      ? d.employee_no
      : cfg.field === 'phone'
        ? d.mobile
        : (d.enterprise_email ?? d.email);
  return {
    provider: 'feishu',
    subject,
    label: d.name ?? null,
    value: value || null,
    field: cfg.field,
    messageTo: d.user_id ?? null,
  };
}
