/** The computed criteria's rule names, zod-free so the standard editor can list them without loading zod. */
export const RULE_KEYS = [
  'meetingsShort',
  'invalidMeetings',
  'lapsedMembers',
  'studyHoursShort',
  'duesArrears',
  'termOverdue',
  'developmentDates',
  'transfersOverdue',
  'tasksOverdue',
  'rectificationsOverdue',
  'backfillFlags',
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];
