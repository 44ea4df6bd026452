// Shapes of the demo handbook content (prisma/handbook/content-*.ts). Chinese content, English keys.

export type OrgTypeCode =
  'COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH' | 'PARTY_GROUP' | 'UNION' | 'YOUTH_LEAGUE' | 'DEPARTMENT';
export type Frequency = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR' | 'EVENT';
export type DueRule =
  | { kind: 'WORKDAY_OF_PERIOD'; n: number } // by the n-th working day of the period
  | { kind: 'DAYS_BEFORE_PERIOD_END'; n: number } // n calendar days before the period ends (0 = last day)
  | { kind: 'DAYS_AFTER_PERIOD_END'; n: number } // within n days after the period ends
  | { kind: 'DAYS_AFTER_EVENT'; n: number }; // event-driven: within n days of the event
export type RoleCode = 'SECRETARY' | 'CLERK' | 'COMMITTEE' | 'MEMBER';

export type SeedAction = {
  code: string; // stable, e.g. 'A-03-1'
  title: string;
  frequency: Frequency;
  dueRule: DueRule;
  responsibleRole: RoleCode;
  evidence: string; // what proves it was done, e.g. '会议记录、签到表、照片'
  orgTypes: OrgTypeCode[];
  /** A meeting record of this kind completes the task (lib/meetings). */
  meetingKind?:
    | 'GENERAL_ASSEMBLY'
    | 'COMMITTEE'
    | 'GROUP'
    | 'PARTY_LECTURE'
    | 'THEME_DAY'
    | 'ORG_LIFE'
    | 'DEMOCRATIC_REVIEW'
    | 'HEART_TALK';
  bySecretary?: boolean;
  /** Only for units with a construction project (not a 机关党支部). */
  projectOnly?: boolean;
};

export type SeedTemplate = {
  fileName: string; // e.g. '三会一课记录本.docx' or '党费收缴台账.xlsx'
  kind: 'TEMPLATE' | 'EXAMPLE';
  title: string;
  /** For .docx: headings and paragraphs; for .xlsx: the header row then example rows. */
  docx?: { heading: string; paragraphs: string[] };
  xlsx?: { sheet: string; header: string[]; rows: string[][] };
};

export type SeedArticle = {
  number: number; // 1..52, continuous across parts
  title: string;
  what: string; // 做什么 (several sentences / a short list, newline-separated lines allowed)
  who: string; // 谁来做
  how: string; // 怎么做 (steps, newline separated)
  when: string; // 何时做
  standard: string; // 做到什么程度
  orgTypes: OrgTypeCode[];
  tags: string[];
  actions: SeedAction[];
  templates: SeedTemplate[];
};

export type SeedPart = { number: number; title: string; articles: SeedArticle[] };

export type SeedCriterion = {
  code: string; // e.g. 'C1.2'
  title: string;
  maxPoints: number;
  unitDeduction: number; // e.g. 2 for 每缺一次扣2分
  cap: number | null; // max deduction for this rule (null = up to maxPoints)
  deductionRule: string; // '每缺一次扣2分，扣完为止'
  articleNumbers: number[]; // articles it checks
  // How it is scored (lib/handbook/scoring.ts); absent: per occurrence.
  kind?: 'DEDUCTION' | 'GRADE' | 'BONUS' | 'VETO' | 'COMPUTED';
  levels?: { label: string; points: number }[];
  vetoBand?: 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';
  annualOnly?: boolean;
  ruleKey?: string;
  ruleParams?: Record<string, string | number>;
};
export type SeedCategory = { code: string; title: string; criteria: SeedCriterion[] };
