import { createHmac } from 'node:crypto';
import { assertRobotTarget } from './outbound';

/**
 * Group-chat robots configured per organization: 企业微信 (WeCom) group robot, 钉钉 (DingTalk) custom
 * robot, 飞书 (Feishu/Lark) custom bot. The pure delivery layer: builds each platform's documented
 * custom-robot request and posts it; who gets notified and when is decided elsewhere.
 */
export type RobotKind = 'WECOM' | 'DINGTALK' | 'FEISHU';
export type RobotTarget = { url: string; secret?: string | null };
export type RobotMessage = { title: string; text: string };

const TIMEOUT_MS = 10_000;

const hmacBase64 = (key: string, data: string) =>
  createHmac('sha256', key).update(data, 'utf8').digest('base64');

/** The request for one message; `now` (ms) is a parameter so signatures are testable. */
export function robotRequest(
  kind: RobotKind,
  { url, secret }: RobotTarget,
  message: RobotMessage,
  now = Date.now(),
): { url: string; body: unknown } {
  const { title, text } = message;
  switch (kind) {
    case 'WECOM':
      // WeCom group robot (POST …/cgi-bin/webhook/send?key=…): markdown message. The key in the URL is
      // the only credential; the platform has no signing.
      return { url, body: { msgtype: 'markdown', markdown: { content: `**${title}**\n${text}` } } };
    case 'DINGTALK': {
      // DingTalk custom robot (…/robot/send?access_token=…): markdown needs a title (shown in the
      // conversation list) and the text. With the "加签" security setting, the URL carries
      // timestamp (ms) and sign = urlencode(base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`))).
      const body = { msgtype: 'markdown', markdown: { title, text: `#### ${title}\n\n${text}` } };
      if (!secret) return { url, body };
      const sign = encodeURIComponent(hmacBase64(secret, `${now}\n${secret}`));
      return { url: `${url}${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${sign}`, body };
    }
    case 'FEISHU': {
      // Feishu custom bot (…/open-apis/bot/v2/hook/…): text message. With "签名校验", the body carries
      // timestamp (seconds, as a string) and sign = base64(HMAC-SHA256 keyed by `${timestamp}\n${secret}`
      // over an empty message) — the key/data order is the platform's, unlike DingTalk's.
      const body = { msg_type: 'text', content: { text: `${title}\n${text}` } };
      if (!secret) return { url, body };
      const timestamp = String(Math.floor(now / 1000));
      return { url, body: { timestamp, sign: hmacBase64(`${timestamp}\n${secret}`, ''), ...body } };
    }
  }
}

type Reply = {
  errcode?: number;
  errmsg?: string;
  code?: number;
  msg?: string;
  StatusCode?: number;
  StatusMessage?: string;
};

// The platforms answer HTTP 200 for most failures (bad key, bad signature, rate limit) and report
// them in the JSON: WeCom/DingTalk `errcode`, Feishu `code` (older replies: `StatusCode`).
function succeeded(kind: RobotKind, reply: Reply): boolean {
  if (kind === 'FEISHU') return reply.code === 0 || (reply.code === undefined && reply.StatusCode === 0);
  return reply.errcode === 0;
}

/**
 * Posts one message. Throws unless HTTP 2xx and the platform reports success, so the job queue retries.
 * Error messages name the platform and its message, never the URL (it holds the key/token).
 */
export async function sendRobot(
  kind: RobotKind,
  target: RobotTarget,
  message: RobotMessage,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  const req = robotRequest(kind, target, message);
  // Only the platforms' public hosts, over https, never a redirect (lib/channels/outbound.ts).
  await assertRobotTarget(req.url);
  const res = await fetchImpl(req.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(req.body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: 'manual',
  });
  if (res.status >= 300 && res.status < 400)
    throw new Error(`${kind} robot: HTTP ${res.status} redirect refused`);
  const raw = await res.text();
  let reply: Reply | null = null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object') reply = parsed as Reply;
  } catch {
    // Not JSON (a proxy's error page, say): reported below with the HTTP status.
  }
  const detail = reply ? (reply.errmsg ?? reply.msg ?? reply.StatusMessage ?? '') : raw.slice(0, 200);
  const code = reply ? (reply.errcode ?? reply.code ?? reply.StatusCode) : undefined;
  if (!res.ok) throw new Error(`${kind} robot: HTTP ${res.status}${detail ? ` ${detail}` : ''}`);
  if (!reply || !succeeded(kind, reply))
    throw new Error(`${kind} robot: ${code ?? 'no code'} ${detail || 'unexpected reply'}`.trim());
}
