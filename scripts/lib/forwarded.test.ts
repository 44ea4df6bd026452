import { once } from 'node:events';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { believeForwarding, foreignAction, plainAddress, trustedPeers } from './forwarded.mjs';

const req = (remoteAddress: string, headers: IncomingHttpHeaders) =>
  ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;

describe('forwarding headers', () => {
  const trusted = trustedPeers('10.0.0.7, ::ffff:10.0.0.8');

  it('from a client: what it forged is dropped and its own address stands', () => {
    const r = req('::ffff:203.0.113.9', {
      'x-forwarded-for': '6.6.6.6',
      'x-real-ip': '6.6.6.6',
      'x-forwarded-host': 'evil.example',
      forwarded: 'for=6.6.6.6',
      host: 'dangjian.example.cn',
    });
    believeForwarding(r, trusted);
    expect(r.headers).toEqual({ 'x-forwarded-for': '203.0.113.9', host: 'dangjian.example.cn' });
  });

  it('from nginx on the same machine or a named proxy: kept as the proxy wrote it', () => {
    for (const peer of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.0.0.7', '10.0.0.8']) {
      const r = req(peer, { 'x-forwarded-for': '6.6.6.6, 198.51.100.4', 'x-forwarded-host': 'a.cn' });
      believeForwarding(r, trusted);
      expect(r.headers['x-forwarded-for']).toBe('6.6.6.6, 198.51.100.4');
      expect(r.headers['x-forwarded-host']).toBe('a.cn');
    }
    expect(trusted('10.0.0.9')).toBe(false);
    // Ranges, and IPv6 in any spelling.
    const ranged = trustedPeers('10.1.0.0/16, FD00:0:0::1');
    expect([ranged('10.1.200.3'), ranged('10.2.0.1'), ranged('fd00::1'), ranged('fd00::2')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(() => trustedPeers('nginx.internal')).toThrow('TRUSTED_PROXY_ADDRESSES');
    expect(plainAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
  });

  it('on a real socket: the address the server saw replaces a forged header', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((r, res) => {
      believeForwarding(r, () => false);
      seen.push(r.headers);
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise((done) =>
      request({ port, host: '127.0.0.1', headers: { 'X-Forwarded-For': '6.6.6.6' } }, (res) => {
        res.resume();
        res.on('end', done);
      }).end(),
    );
    server.close();
    expect(seen[0]!['x-forwarded-for']).toBe('127.0.0.1');
  });
});

describe('a server action from another site', () => {
  const post = (headers: IncomingHttpHeaders) => ({
    method: 'POST',
    url: '/reminders',
    headers: { 'next-action': '7f97', host: '127.0.0.1:3000', ...headers },
  });
  const form = (url: string, type: string) => ({
    method: 'POST',
    url,
    headers: { 'content-type': type, origin: 'http://evil.example', host: '127.0.0.1:3000' },
  });

  it('a multipart form posted to a page from another site is refused; a form to a route handler is not', () => {
    // Next reads a multipart POST to a page as a form's server action and threw on the foreign Origin: a 500.
    expect(foreignAction(form('/login', 'multipart/form-data; boundary=x'))).toBe(true);
    expect(foreignAction(form('/', 'Multipart/Form-Data; boundary=x'))).toBe(true);
    // An identity provider's form_post callback, and any route handler, is the route's own business.
    expect(foreignAction(form('/api/auth/callback/oidc', 'multipart/form-data; boundary=x'))).toBe(false);
    expect(foreignAction(form('/api/auth/callback/oidc', 'application/x-www-form-urlencoded'))).toBe(false);
    // A plain form to a page is served as the page (Next does not read it as an action).
    expect(foreignAction(form('/login', 'application/x-www-form-urlencoded'))).toBe(false);
  });

  it('is refused when its Origin is another host, opaque or unreadable', () => {
    expect(foreignAction(post({ origin: 'http://evil.example' }))).toBe(true);
    expect(foreignAction(post({ origin: 'http://127.0.0.1:9999' }))).toBe(true);
    expect(foreignAction(post({ origin: 'null' }))).toBe(true);
    expect(foreignAction(post({ origin: '::' }))).toBe(true);
  });

  it('passes from the portal itself, behind a proxy too, and leaves everything else alone', () => {
    expect(foreignAction(post({ origin: 'http://127.0.0.1:3000' }))).toBe(false);
    expect(
      foreignAction(
        post({ origin: 'https://DangJian.example.cn', 'x-forwarded-host': 'dangjian.example.cn' }),
      ),
    ).toBe(false);
    // A proxy that forwards the host with its port (:443) while Host says it plainly: Next accepts it, so do we.
    expect(
      foreignAction(
        post({
          origin: 'https://dangjian.example.cn',
          'x-forwarded-host': 'dangjian.example.cn:443',
          host: 'dangjian.example.cn',
        }),
      ),
    ).toBe(false);
    expect(foreignAction(post({}))).toBe(false);
    expect(
      foreignAction({ method: 'POST', url: '/', headers: { origin: 'http://evil.example', host: 'a' } }),
    ).toBe(false);
    expect(
      foreignAction({
        method: 'GET',
        url: '/',
        headers: { 'next-action': 'x', origin: 'http://evil.example' },
      }),
    ).toBe(false);
  });
});
