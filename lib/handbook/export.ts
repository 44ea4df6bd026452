import type { Level } from './scoring';
import type { Db } from '../db/client';
import type { BookData } from './excel';
import { articleContent } from './rules';
import { criterionText } from './standard-rows';

/** A version's content in the workbook's shape. */
export async function bookData(client: Db, versionId: string): Promise<BookData> {
  const [articles, actions, criteria] = await Promise.all([
    client.article.findMany({
      where: { versionId },
      include: { part: { select: { number: true, title: true } } },
      orderBy: { number: 'asc' },
    }),
    client.prescribedAction.findMany({
      where: { versionId },
      include: { article: { select: { number: true } } },
      orderBy: [{ article: { number: 'asc' } }, { sortOrder: 'asc' }],
    }),
    client.scoringCriterion.findMany({
      where: { category: { standard: { versionId } } },
      include: {
        category: { select: { code: true, title: true, sortOrder: true } },
        articles: { include: { article: { select: { number: true } } } },
      },
      orderBy: [{ category: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
    }),
  ]);
  return {
    articles: articles.map((a) => ({
      number: a.number,
      partNumber: a.part.number,
      partTitle: a.part.title,
      ...articleContent(a),
    })),
    actions: actions.map((x) => {
      const due = x.dueRule as { kind: BookData['actions'][number]['dueKind']; n: number };
      return {
        code: x.code,
        articleNumber: x.article.number,
        title: x.title,
        frequency: x.frequency,
        dueKind: due.kind,
        dueN: due.n,
        responsibleRole: x.responsibleRole as BookData['actions'][number]['responsibleRole'],
        evidence: x.evidence,
        orgTypes: x.orgTypes,
        projectOnly: x.projectOnly,
      };
    }),
    criteria: criteria.map((k) => ({
      categoryCode: k.category.code,
      categoryTitle: k.category.title,
      ...criterionText(k),
      articleNumbers: k.articles.map((l) => l.article.number).sort((a, b) => a - b),
      kind: k.kind,
      levels: k.levels as Level[] | null,
      vetoBand: k.vetoBand,
      annualOnly: k.annualOnly,
      ruleKey: k.ruleKey,
      ruleParams: k.ruleParams as Record<string, unknown> | null,
    })),
  };
}

export const TEMPLATE_EXAMPLE: BookData = {
  articles: [
    {
      number: 1,
      partNumber: 1,
      partTitle: '基层党建工作制度',
      title: '支部党员大会',
      what: '讨论决定支部重要事项。',
      who: '支委会召集，书记主持，全体党员参加。',
      how: '1. 提前3天通知。\n2. 逐项讨论、表决。\n3. 形成纪要。',
      when: '每季度至少1次。',
      standard: '记录要素齐全，参会率不低于90%。',
      orgTypes: ['BRANCH'],
      tags: ['三会一课'],
    },
  ],
  actions: [
    {
      code: 'A-01-1',
      articleNumber: 1,
      title: '召开支部党员大会',
      frequency: 'QUARTER',
      dueKind: 'DAYS_BEFORE_PERIOD_END',
      dueN: 5,
      responsibleRole: 'SECRETARY',
      evidence: '会议记录、签到表',
      orgTypes: ['BRANCH'],
      projectOnly: false,
    },
  ],
  criteria: [
    {
      categoryCode: 'C1',
      categoryTitle: '制度落实',
      code: 'C1.1',
      title: '支部党员大会每季度召开',
      maxPoints: 100,
      unitDeduction: 2,
      cap: null,
      deductionRule: '每缺一次扣2分',
      articleNumbers: [1],
      kind: 'COMPUTED',
      levels: null,
      vetoBand: null,
      annualOnly: false,
      ruleKey: 'meetingsShort',
      ruleParams: { kind: 'GENERAL_ASSEMBLY', per: 'QUARTER', min: 1 },
    },
  ],
};
