import { describe, expect, it } from 'vitest';
import { clientIp } from './request-meta';

const h = (xff?: string, real?: string) =>
  new Headers({ ...(xff ? { 'x-forwarded-for': xff } : {}), ...(real ? { 'x-real-ip': real } : {}) });

describe('the client address behind trusted proxies', () => {
  it('takes the entry the nearest trusted proxy wrote, not one the client forged', () => {
    // A client sends "1.1.1.1"; the one nginx in front appends the address it saw.
    expect(clientIp(h('1.1.1.1, 203.0.113.5'), 1)).toBe('203.0.113.5');
    // Two proxies (a load balancer, then nginx): the client is second from the right.
    expect(clientIp(h('1.1.1.1, 203.0.113.5, 10.0.0.2'), 2)).toBe('203.0.113.5');
    // More trusted proxies than entries: the leftmost.
    expect(clientIp(h('203.0.113.5'), 3)).toBe('203.0.113.5');
    // No proxy: the one entry Next set from the socket.
    expect(clientIp(h('127.0.0.1'), 0)).toBe('127.0.0.1');
    expect(clientIp(h(undefined, '198.51.100.1'), 1)).toBe('198.51.100.1');
    expect(clientIp(h(), 1)).toBeNull();
  });
});
