import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendMail, smtpConfigured } from './email';

// A real SMTP server on a free local port: the message goes through nodemailer's actual SMTP dialogue.
// The session object is reset after each message, so its envelope is copied while it is current.
type Received = { envelope: SMTPServerSession['envelope']; raw: string };
const servers: SMTPServer[] = [];

async function startServer(extra: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const envelope = structuredClone(session.envelope);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ envelope, raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
    ...extra,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received };
}

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

// Minimal MIME decoding (mailparser is not a dependency): RFC 2047 words in headers, and the
// body's Content-Transfer-Encoding.
const decodeWords = (h: string) =>
  h
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/(=\?UTF-8\?([BQ])\?([^?]*)\?=)(\s+(?==\?))?/gi, (_m, _w, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );

function parse(raw: string) {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at);
  const header = (name: string) =>
    head.match(new RegExp(`^${name}:(.*(?:\\r\\n[ \\t].*)*)`, 'mi'))?.[1]?.trim();
  let body = raw.slice(at + 4);
  const cte = header('Content-Transfer-Encoding')?.toLowerCase();
  if (cte === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  if (cte === 'quoted-printable')
    body = Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  return { header: (name: string) => decodeWords(header(name) ?? ''), body };
}

describe('email channel', () => {
  it('is configured only by SMTP_URL', () => {
    expect(smtpConfigured({})).toBe(false);
    expect(smtpConfigured({ SMTP_URL: '  ' })).toBe(false);
    expect(smtpConfigured({ SMTP_URL: 'smtp://u:p@mail.example.cn:587' })).toBe(true);
  });

  it('delivers a Chinese message through a real SMTP server', async () => {
    const { url, received } = await startServer();
    const subject = '【提醒】本月“三会一课”待完成';
    const text = '请于月底前完成支部委员会记录。\nMARKER-7f3a';
    const { messageId } = await sendMail(
      { to: 'zhang.san@example.cn', subject, text },
      { url, from: '五标 <noreply@example.cn>' },
    );

    expect(messageId).toMatch(/^<.+@.+>$/);
    expect(received).toHaveLength(1);
    const [{ envelope, raw }] = received;
    expect(envelope.rcptTo.map((a) => a.address)).toEqual(['zhang.san@example.cn']);
    expect(envelope.mailFrom && envelope.mailFrom.address).toBe('noreply@example.cn');
    const mail = parse(raw);
    expect(mail.header('From')).toContain('noreply@example.cn');
    expect(mail.header('From')).toContain('五标');
    expect(mail.header('To')).toBe('zhang.san@example.cn');
    expect(mail.header('Subject')).toBe(subject);
    expect(mail.body).toContain('MARKER-7f3a');
    expect(mail.body).toContain('请于月底前完成支部委员会记录。');
  });

  it('accepts ?ignoreTLS=true in the URL (parsed by nodemailer) and defaults the sender', async () => {
    vi.stubEnv('MAIL_FROM', '');
    const { url, received } = await startServer();
    await sendMail({ to: 'li.si@example.cn', subject: 'ok', text: 'ok' }, { url: `${url}?ignoreTLS=true` });
    expect(received).toHaveLength(1);
    expect(parse(received[0].raw).header('From')).toBe('五标 <no-reply@localhost>');
  });

  it('rejects when the server refuses the recipient', async () => {
    const { url, received } = await startServer({
      onRcptTo(_address, _session, cb) {
        cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      },
    });
    await expect(sendMail({ to: 'nobody@example.cn', subject: '测试', text: 'x' }, { url })).rejects.toThrow(
      /550|mailbox unavailable|rejected/,
    );
    expect(received).toHaveLength(0);
  });

  it('throws when SMTP is not configured', async () => {
    vi.stubEnv('SMTP_URL', '');
    await expect(sendMail({ to: 'a@example.cn', subject: 's', text: 't' })).rejects.toThrow(/SMTP_URL/);
  });
});
