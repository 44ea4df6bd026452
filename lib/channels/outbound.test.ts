import { afterEach, describe, expect, it } from 'vitest';
import { assertRobotTarget, privateAddress } from './outbound';
import { robotUrlProblem } from './robot-hosts';
import { sendRobot } from './webhook';

const resolveTo = (...ips: string[]) =>
  (async () => ips.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))) as never;

afterEach(() => {
  delete process.env.ROBOT_ALLOW_LOCAL;
  delete process.env.ROBOT_EXTRA_HOSTS;
});

describe('where robot messages may go', () => {
  it('only the documented platforms over https, more hosts only by setting', () => {
    expect(robotUrlProblem('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k')).toBeNull();
    expect(robotUrlProblem('https://open.feishu.cn/open-apis/bot/v2/hook/x')).toBeNull();
    expect(robotUrlProblem('http://oapi.dingtalk.com/robot/send')).toBe('robots.errors.https');
    expect(robotUrlProblem('https://evil.example.com/send')).toBe('robots.errors.host');
    expect(robotUrlProblem('https://169.254.169.254/latest/meta-data')).toBe('robots.errors.host');
    process.env.ROBOT_EXTRA_HOSTS = 'robot.corp.example.cn';
    expect(robotUrlProblem('https://robot.corp.example.cn/send')).toBeNull();
  });

  it('refuses private, loopback and metadata addresses after DNS', async () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.5',
      '172.16.3.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      // The same addresses inside IPv6 forms that carry an IPv4 address.
      '::ffff:7f00:1',
      '::10.0.0.5',
      '64:ff9b::a9fe:a9fe',
      '64:ff9b::192.168.1.1',
      '2002:c0a8:0101::1',
      '2001:0:4136:e378::1',
      'fe80::1%eth0',
      '::',
      'not-an-address',
    ])
      expect(privateAddress(ip), ip).toBe(true);
    for (const ip of [
      '101.226.0.1',
      '8.8.8.8',
      '2408:8000::1',
      '64:ff9b::808:808',
      '2002:0808:0808::1',
      '240e::1',
    ])
      expect(privateAddress(ip), ip).toBe(false);
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=t';
    // A platform name that an attacker's DNS points inside the network.
    await expect(assertRobotTarget(url, resolveTo('203.119.0.1', '10.1.1.1'))).rejects.toThrow(/private/);
    await expect(assertRobotTarget(url, resolveTo('203.119.0.1'))).resolves.toBeUndefined();
  });

  it('does not follow a redirect', async () => {
    process.env.ROBOT_ALLOW_LOCAL = 'true';
    const seen: RequestInit[] = [];
    const fake = (async (_url: string, init: RequestInit) => {
      seen.push(init);
      return new Response('', { status: 302, headers: { location: 'http://127.0.0.1:9/admin' } });
    }) as unknown as typeof fetch;
    await expect(
      sendRobot(
        'WECOM',
        { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' },
        { title: 't', text: 'x' },
        fake,
      ),
    ).rejects.toThrow('redirect refused');
    expect(seen[0]!.redirect).toBe('manual');
  });
});
