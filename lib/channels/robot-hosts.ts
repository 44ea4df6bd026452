/**
 * The hosts group robots may post to and the check of a URL as typed (https, a listed host): pure, so the robot form
 * (a client component) validates with it too. Where the name resolves is checked at delivery (lib/channels/outbound.ts).
 */
export const ROBOT_HOSTS = [
  'qyapi.weixin.qq.com',
  'oapi.dingtalk.com',
  'open.feishu.cn',
  'open.larksuite.com',
];

export const allowLocal = () => process.env.ROBOT_ALLOW_LOCAL === 'true';
export const robotHosts = () => [
  ...ROBOT_HOSTS,
  ...(process.env.ROBOT_EXTRA_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean),
];

/** Why a robot URL may not be used as typed (a message key), or null: https and a listed host. */
export function robotUrlProblem(url: string): string | null {
  if (allowLocal()) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'robots.errors.url';
  }
  if (u.protocol !== 'https:') return 'robots.errors.https';
  // The browser does not see ROBOT_EXTRA_HOSTS: the host is judged on the server, which parses the form again.
  if (typeof window !== 'undefined') return null;
  if (!robotHosts().includes(u.hostname.toLowerCase())) return 'robots.errors.host';
  return null;
}
