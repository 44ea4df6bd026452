import { describe, expect, it } from 'vitest';
import { addMonths } from '../calendar';
import { maskPhone, nextStep, personDateIssues, type DateFields } from './rules';

const TODAY = '2026-11-30';
const keys = (v: Parameters<typeof personDateIssues>[0]) =>
  personDateIssues(v, TODAY).map((i) => `${i.field}:${i.key.split('.').pop()}`);

const full: DateFields = {
  birthDate: '1990-05-01',
  appliedOn: '2015-03-10',
  activistOn: '2015-09-01',
  candidateOn: '2016-10-08',
  admittedOn: '2017-04-20',
  fullOn: '2018-04-23',
};

describe('person dates', () => {
  it('accepts a full member whose dates follow the procedure', () => {
    expect(keys({ ...full, status: 'FULL' })).toEqual([]);
  });

  it('refuses dates after today, naming each', () => {
    expect(keys({ status: 'APPLICANT', appliedOn: '2026-12-01', birthDate: '2000-01-01' })).toEqual([
      'appliedOn:futureDate',
    ]);
    expect(keys({ status: 'MASSES', birthDate: '2027-01-01' })).toEqual(['birthDate:futureDate']);
    expect(keys({ status: 'APPLICANT', appliedOn: TODAY, birthDate: '2000-01-01' })).toEqual([]);
  });

  it('refuses 转正 before 接收 and 积极分子 before 申请', () => {
    expect(keys({ ...full, status: 'FULL', fullOn: '2017-04-19' })).toEqual(['fullOn:dateOrder']);
    expect(keys({ ...full, status: 'FULL', activistOn: '2015-03-09' })).toEqual(['activistOn:dateOrder']);
  });

  it('refuses a date the status has not reached', () => {
    expect(keys({ ...full, status: 'ACTIVIST' })).toEqual([
      'candidateOn:dateBeyondStatus',
      'admittedOn:dateBeyondStatus',
      'fullOn:dateBeyondStatus',
    ]);
    expect(keys({ status: 'MASSES', appliedOn: '2020-01-01' })).toEqual([]);
    expect(keys({ status: 'MASSES', activistOn: '2020-01-01' })).toEqual(['activistOn:dateBeyondStatus']);
  });

  it('a probationary member needs the date of the branch meeting', () => {
    expect(keys({ status: 'PROBATIONARY' })).toEqual(['admittedOn:admittedRequired']);
    expect(keys({ status: 'PROBATIONARY', admittedOn: '2026-06-01' })).toEqual([]);
  });

  it('an applicant is 18 on the day of application', () => {
    expect(keys({ status: 'APPLICANT', birthDate: '2008-05-02', appliedOn: '2026-05-01' })).toEqual([
      'appliedOn:under18',
    ]);
    expect(keys({ status: 'APPLICANT', birthDate: '2008-05-01', appliedOn: '2026-05-01' })).toEqual([]);
  });
});

describe('what is due next', () => {
  it('an applicant is talked to within a month of applying (细则 第七条)', () => {
    expect(nextStep({ status: 'APPLICANT', appliedOn: '2026-11-10' }, TODAY)).toEqual({
      key: 'talk',
      due: '2026-12-10',
      overdue: false,
    });
    expect(nextStep({ status: 'APPLICANT', appliedOn: '2026-10-29' }, TODAY)?.overdue).toBe(true);
  });

  it('an activist may become a candidate after a year, never overdue', () => {
    expect(nextStep({ status: 'ACTIVIST', activistOn: '2025-03-01' }, TODAY)).toEqual({
      key: 'candidate',
      due: '2026-03-01',
    });
  });

  it('a probationary member is due for 转正 a year after the branch meeting', () => {
    expect(nextStep({ status: 'PROBATIONARY', admittedOn: '2025-10-27' }, TODAY)).toEqual({
      key: 'full',
      due: '2026-10-27',
      overdue: true,
    });
  });

  it('full members and non-members have nothing due; an unrecorded person is to be recorded', () => {
    expect(nextStep({ status: 'FULL' }, TODAY)).toBeNull();
    expect(nextStep({ status: 'MASSES' }, TODAY)).toBeNull();
    expect(nextStep({ status: null }, TODAY)).toEqual({ key: 'record' });
  });

  it('adds months without running past the end of a short month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', -13)).toBe('2025-10-30');
  });
});

describe('masking', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0571-8888')).toBe('*******88');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBeNull();
  });
});
