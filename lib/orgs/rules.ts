// Pure rules of the organization tree (骨架). Unit-tested in rules.test.ts.

export type OrgType = (typeof ORG_TYPES)[number];

// Which types may sit directly under which: a party group belongs to a branch, a branch to a
// committee or general branch, departments to the committee; union and youth league units sit
// beside the party organization of their project or unit.
const ALLOWED_PARENTS: Record<OrgType, readonly OrgType[]> = {
  COMMITTEE: ['COMMITTEE'],
  GENERAL_BRANCH: ['COMMITTEE'],
  BRANCH: ['COMMITTEE', 'GENERAL_BRANCH'],
  PARTY_GROUP: ['BRANCH'],
  UNION: ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'UNION'],
  YOUTH_LEAGUE: ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'YOUTH_LEAGUE'],
  DEPARTMENT: ['COMMITTEE'],
};

export function mayHaveParent(childType: OrgType, parentType: OrgType): boolean {
  return ALLOWED_PARENTS[childType].includes(parentType);
}

/** Moving the unit at `orgPath` under `newParentPath` would put it inside its own subtree. */
export function moveMakesCycle(orgPath: string, newParentPath: string): boolean {
  return newParentPath.startsWith(orgPath);
}

/** The path of a node after its subtree moves from oldPrefix to newPrefix. */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new Error(`${path} is not under ${oldPrefix}`);
  return newPrefix + path.slice(oldPrefix.length);
}

/**
 * A party committee's name as its documents are headed: "华岳宏构建设集团有限公司党委" → "中共华岳宏构建设集团有限公司委员会";
 * a name already in that form, or of another kind, is kept.
 */
export function formalCommitteeName(name: string): string {
  if (name.startsWith('中共') || name.startsWith('中国共产党')) return name;
  const m = /^(.+?)(党委|党的委员会)$/.exec(name);
  return m ? `中共${m[1]}委员会` : name;
}

export const ORG_TYPES = [
  'COMMITTEE',
  'GENERAL_BRANCH',
  'BRANCH',
  'PARTY_GROUP',
  'UNION',
  'YOUTH_LEAGUE',
  'DEPARTMENT',
] as const;

/** A unit choice lists at most this many units; beyond, the deepest levels are left out. */
export const PICKER_MAX = 300;

/** Text searched as typed: LIKE's wildcards (% _ and the backslash) match only themselves. */
export const likeLiteral = (q: string) => q.replace(/[\\%_]/g, '\\$&');

/**
 * Which levels a unit choice lists, from how many units stand at each depth: all of them when they fit within
 * `max`, else the top levels that fit (a company of 5,000 units lists its committees, general branches and
 * branches, not every group), else — when even the top level is over — the first `max` of the top level.
 */
export type PickerLevels = { all: true } | { all: false; deepest: number } | { all: false; top: number };
export function pickerLevels(byDepth: ReadonlyMap<number, number>, max = PICKER_MAX): PickerLevels {
  const depths = [...byDepth.keys()].sort((a, b) => a - b);
  if (depths.reduce((n, d) => n + byDepth.get(d)!, 0) <= max) return { all: true };
  let deepest = -1;
  let n = 0;
  for (const d of depths) {
    n += byDepth.get(d)!;
    if (n > max) break;
    deepest = d;
  }
  return deepest < 0 ? { all: false, top: depths[0]! } : { all: false, deepest };
}

/** Of units in tree order (at least those `levels` names), the ones the choice lists, always with the chosen one. */
export function pickedUnits<O extends { id: string; depth: number }>(
  orgs: readonly O[],
  levels: PickerLevels,
  chosen?: string | readonly string[],
  max = PICKER_MAX,
): { units: O[]; trimmed: boolean } {
  if (levels.all) return { units: [...orgs], trimmed: false };
  const kept = new Set(typeof chosen === 'string' ? [chosen] : (chosen ?? []));
  if ('deepest' in levels)
    return { units: orgs.filter((o) => o.depth <= levels.deepest || kept.has(o.id)), trimmed: true };
  const firsts = new Set(orgs.filter((o) => o.depth === levels.top).slice(0, max));
  return { units: orgs.filter((o) => firsts.has(o) || kept.has(o.id)), trimmed: true };
}

/** A project branch's project: three texts and four days, kept, shown, imported and exported field by field. */
export const PROJECT_TEXTS = ['projectName', 'projectCode', 'projectLocation'] as const;
export const PROJECT_DAYS = [
  'projectPlannedStart',
  'projectPlannedEnd',
  'projectActualStart',
  'projectActualEnd',
] as const;
type ProjectText = (typeof PROJECT_TEXTS)[number];
type ProjectDay = (typeof PROJECT_DAYS)[number];

/** The project's seven fields of `src`, each text through `text` and each day through `day`. */
export function projectFields<S, D, TS, TD>(
  src: Partial<Record<ProjectText, S> & Record<ProjectDay, D>>,
  text: (v: S | undefined) => TS,
  day: (v: D | undefined) => TD,
): Record<ProjectText, TS> & Record<ProjectDay, TD> {
  return Object.fromEntries([
    ...PROJECT_TEXTS.map((k) => [k, text(src[k])]),
    ...PROJECT_DAYS.map((k) => [k, day(src[k])]),
  ]) as Record<ProjectText, TS> & Record<ProjectDay, TD>;
}
