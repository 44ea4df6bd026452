import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { robotRequest, sendRobot, type RobotKind } from './webhook';

// The fake robots below listen on loopback: the outbound guard (lib/channels/outbound.ts) is lifted for this file.
beforeAll(() => {
  process.env.ROBOT_ALLOW_LOCAL = 'true';
});
afterAll(() => {
  delete process.env.ROBOT_ALLOW_LOCAL;
});

const msg = { title: '三会一课提醒', text: '第一党支部 11 月支部委员会尚未记录。' };
const now = 1_764_000_000_123; // fixed ms timestamp

describe('robot request bodies', () => {
  it('WeCom: markdown, URL unchanged, no signing even with a secret', () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc';
    expect(robotRequest('WECOM', { url, secret: 'ignored' }, msg, now)).toEqual({
      url,
      body: {
        msgtype: 'markdown',
        markdown: { content: '**三会一课提醒**\n第一党支部 11 月支部委员会尚未记录。' },
      },
    });
  });

  it('DingTalk: markdown with title; signed URL when a secret is set', () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=tok';
    const body = {
      msgtype: 'markdown',
      markdown: { title: '三会一课提醒', text: '#### 三会一课提醒\n\n第一党支部 11 月支部委员会尚未记录。' },
    };
    expect(robotRequest('DINGTALK', { url, secret: null }, msg, now)).toEqual({ url, body });

    const secret = 'SEC0123456789abcdef';
    const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
    const signed = robotRequest('DINGTALK', { url, secret }, msg, now);
    expect(signed.body).toEqual(body);
    expect(signed.url).toBe(`${url}&timestamp=${now}&sign=${encodeURIComponent(sign)}`);
    expect(new URL(signed.url).searchParams.get('sign')).toBe(sign); // round-trips despite + / =
    expect(new URL(signed.url).searchParams.get('access_token')).toBe('tok');
  });

  it('Feishu: text message; timestamp (seconds) and sign in the body when a secret is set', () => {
    const url = 'https://open.feishu.cn/open-apis/bot/v2/hook/uuid';
    const body = {
      msg_type: 'text',
      content: { text: '三会一课提醒\n第一党支部 11 月支部委员会尚未记录。' },
    };
    expect(robotRequest('FEISHU', { url }, msg, now)).toEqual({ url, body });

    const secret = 'feishu-secret';
    const timestamp = '1764000000';
    const sign = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
    expect(robotRequest('FEISHU', { url, secret }, msg, now)).toEqual({
      url,
      body: { ...body, timestamp, sign },
    });
  });
});

// A real HTTP receiver on a free local port, recording what arrives and answering as configured.
type Hit = { method?: string; path: string; query: URLSearchParams; contentType?: string; body: unknown };
const servers: Server[] = [];

async function receiver(answer: { status?: number; json?: unknown; text?: string }) {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      hits.push({
        method: req.method,
        path: u.pathname,
        query: u.searchParams,
        contentType: req.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(answer.status ?? 200, { 'content-type': answer.text ? 'text/html' : 'application/json' });
      res.end(answer.text ?? JSON.stringify(answer.json));
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

describe('sendRobot against a local receiver', () => {
  it.each<[RobotKind, string, unknown]>([
    ['WECOM', '/cgi-bin/webhook/send?key=k1', { errcode: 0, errmsg: 'ok' }],
    ['DINGTALK', '/robot/send?access_token=t1', { errcode: 0, errmsg: 'ok' }],
    ['FEISHU', '/open-apis/bot/v2/hook/h1', { code: 0, msg: 'success', data: {} }],
    ['FEISHU', '/open-apis/bot/v2/hook/h2', { StatusCode: 0, StatusMessage: 'success', Extra: null }],
  ])('%s %s arrives as JSON with the signature', async (kind, path, json) => {
    const { base, hits } = await receiver({ json });
    const before = Date.now();
    await sendRobot(kind, { url: base + path, secret: kind === 'WECOM' ? null : 's3cret' }, msg);
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit.method).toBe('POST');
    expect(hit.contentType).toMatch(/^application\/json/);
    expect(hit.path).toBe(path.split('?')[0]);
    if (kind === 'WECOM') expect(hit.query.get('key')).toBe('k1');
    if (kind === 'DINGTALK') {
      const ts = hit.query.get('timestamp')!;
      expect(Number(ts)).toBeGreaterThanOrEqual(before);
      expect(hit.query.get('access_token')).toBe('t1');
      expect(hit.query.get('sign')).toBe(
        createHmac('sha256', 's3cret').update(`${ts}\ns3cret`).digest('base64'),
      );
    }
    if (kind === 'FEISHU') {
      const body = hit.body as { timestamp: string; sign: string; msg_type: string };
      expect(body.msg_type).toBe('text');
      expect(body.sign).toBe(createHmac('sha256', `${body.timestamp}\ns3cret`).update('').digest('base64'));
    }
    const { body: expected } = robotRequest(kind, { url: base + path }, msg);
    expect(hit.body).toMatchObject(expected as object);
  });

  it('rejects with the platform message when the reply reports an error', async () => {
    const { base } = await receiver({ json: { errcode: 310000, errmsg: 'sign not match' } });
    await expect(
      sendRobot('DINGTALK', { url: `${base}/robot/send?access_token=t`, secret: 'x' }, msg),
    ).rejects.toThrow('sign not match');
    const feishu = await receiver({
      json: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' },
    });
    await expect(sendRobot('FEISHU', { url: `${feishu.base}/hook`, secret: 'x' }, msg)).rejects.toThrow(
      /19021 sign match fail/,
    );
  });

  it('rejects on HTTP 500 and on a non-JSON 200', async () => {
    const { base } = await receiver({ status: 500, text: '<html>Internal Server Error</html>' });
    await expect(sendRobot('WECOM', { url: `${base}/send?key=k` }, msg)).rejects.toThrow(/HTTP 500/);
    const html = await receiver({ text: '<html>captive portal</html>' });
    await expect(sendRobot('WECOM', { url: `${html.base}/send?key=k` }, msg)).rejects.toThrow(
      /unexpected reply|captive/,
    );
  });
});
