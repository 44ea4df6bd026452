import { describe, expect, it } from 'vitest';
import { canonicalJson, eventHash, GENESIS_HASH, type HashedFields } from './audit-log';

const e: HashedFields = {
  at: new Date('2026-11-25T01:02:03.456Z'),
  actorId: 'u1',
  actorName: '张三',
  action: 'org.create',
  entityType: 'Organization',
  entityId: 'o1',
  orgPath: '/r/o1/',
  before: null,
  after: { name: '第一党小组', sortOrder: 1 },
  ip: '10.0.0.1',
  userAgent: 'test',
};

describe('trace hashing', () => {
  it('is stable under key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(eventHash(GENESIS_HASH, e)).toBe(
      eventHash(GENESIS_HASH, { ...e, after: { sortOrder: 1, name: '第一党小组' } }),
    );
  });
  it('changes when any field or the previous hash changes', () => {
    const h = eventHash(GENESIS_HASH, e);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS_HASH, { ...e, actorName: '李四' })).not.toBe(h);
    expect(eventHash(GENESIS_HASH, { ...e, after: { name: '第二党小组', sortOrder: 1 } })).not.toBe(h);
    expect(eventHash(GENESIS_HASH, { ...e, at: new Date(e.at.getTime() + 1) })).not.toBe(h);
    expect(eventHash(h, e)).not.toBe(h);
  });
  it('never carries secrets', () => {
    expect(canonicalJson({ name: 'x', passwordHash: 'secret', nested: { password: 'p' } })).toBe(
      '{"name":"x","nested":{}}',
    );
  });
});
