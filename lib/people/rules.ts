import { addMonths } from '../calendar';

/**
 * 人员 rules that need no database: the order of 党内身份, which dates go with which status, the date checks
 * of the roster (and of its import), and masking personal data. Dates are 'YYYY-MM-DD' strings.
 */
export const PARTY_STATUSES = [
  'APPLICANT',
  'ACTIVIST',
  'CANDIDATE',
  'PROBATIONARY',
  'FULL',
  'MASSES',
] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];
export const PARTY_POSTS = [
  'SECRETARY',
  'DEPUTY_SECRETARY',
  'ORGANIZATION',
  'PROPAGANDA',
  'DISCIPLINE',
  'YOUTH',
  'COMMITTEE_MEMBER',
  'GROUP_LEADER',
] as const;
export type PartyPost = (typeof PARTY_POSTS)[number];
/** 支部委员会 members: every elected post but 党小组长. */
export const COMMITTEE_POSTS: readonly PartyPost[] = PARTY_POSTS.filter((p) => p !== 'GROUP_LEADER');
export const GENDERS = ['MALE', 'FEMALE'] as const;
export const EDUCATIONS = ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'] as const;
/** The message key of each 学历 (stored as written in the company's sheets). */
export const EDUCATION_KEYS: Record<string, string> = {
  研究生: 'postgraduate',
  大学本科: 'bachelor',
  大学专科: 'college',
  中专: 'secondary',
  高中: 'highSchool',
  初中及以下: 'juniorOrBelow',
};

/** The stage dates in the order the 发展党员 procedure reaches them. */
export const STAGE_DATES = ['appliedOn', 'activistOn', 'candidateOn', 'admittedOn', 'fullOn'] as const;
export type StageDate = (typeof STAGE_DATES)[number];

/** How far along the procedure each status is: the stage dates it may carry (later ones must be empty). */
const REACHED: Record<PartyStatus, number> = {
  MASSES: 1, // a 群众 may have applied (入党申请人 not yet recorded as such)
  APPLICANT: 1,
  ACTIVIST: 2,
  CANDIDATE: 3,
  PROBATIONARY: 4,
  FULL: 5,
};

/** Members with voting rights and the counts of the roster: 正式党员 and 预备党员 are 党员; the rest are not. */
export const isMember = (s: PartyStatus | null | undefined) => s === 'FULL' || s === 'PROBATIONARY';

export const CHECKPOINT_DATES = ['talkOn', 'politicalReviewOn', 'approvedOn'] as const;
type CheckpointDate = (typeof CHECKPOINT_DATES)[number];
export type DateFields = Partial<Record<StageDate | CheckpointDate | 'birthDate', string | undefined>>;
/** A person's dates ("YYYY-MM-DD" or absent) as the database holds them (UTC midnight, or null). */
export function personDays(d: DateFields) {
  const day = (v?: string) => (v ? new Date(`${v}T00:00:00Z`) : null);
  const out = { birthDate: day(d.birthDate) } as Record<
    StageDate | CheckpointDate | 'birthDate',
    Date | null
  >;
  for (const k of [...STAGE_DATES, ...CHECKPOINT_DATES]) out[k] = day(d[k]);
  return out;
}
export type DateIssue = {
  field: StageDate | CheckpointDate | 'birthDate';
  key: string;
  params?: Record<string, string>;
};

const addYears = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`;

/**
 * The date checks of a person: no future dates; the procedure's dates in order (积极分子 not before 申请,
 * 转正 not before 接收); no date beyond the person's status; a 预备党员 has the 支部大会 date; an applicant
 * is at least 18 on the day of application (党章 第一条).
 */
export function personDateIssues(
  v: DateFields & { status?: PartyStatus | null },
  today: string,
): DateIssue[] {
  const issues: DateIssue[] = [];
  for (const f of ['birthDate', ...STAGE_DATES, ...CHECKPOINT_DATES] as const) {
    const d = v[f];
    if (d && d > today) issues.push({ field: f, key: 'people.errors.futureDate' });
  }
  let last: { field: StageDate; day: string } | undefined;
  for (const f of STAGE_DATES) {
    const d = v[f];
    if (!d) continue;
    if (last && d < last.day)
      issues.push({ field: f, key: 'people.errors.dateOrder', params: { before: last.field } });
    last = { field: f, day: d };
  }
  if (v.status) {
    const reached = REACHED[v.status];
    STAGE_DATES.forEach((f, i) => {
      if (i >= reached && v[f]) issues.push({ field: f, key: 'people.errors.dateBeyondStatus' });
    });
    if (v.status === 'PROBATIONARY' && !v.admittedOn)
      issues.push({ field: 'admittedOn', key: 'people.errors.admittedRequired' });
  }
  // The talk follows the application; the committee's approval follows the 支部大会.
  if (v.talkOn && v.appliedOn && v.talkOn < v.appliedOn)
    issues.push({ field: 'talkOn', key: 'people.errors.dateOrder', params: { before: 'appliedOn' } });
  if (v.approvedOn && v.admittedOn && v.approvedOn < v.admittedOn)
    issues.push({ field: 'approvedOn', key: 'people.errors.dateOrder', params: { before: 'admittedOn' } });
  if (v.birthDate && v.appliedOn && v.appliedOn < addYears(v.birthDate, 18))
    issues.push({ field: 'appliedOn', key: 'people.errors.under18' });
  return issues;
}

/** 138****5678: the first three and last four digits of a mobile number; shorter numbers keep the last two. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const p = phone.trim();
  if (p.length >= 11) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  if (p.length <= 2) return '*'.repeat(p.length);
  return `${'*'.repeat(p.length - 2)}${p.slice(-2)}`;
}

export type NextStep = {
  key: 'record' | 'talk' | 'candidate' | 'admit' | 'full';
  due?: string;
  overdue?: boolean;
};

/**
 * What is due next for a person in the 发展党员 procedure (《中国共产党发展党员工作细则》): 谈话 within a month of
 * the application (第七条); 发展对象 after more than a year as 积极分子 (第十三条); 转正 when the year of 预备期
 * ends (第二十七条). 正式党员 and 群众 have nothing due; a person without a status is to be recorded.
 */
export function nextStep(
  p: { status: PartyStatus | null } & Partial<Record<StageDate, string | null>>,
  today: string,
): NextStep | null {
  const step = (key: NextStep['key'], due?: string | null): NextStep =>
    due ? { key, due, overdue: due < today } : { key };
  switch (p.status) {
    case null:
      return { key: 'record' };
    case 'APPLICANT':
      return step('talk', p.appliedOn ? addMonths(p.appliedOn, 1) : null);
    case 'ACTIVIST': {
      const s = step('candidate', p.activistOn ? addYears(p.activistOn, 1) : null);
      // Not before a year: the date is the earliest, not a deadline.
      return { key: s.key, due: s.due };
    }
    case 'CANDIDATE':
      return { key: 'admit' };
    case 'PROBATIONARY':
      return step('full', p.admittedOn ? addYears(p.admittedOn, 1) : null);
    default:
      return null;
  }
}
