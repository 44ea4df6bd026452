import { describe, expect, it } from 'vitest';
import { extensionProblem, lifecycleFindings, termEnd, type LifecycleOrg } from './lifecycle';

const TODAY = '2026-11-30';
const branch: LifecycleOrg = {
  type: 'BRANCH',
  status: 'ACTIVE',
  temporary: false,
  jointUnits: null,
  projectPlannedStart: '2025-01-01',
  projectPlannedEnd: '2027-12-31',
  projectActualStart: '2025-01-10',
  projectActualEnd: null,
  setupRequestedOn: '2025-01-15',
  setupApprovedOn: '2025-02-01',
  termStart: '2025-02-20',
  termYears: null,
  termExtendedTo: null,
};
const keys = (o: Partial<LifecycleOrg>, full: number, committee = 0) =>
  lifecycleFindings({ ...branch, ...o }, { full, committee }, TODAY).map((f) => f.key);

describe('setting up a project branch', () => {
  const preparing = { status: 'PREPARING', setupRequestedOn: null, setupApprovedOn: null, termStart: null };
  it('3 or more 正式党员: request within 15 days of the start, overdue after', () => {
    const f = lifecycleFindings(
      { ...branch, ...preparing, projectActualStart: '2026-11-01' },
      { full: 3, committee: 0 },
      TODAY,
    );
    expect(f).toEqual([{ key: 'requestBranch', tone: 'overdue', params: { due: '2026-11-16', full: 3 } }]);
    expect(
      lifecycleFindings(
        { ...branch, ...preparing, projectActualStart: '2026-11-20' },
        { full: 3, committee: 0 },
        TODAY,
      )[0]?.tone,
    ).toBe('warn');
  });
  it('fewer than 3: a joint branch; a project under 6 months: a temporary branch', () => {
    expect(keys({ ...preparing, projectActualStart: '2026-11-01' }, 2)).toEqual(['suggestJoint']);
    expect(
      keys(
        {
          ...preparing,
          projectPlannedStart: '2026-11-01',
          projectPlannedEnd: '2027-03-31',
          projectActualStart: '2026-11-01',
        },
        4,
      ),
    ).toEqual(['requestTemporary']);
  });
  it('the parent answers within a month of the request', () => {
    const f = lifecycleFindings(
      { ...branch, ...preparing, projectActualStart: '2026-10-01', setupRequestedOn: '2026-10-10' },
      { full: 5, committee: 0 },
      TODAY,
    );
    expect(f).toEqual([{ key: 'approvalDue', tone: 'overdue', params: { due: '2026-11-10' } }]);
  });
});

describe('committee and term', () => {
  it('7 or more 正式党员 need a committee of at least 3; fewer have a secretary only', () => {
    expect(keys({}, 7, 1)).toEqual(['committeeRequired']);
    expect(keys({}, 7, 3)).toEqual([]);
    expect(keys({}, 6, 3)).toEqual(['noCommitteeBelow7']);
    expect(keys({}, 20, 8)).toEqual(['committeeTooLarge']);
  });
  it('a branch serves 3 years, a committee 5; reminded from 180 days before; overdue after', () => {
    expect(termEnd(branch)).toBe('2028-02-20');
    expect(termEnd({ ...branch, type: 'COMMITTEE' })).toBe('2030-02-20');
    expect(termEnd({ ...branch, termYears: 2 })).toBe('2027-02-20');
    expect(
      lifecycleFindings({ ...branch, termStart: '2024-02-13' }, { full: 7, committee: 3 }, TODAY),
    ).toEqual([{ key: 'termSoon', tone: 'warn', params: { end: '2027-02-13', days: 75 } }]);
    expect(keys({ termStart: '2023-11-01' }, 7, 3)).toEqual(['termOverdue']);
    expect(keys({ termStart: '2023-11-01', termExtendedTo: '2027-01-01' }, 7, 3)).toEqual(['termSoon']);
  });
  it('an extension is later than the end and at most a year later', () => {
    expect(extensionProblem(branch, '2028-02-19')).toBe('orgs.lifecycle.errors.extensionNotLater');
    expect(extensionProblem(branch, '2029-02-20')).toBeNull();
    expect(extensionProblem(branch, '2029-02-21')).toBe('orgs.lifecycle.errors.extensionTooLong');
    expect(extensionProblem({ ...branch, termStart: null }, '2029-01-01')).toBe(
      'orgs.lifecycle.errors.noTerm',
    );
  });
  it('a temporary branch has no term and no committee rules', () => {
    expect(keys({ temporary: true, termStart: '2020-01-01' }, 9, 0)).toEqual(['temporary']);
  });
});
