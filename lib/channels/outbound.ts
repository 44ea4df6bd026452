/**
 * Where the portal may post group-robot messages: only the documented platform hosts (WeCom qyapi.weixin.qq.com,
 * DingTalk oapi.dingtalk.com, Feishu/Lark open.feishu.cn / open.larksuite.com) over https, plus hosts a deployer
 * adds in ROBOT_EXTRA_HOSTS (comma-separated); the name must resolve to public addresses only (loopback, private,
 * link-local, CGNAT, multicast and unspecified refused after DNS), and redirects are not followed (sendRobot).
 * ROBOT_ALLOW_LOCAL=true lifts all of it for tests that run a fake robot on loopback.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { allowLocal, robotUrlProblem } from './robot-hosts';

/** Whether an address is one a robot must never be sent to (not on the public internet). */
export function privateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const h = expandV6(ip);
  if (!h) return true; // not an address we can read: refuse
  const [a, b] = h;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (n: number) => h.slice(0, n).every((x) => x === 0);
  // Forms that carry an IPv4 address inside: judged by that address.
  if (zero(5) && h[5] === 0xffff) return privateAddress(v4(h[6]!, h[7]!)); // ::ffff:a.b.c.d (mapped)
  if (zero(6)) return h[6] === 0 && h[7]! <= 1 ? true : privateAddress(v4(h[6]!, h[7]!)); // ::, ::1, ::a.b.c.d
  if (a === 0x64 && b === 0xff9b) return privateAddress(v4(h[6]!, h[7]!)); // NAT64 64:ff9b::/96 (and /48)
  if (a === 0x2002) return privateAddress(v4(h[1]!, h[2]!)); // 6to4 2002:AABB:CCDD::
  return (
    (a & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (a & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (a & 0xff00) === 0xff00 || // multicast
    (a === 0x2001 && b === 0) || // Teredo 2001::/32
    (a === 0x2001 && b === 0xdb8) || // documentation
    (a === 0x100 && zero(4)) // 100::/64 discard
  );
}

/** The eight 16-bit groups of an IPv6 address (with an IPv4 tail read as two groups), or null. */
function expandV6(ip: string): number[] | null {
  let s = ip.toLowerCase().split('%')[0]!;
  const tail = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    const p = tail[1]!.split('.').map(Number);
    s =
      s.slice(0, -tail[1]!.length) +
      `${((p[0]! << 8) | p[1]!).toString(16)}:${((p[2]! << 8) | p[3]!).toString(16)}`;
  }
  const [head, rest] = s.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const fill = rest === undefined ? 0 : 8 - left.length - right.length;
  if (fill < 0) return null;
  const groups = [...left, ...Array(fill).fill('0'), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : null;
}

/** Checks the URL and where its host resolves now; throws (the job retries or fails) if it may not be posted to. */
export async function assertRobotTarget(url: string, resolve = lookup): Promise<void> {
  const problem = robotUrlProblem(url);
  if (problem) throw new Error(`robot target refused: ${problem}`);
  if (allowLocal()) return;
  const addresses = await resolve(new URL(url).hostname, { all: true });
  if (!addresses.length || addresses.some((a) => privateAddress(a.address)))
    throw new Error('robot target refused: resolves to a private or loopback address');
}
