/**
 * The 发展党员 procedure's date checks (《中国共产党发展党员工作细则》2014); pure, dates 'YYYY-MM-DD'.
 *   第七条  党组织 talks with an applicant within one month of the application;
 *   第十三条 an activist is trained and observed for more than a year before becoming a 发展对象;
 *   第十九条 发展对象 attend 短期集中培训 of at least 3 days (or 24 学时);
 *   第十八条 政治审查 before admission; its conclusion is current for `reviewMonths` (a company setting, default 12);
 *   第二十四条 the 基层党委 approves within 3 months of the 支部大会 (special cases up to 6);
 *   第二十七/二十八条 预备期 of one year, then a 转正 decision; an extension is 6 months to 1 year at most.
 * A 发展对象 whose project ends within 3 months is flagged, so the procedure is not broken by the move.
 */
import { addMonths } from '../calendar';

export type DevelopmentPerson = {
  status: string | null;
  appliedOn: string | null;
  talkOn: string | null;
  activistOn: string | null;
  candidateOn: string | null;
  trainingDays: number | null;
  trainingHours: number | null;
  politicalReviewOn: string | null;
  admittedOn: string | null;
  approvedOn: string | null;
  fullOn: string | null;
  probationExtendedMonths: number | null;
  /** The end (actual, else planned) of the project the person works on. */
  projectEnd: string | null;
};
export type Violation = { key: string; severe: boolean; params: Record<string, string | number> };

export const DEVELOPMENT_STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY'] as const;

export function developmentViolations(p: DevelopmentPerson, today: string, reviewMonths = 12): Violation[] {
  const out: Violation[] = [];
  const v = (key: string, severe: boolean, params: Record<string, string | number> = {}) =>
    out.push({ key, severe, params });
  if (p.appliedOn) {
    const due = addMonths(p.appliedOn, 1);
    if (p.talkOn ? p.talkOn > due : p.status === 'APPLICANT' && today > due)
      v('talkLate', false, { applied: p.appliedOn, due, talk: p.talkOn ?? '—' });
  }
  if (p.activistOn && p.candidateOn && p.candidateOn < addMonths(p.activistOn, 12))
    v('candidateTooEarly', true, { activist: p.activistOn, candidate: p.candidateOn });
  const trained = p.trainingDays !== null || p.trainingHours !== null;
  if (trained && (p.trainingDays ?? 0) < 3 && (p.trainingHours ?? 0) < 24)
    v('trainingShort', true, { days: p.trainingDays ?? 0, hours: p.trainingHours ?? 0 });
  if (p.status === 'PROBATIONARY' || p.status === 'FULL') {
    if (p.politicalReviewOn && p.admittedOn && p.politicalReviewOn < addMonths(p.admittedOn, -reviewMonths))
      v('reviewStale', true, { review: p.politicalReviewOn, admitted: p.admittedOn });
  }
  if (
    p.status === 'CANDIDATE' &&
    p.politicalReviewOn &&
    p.politicalReviewOn < addMonths(today, -reviewMonths)
  )
    v('reviewExpired', false, { review: p.politicalReviewOn, months: reviewMonths });
  if (p.admittedOn && (p.status === 'PROBATIONARY' || p.status === 'FULL')) {
    const due = addMonths(p.admittedOn, 3);
    const max = addMonths(p.admittedOn, 6);
    const at = p.approvedOn ?? (p.status === 'PROBATIONARY' ? today : null);
    if (at && at > max) v('approvalOverMax', true, { admitted: p.admittedOn, max });
    else if (at && at > due && (p.approvedOn || p.status === 'PROBATIONARY'))
      v('approvalLate', false, { admitted: p.admittedOn, due });
  }
  if (p.probationExtendedMonths !== null && p.probationExtendedMonths > 12)
    v('extensionTooLong', true, { months: p.probationExtendedMonths });
  if (p.status === 'PROBATIONARY' && p.admittedOn) {
    const end = addMonths(p.admittedOn, 12 + Math.min(p.probationExtendedMonths ?? 0, 12));
    if (end < today) v('fullOverdue', true, { end });
  }
  if (
    p.status === 'CANDIDATE' &&
    p.projectEnd &&
    p.projectEnd >= today &&
    p.projectEnd <= addMonths(today, 3)
  )
    v('projectClosing', false, { end: p.projectEnd });
  return out;
}
