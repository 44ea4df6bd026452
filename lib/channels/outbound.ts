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
  const v6 = ip.toLowerCase();
  if (v6.startsWith('::ffff:')) return privateAddress(v6.slice(7));
  return (
    v6 === '::' ||
    v6 === '::1' ||
    v6.startsWith('fc') ||
    v6.startsWith('fd') ||
    v6.startsWith('fe8') ||
    v6.startsWith('fe9') ||
    v6.startsWith('fea') ||
    v6.startsWith('feb') ||
    v6.startsWith('ff')
  );
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
