import 'server-only';
import { diffChars } from 'diff';
import { db } from '../db';

export type TextPart = { text: string; op: 'same' | 'add' | 'del' };
export type FieldDiff = { field: string; parts: TextPart[] };
export type ItemChange = { key: string; label: string; fields: FieldDiff[] };
export type Section = { added: string[]; removed: string[]; changed: ItemChange[] };

const ARTICLE_FIELDS = ['title', 'what', 'who', 'how', 'when', 'standard', 'orgTypes', 'tags'] as const;
const ACTION_FIELDS = ['title', 'frequency', 'dueRule', 'responsibleRole', 'evidence', 'orgTypes'] as const;
const CRITERION_FIELDS = [
  'title',
  'maxPoints',
  'unitDeduction',
  'cap',
  'deductionRule',
  'kind',
  'levels',
  'vetoBand',
  'annualOnly',
  'ruleKey',
  'ruleParams',
] as const;

const asText = (v: unknown) =>
  v === null || v === undefined
    ? ''
    : typeof v === 'string'
      ? v
      : Array.isArray(v)
        ? v.join('、')
        : JSON.stringify(v);

/** Character-level diff (Chinese has no spaces between words, so characters are the honest unit). */
export function textDiff(before: string, after: string): TextPart[] {
  return diffChars(before, after).map((c) => ({
    text: c.value,
    op: c.added ? 'add' : c.removed ? 'del' : 'same',
  }));
}

function compare<T extends { key: string }>(
  a: T[],
  b: T[],
  fields: readonly (keyof T & string)[],
  label: (x: T) => string,
): Section {
  const before = new Map(a.map((x) => [x.key, x]));
  const after = new Map(b.map((x) => [x.key, x]));
  const changed: ItemChange[] = [];
  for (const [key, y] of after) {
    const x = before.get(key);
    if (!x) continue;
    const diffs = fields
      .filter((f) => asText(x[f]) !== asText(y[f]))
      .map((f) => ({ field: f, parts: textDiff(asText(x[f]), asText(y[f])) }));
    if (diffs.length) changed.push({ key, label: label(y), fields: diffs });
  }
  return {
    added: b.filter((x) => !before.has(x.key)).map(label),
    removed: a.filter((x) => !after.has(x.key)).map(label),
    changed,
  };
}

async function contentOf(versionId: string) {
  const [articles, actions, criteria] = await Promise.all([
    db.article.findMany({ where: { versionId }, orderBy: { number: 'asc' } }),
    db.prescribedAction.findMany({ where: { versionId }, orderBy: { code: 'asc' } }),
    db.scoringCriterion.findMany({
      where: { category: { standard: { versionId } } },
      orderBy: { code: 'asc' },
    }),
  ]);
  return { articles, actions, criteria };
}

/** What changed from version a to version b: articles, prescribed actions and scoring criteria. */
export async function compareVersions(aId: string, bId: string) {
  const [a, b] = await Promise.all([contentOf(aId), contentOf(bId)]);
  return {
    articles: compare(a.articles, b.articles, ARTICLE_FIELDS, (x) => `第${x.number}条 ${x.title}`),
    actions: compare(a.actions, b.actions, ACTION_FIELDS, (x) => `${x.code} ${x.title}`),
    criteria: compare(a.criteria, b.criteria, CRITERION_FIELDS, (x) => `${x.code} ${x.title}`),
  };
}
