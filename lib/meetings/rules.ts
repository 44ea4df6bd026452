import { addMonths } from '../calendar';
import { COMMITTEE_POSTS, type PartyPost, type PartyStatus } from '../people/rules';

/**
 * 会议记录 rules that need no database: who should attend a meeting of each kind, whether it could validly
 * decide, whether its resolutions passed, and who must 补学. Sources:
 * - 《中国共产党支部工作条例（试行）》: 支部党员大会 decides with more than half of the members with voting rights
 *   present, and a resolution passes with yes votes from more than half of the voting members who should attend;
 *   支部委员会会议 needs more than half of its members present.
 * - 《中国共产党基层组织选举工作条例》: an election is valid when more than four fifths of the voters who should
 *   attend are present; members away for work or study (外出流动) are not counted in 应到会 (with the superior's
 *   consent, which the clerk's "外出流动" asserts).
 * - 《中国共产党章程》第五条/第七条: 预备党员 have no vote.
 */
export const MEETING_KINDS = [
  'GENERAL_ASSEMBLY',
  'COMMITTEE',
  'GROUP',
  'PARTY_LECTURE',
  'THEME_DAY',
  'ORG_LIFE',
  'DEMOCRATIC_REVIEW',
  'HEART_TALK',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const ATTENDANCE_STATUSES = ['PRESENT', 'ABSENT', 'LEAVE', 'IN_TRANSIT'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const REVIEW_RATINGS = ['EXCELLENT', 'QUALIFIED', 'BASIC', 'UNQUALIFIED'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

/** Kinds that take votes on resolutions. */
export const VOTING_KINDS: readonly MeetingKind[] = ['GENERAL_ASSEMBLY', 'COMMITTEE'];
/** Kinds that count as taking part in the party's organizational life (党章第九条: six months without it). */
export const ORG_LIFE_KINDS: readonly MeetingKind[] = MEETING_KINDS.filter((k) => k !== 'HEART_TALK');
/** 学时 a member earns by attending, unless the clerk records otherwise. */
export const DEFAULT_STUDY_HOURS: Record<MeetingKind, number> = {
  GENERAL_ASSEMBLY: 1,
  COMMITTEE: 0,
  GROUP: 1,
  PARTY_LECTURE: 2,
  THEME_DAY: 2,
  ORG_LIFE: 2,
  DEMOCRATIC_REVIEW: 1,
  HEART_TALK: 0,
};
/** 党员每年集中学习培训不少于32学时 (《全国党员教育培训工作规划》). */
export const YEARLY_STUDY_HOURS = 32;

/** A person of the unit as the rules see them on the meeting's day. */
export type RosterPerson = {
  id: string;
  status: PartyStatus | null;
  posts: readonly PartyPost[];
  /** 组织关系 in this unit (a person only working here is not a member of its meetings). */
  member: boolean;
  /** Member of the party group the meeting is of. */
  inGroup: boolean;
  fullOn?: string | null;
};
export type AttendeeInput = {
  personId: string;
  status: AttendanceStatus;
  reason?: string | null;
  rating?: ReviewRating | null;
};
export type VoteInput = { votesFor: number; votesAgainst: number; votesAbstain: number };
export type Problem = { code: string; params: Record<string, number> };

const isPartyMember = (p: RosterPerson) => p.status === 'FULL' || p.status === 'PROBATIONARY';
/** 正式党员 on the day: the vote goes with full membership. */
export const hasVote = (p: RosterPerson, heldOn: string) =>
  p.member && p.status === 'FULL' && (!p.fullOn || p.fullOn <= heldOn);

/** Who should attend a meeting of this kind: the list the clerk ticks. */
export function expectedPeople<P extends RosterPerson>(kind: MeetingKind, roster: readonly P[]): P[] {
  switch (kind) {
    case 'COMMITTEE':
      return roster.filter((p) => p.member && p.posts.some((x) => COMMITTEE_POSTS.includes(x)));
    case 'GROUP':
      return roster.filter((p) => p.inGroup && isPartyMember(p));
    case 'HEART_TALK':
      return [];
    default:
      return roster.filter((p) => p.member && isPartyMember(p));
  }
}

/**
 * Refusals: input that cannot be a meeting at all. Returns the first error's message key and params, or null.
 * (A meeting that merely fails its quorum is kept; see checkMeeting.)
 */
export function inputError(
  kind: MeetingKind,
  attendees: readonly AttendeeInput[],
  roster: readonly RosterPerson[],
  votes: readonly VoteInput[],
  heldOn: string,
): { key: string; params?: Record<string, string | number> } | null {
  const known = new Set(roster.map((p) => p.id));
  const seen = new Set<string>();
  for (const a of attendees) {
    if (seen.has(a.personId)) return { key: 'meetings.errors.duplicateAttendee' };
    seen.add(a.personId);
    if (!known.has(a.personId)) return { key: 'meetings.errors.foreignAttendee' };
  }
  if (kind === 'HEART_TALK' && attendees.length > 1) return { key: 'meetings.errors.talkPair' };
  if (votes.length && !VOTING_KINDS.includes(kind)) return { key: 'meetings.errors.noVotesForKind' };
  const byId = new Map(roster.map((p) => [p.id, p]));
  const voters = attendees.filter(
    (a) => a.status === 'PRESENT' && kindVoter(kind, byId.get(a.personId)!, heldOn),
  ).length;
  for (const [i, v] of votes.entries()) {
    const cast = v.votesFor + v.votesAgainst + v.votesAbstain;
    if (cast > voters) return { key: 'meetings.errors.tooManyVotes', params: { seq: i + 1, cast, voters } };
  }
  return null;
}

/** Whose vote counts at a meeting of this kind: 正式党员 at the 党员大会, every committee member at the 支委会. */
function kindVoter(kind: MeetingKind, p: RosterPerson, heldOn: string) {
  if (kind === 'COMMITTEE') return p.member && p.posts.some((x) => COMMITTEE_POSTS.includes(x));
  return hasVote(p, heldOn);
}

export type MeetingCheck = {
  valid: boolean;
  problems: Problem[];
  /** Per resolution, in order: passed or not. */
  passed: boolean[];
  /** 应到会 voters (in transit excluded) and those present. */
  expectedVoters: number;
  presentVoters: number;
  /** Members who were not there and must 补学. */
  makeup: string[];
};

/**
 * Could the meeting validly decide, and did its resolutions pass? Members of the expected list not named in
 * `attendees` count as absent.
 */
export function checkMeeting(input: {
  kind: MeetingKind;
  isElection: boolean;
  heldOn: string;
  attendees: readonly AttendeeInput[];
  roster: readonly RosterPerson[];
  votes: readonly VoteInput[];
}): MeetingCheck {
  const { kind, heldOn } = input;
  const statusOf = new Map(input.attendees.map((a) => [a.personId, a.status]));
  const expected = expectedPeople(kind, input.roster);
  const voters = expected.filter((p) => kindVoter(kind, p, heldOn));
  const counted = voters.filter((p) => statusOf.get(p.id) !== 'IN_TRANSIT');
  const present = counted.filter((p) => statusOf.get(p.id) === 'PRESENT').length;
  const problems: Problem[] = [];
  // "More than" num/den of those counted, in whole people (integer arithmetic: no 0.8 × 15 rounding).
  const more = (num: number, den: number) => Math.floor((counted.length * num) / den) + 1;
  if (kind === 'GENERAL_ASSEMBLY' || kind === 'COMMITTEE') {
    const code = kind === 'COMMITTEE' ? 'committeeQuorum' : input.isElection ? 'electionQuorum' : 'quorum';
    if (counted.length === 0) problems.push({ code: 'noVoters', params: {} });
    else {
      const needed = input.isElection && kind === 'GENERAL_ASSEMBLY' ? more(4, 5) : more(1, 2);
      if (present < needed) problems.push({ code, params: { present, expected: counted.length, needed } });
    }
  }
  if (kind === 'HEART_TALK' && input.attendees.length !== 1) problems.push({ code: 'talkPair', params: {} });
  if (kind === 'DEMOCRATIC_REVIEW') {
    const unrated = input.attendees.filter(
      (a) => a.status === 'PRESENT' && !a.rating && expected.some((p) => p.id === a.personId),
    ).length;
    if (unrated) problems.push({ code: 'unrated', params: { count: unrated } });
  }
  const quorate = problems.length === 0;
  const passed = input.votes.map((v) => quorate && v.votesFor >= more(1, 2));
  const makeup = expected.filter((p) => statusOf.get(p.id) !== 'PRESENT').map((p) => p.id);
  return { valid: quorate, problems, passed, expectedVoters: counted.length, presentVoters: present, makeup };
}

/** The day six months before `today`: a member with no organizational life since then is warned (党章第九条). */
export const sixMonthsBefore = (today: string) => addMonths(today, -6);

/**
 * 党章第九条: a member who, without good reason, takes no part in organizational life for six consecutive months is
 * regarded as having given up membership. The warning stands when the member has belonged to the unit for the
 * whole window and attended nothing in it. `memberSince` is the latest of admission, registration in the portal and
 * a transfer received into the unit: a member who arrived last month, or whose records the portal has only kept since
 * it was taken into use, has not been silent for six months as far as anyone here can know.
 */
export function lapsedSince(lastAttended: string | null, memberSince: string | null, today: string): boolean {
  const from = sixMonthsBefore(today);
  if (memberSince && memberSince > from) return false;
  return !lastAttended || lastAttended < from;
}

export const MAX_RESOLUTIONS = 20;
