/**
 * Company sign-in (issue 18): which providers this deployment connects, read from the environment at run time.
 * A provider is on when its id and secret are set; each says which of its fields finds the person (MATCH) and may
 * point its endpoints elsewhere (a proxy, or the tests' local fakes). README "Company sign-in" lists every variable.
 */
import { z } from 'zod';

export const PROVIDERS = ['oidc', 'wecom', 'dingtalk', 'feishu'] as const;
export type Provider = (typeof PROVIDERS)[number];
export const isProvider = (v: string): v is Provider => (PROVIDERS as readonly string[]).includes(v);

/** The portal's fields a provider's value is matched against. */
export const MATCH_FIELDS = ['employeeNo', 'phone', 'email', 'username'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token / userinfo claim holding the value matched (e.g. employee_number, email). */
  claim: string;
  field: MatchField;
  name: string | null;
};
export type WecomConfig = {
  corpId: string;
  agentId: string;
  secret: string;
  /** Which WeCom value finds the person: its userid (as 工号), mobile or email. */
  field: 'employeeNo' | 'phone' | 'email';
  apiBase: string;
  qrBase: string;
  oauthBase: string;
};
export type DingtalkConfig = {
  clientId: string;
  clientSecret: string;
  /** 工作通知 are sent by this 应用 (AgentId). */
  agentId: string | null;
  field: 'employeeNo' | 'phone' | 'email';
  loginBase: string;
  apiBase: string;
  oapiBase: string;
};
export type FeishuConfig = {
  appId: string;
  appSecret: string;
  field: 'employeeNo' | 'phone' | 'email';
  base: string;
  accountsBase: string;
};

export type CompanyPolicy = {
  /**
   * How company sign-in relates to the second factor: 'provider' (default) — a sign-in through WeCom, DingTalk,
   * Feishu or the company's OIDC counts as the second factor for everyone without an administrator role
   * (系统管理员, 安全管理员, 审计管理员 still show theirs); 'always' — owed exactly as after a password.
   */
  secondFactor: 'provider' | 'always';
  /** No person matched: also ask the administrators to link one (a notification to each). Never an account. */
  requestOnNoMatch: boolean;
};

const env = (name: string) => process.env[name]?.trim() || undefined;
const base = (name: string, fallback: string) => (env(name) ?? fallback).replace(/\/+$/, '');
const field = (name: string, fallback: 'employeeNo' | 'phone' | 'email') => {
  const v = env(name);
  return v === 'phone' || v === 'email' || v === 'employeeNo' ? v : fallback;
};

/** The named settings (key → variable), or null when one is missing: the provider is then not connected. */
function required<K extends string>(names: Record<K, string>): Record<K, string> | null {
  const out = {} as Record<K, string>;
  for (const [k, name] of Object.entries(names) as [K, string][]) {
    const v = env(name);
    if (!v) return null;
    out[k] = v;
  }
  return out;
}

export function oidcConfig(): OidcConfig | null {
  const r = required({
    issuer: 'OIDC_ISSUER',
    clientId: 'OIDC_CLIENT_ID',
    clientSecret: 'OIDC_CLIENT_SECRET',
  });
  const f = z.enum(MATCH_FIELDS).safeParse(env('OIDC_MATCH_FIELD') ?? 'email');
  return (
    r && {
      ...r,
      claim: env('OIDC_MATCH_CLAIM') ?? 'email',
      field: f.success ? f.data : 'email',
      name: env('OIDC_NAME') ?? null,
    }
  );
}

export function wecomConfig(): WecomConfig | null {
  const r = required({ corpId: 'WECOM_CORP_ID', agentId: 'WECOM_AGENT_ID', secret: 'WECOM_SECRET' });
  return (
    r && {
      ...r,
      field: field('WECOM_MATCH', 'employeeNo'),
      apiBase: base('WECOM_API_BASE', 'https://qyapi.weixin.qq.com'),
      qrBase: base('WECOM_QR_BASE', 'https://login.work.weixin.qq.com'),
      oauthBase: base('WECOM_OAUTH_BASE', 'https://open.weixin.qq.com'),
    }
  );
}

export function dingtalkConfig(): DingtalkConfig | null {
  const r = required({ clientId: 'DINGTALK_CLIENT_ID', clientSecret: 'DINGTALK_CLIENT_SECRET' });
  return (
    r && {
      ...r,
      agentId: env('DINGTALK_AGENT_ID') ?? null,
      field: field('DINGTALK_MATCH', 'employeeNo'),
      loginBase: base('DINGTALK_LOGIN_BASE', 'https://login.dingtalk.com'),
      apiBase: base('DINGTALK_API_BASE', 'https://api.dingtalk.com'),
      oapiBase: base('DINGTALK_OAPI_BASE', 'https://oapi.dingtalk.com'),
    }
  );
}

export function feishuConfig(): FeishuConfig | null {
  const r = required({ appId: 'FEISHU_APP_ID', appSecret: 'FEISHU_APP_SECRET' });
  return (
    r && {
      ...r,
      field: field('FEISHU_MATCH', 'employeeNo'),
      base: base('FEISHU_BASE', 'https://open.feishu.cn'),
      accountsBase: base('FEISHU_ACCOUNTS_BASE', 'https://accounts.feishu.cn'),
    }
  );
}

export function companyPolicy(): CompanyPolicy {
  return {
    secondFactor: env('SSO_SECOND_FACTOR') === 'always' ? 'always' : 'provider',
    requestOnNoMatch: env('SSO_NO_MATCH_REQUEST') === 'true',
  };
}

/** The providers this deployment has connected, in the order the login page shows them. */
export function configuredProviders(): Provider[] {
  const on: Record<Provider, boolean> = {
    oidc: !!oidcConfig(),
    wecom: !!wecomConfig(),
    dingtalk: !!dingtalkConfig(),
    feishu: !!feishuConfig(),
  };
  return PROVIDERS.filter((p) => on[p]);
}
