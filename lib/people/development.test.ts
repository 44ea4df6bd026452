import { describe, expect, it } from 'vitest';
import { developmentViolations, type DevelopmentPerson } from './development';

const TODAY = '2026-11-30';
const none: DevelopmentPerson = {
  status: 'FULL',
  appliedOn: null,
  talkOn: null,
  activistOn: null,
  candidateOn: null,
  trainingDays: null,
  trainingHours: null,
  politicalReviewOn: null,
  admittedOn: null,
  approvedOn: null,
  fullOn: null,
  probationExtendedMonths: null,
  projectEnd: null,
};
const keys = (p: Partial<DevelopmentPerson>) =>
  developmentViolations({ ...none, ...p }, TODAY).map((v) => v.key);

describe('发展党员 date checks (细则)', () => {
  it('a talk within a month of the application', () => {
    expect(keys({ status: 'APPLICANT', appliedOn: '2026-11-10' })).toEqual([]);
    expect(keys({ status: 'APPLICANT', appliedOn: '2026-10-20' })).toEqual(['talkLate']);
    expect(keys({ status: 'ACTIVIST', appliedOn: '2026-01-05', talkOn: '2026-02-05' })).toEqual([]);
    expect(keys({ status: 'ACTIVIST', appliedOn: '2026-01-05', talkOn: '2026-02-06' })).toEqual(['talkLate']);
  });

  it('a 发展对象 only after a year as an activist (9 months is a violation)', () => {
    expect(keys({ status: 'CANDIDATE', activistOn: '2025-11-01', candidateOn: '2026-08-01' })).toEqual([
      'candidateTooEarly',
    ]);
    expect(keys({ status: 'CANDIDATE', activistOn: '2025-08-01', candidateOn: '2026-08-01' })).toEqual([]);
  });

  it('training of at least 3 days or 24 学时', () => {
    expect(keys({ status: 'CANDIDATE', trainingDays: 2, trainingHours: 16 })).toEqual(['trainingShort']);
    expect(keys({ status: 'CANDIDATE', trainingDays: 2, trainingHours: 24 })).toEqual([]);
    expect(keys({ status: 'CANDIDATE', trainingDays: 3 })).toEqual([]);
  });

  it('a 政审 older than its validity', () => {
    expect(keys({ status: 'CANDIDATE', politicalReviewOn: '2025-11-29' })).toEqual(['reviewExpired']);
    expect(keys({ status: 'CANDIDATE', politicalReviewOn: '2025-12-01' })).toEqual([]);
    expect(
      keys({
        status: 'PROBATIONARY',
        politicalReviewOn: '2025-01-01',
        admittedOn: '2026-03-01',
        approvedOn: '2026-04-01',
      }),
    ).toEqual(['reviewStale']);
  });

  it('the committee approves within 3 months of the 支部大会, 6 at most', () => {
    expect(keys({ status: 'PROBATIONARY', admittedOn: '2026-06-01', approvedOn: '2026-08-20' })).toEqual([]);
    expect(keys({ status: 'PROBATIONARY', admittedOn: '2026-06-01', approvedOn: '2026-09-20' })).toEqual([
      'approvalLate',
    ]);
    expect(keys({ status: 'PROBATIONARY', admittedOn: '2026-04-01', approvedOn: '2026-10-20' })).toEqual([
      'approvalOverMax',
    ]);
    expect(keys({ status: 'PROBATIONARY', admittedOn: '2026-10-01' })).toEqual([]);
    expect(keys({ status: 'PROBATIONARY', admittedOn: '2026-07-01' })).toEqual(['approvalLate']);
  });

  it('a 预备期 ending without 转正, and an extension over a year', () => {
    expect(keys({ status: 'PROBATIONARY', admittedOn: '2025-10-27', approvedOn: '2025-11-20' })).toEqual([
      'fullOverdue',
    ]);
    expect(
      keys({
        status: 'PROBATIONARY',
        admittedOn: '2025-10-27',
        approvedOn: '2025-11-20',
        probationExtendedMonths: 6,
      }),
    ).toEqual([]);
    expect(
      keys({
        status: 'PROBATIONARY',
        admittedOn: '2025-10-27',
        approvedOn: '2025-11-20',
        probationExtendedMonths: 18,
      }),
    ).toEqual(['extensionTooLong']);
  });

  it('warns when a 发展对象’s project closes within 3 months', () => {
    expect(keys({ status: 'CANDIDATE', projectEnd: '2027-01-31' })).toEqual(['projectClosing']);
    expect(keys({ status: 'CANDIDATE', projectEnd: '2027-06-30' })).toEqual([]);
  });
});
