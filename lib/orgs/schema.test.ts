import { describe, expect, it } from 'vitest';
import { ZCreateOrg } from './schema';

const base = { parentId: '00000000-0000-4000-8000-000000000001', name: '江州地铁项目党支部', type: 'BRANCH' };
const issues = (v: object) => {
  const r = ZCreateOrg.safeParse({ ...base, ...v });
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('a project site', () => {
  it('is optional, given as both coordinates, each in range', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ siteLatitude: '', siteLongitude: '' })).toEqual([]);
    expect(ZCreateOrg.parse({ ...base, siteLatitude: '30.5728', siteLongitude: '104.0668' })).toMatchObject({
      siteLatitude: 30.5728,
      siteLongitude: 104.0668,
    });
    expect(issues({ siteLatitude: '30.5' })).toEqual([['siteLongitude', 'photos.site.errors.pair']]);
    expect(issues({ siteLatitude: '91', siteLongitude: '104' })).toEqual([
      ['siteLatitude', 'photos.site.errors.latitude'],
    ]);
    expect(issues({ siteLatitude: '30', siteLongitude: 'east' })).toEqual([
      ['siteLongitude', 'photos.site.errors.longitude'],
    ]);
  });
});
