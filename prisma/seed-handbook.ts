// The demo handbook: 2026版 in force (52 articles, 61 prescribed actions, a 100-point standard, ledger
// templates generated as real .docx/.xlsx files) and the superseded 2025版 it revised, so the diff
// page has real changes to show. Idempotent: skipped when any handbook version exists.
import { Prisma } from '../lib/generated/prisma/client';
import { randomUUID } from 'node:crypto';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { appendTrace } from '../lib/audit-log';
import type { Db, Tx } from '../lib/db/client';
import { searchColumns } from '../lib/handbook/mutations/articles';
import { articleContent, DEFAULT_BANDS } from '../lib/handbook/rules';
import { criterionText } from '../lib/handbook/standard-rows';
import { putFile } from '../lib/storage';
import { PART1 } from './handbook/content-part1';
import { PART2 } from './handbook/content-part2';
import { PART3 } from './handbook/content-part3';
import { SCORING } from './handbook/content-scoring';
import type { SeedArticle, SeedCategory, SeedPart, SeedTemplate } from './handbook/types';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function templateBytes(t: SeedTemplate): Promise<Buffer> {
  if (t.docx) {
    const doc = new Document({
      creator: '五标',
      sections: [
        {
          children: [
            new Paragraph({ text: t.docx.heading, heading: HeadingLevel.HEADING_1 }),
            ...t.docx.paragraphs.map((p) => new Paragraph({ text: p, spacing: { after: 160 } })),
          ],
        },
      ],
    });
    return Buffer.from(await Packer.toBuffer(doc));
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = '五标';
  const ws = wb.addWorksheet(t.xlsx!.sheet);
  ws.addRow(t.xlsx!.header).font = { bold: true };
  t.xlsx!.rows.forEach((r) => ws.addRow(r));
  ws.columns.forEach((c) => {
    c.width = 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 2025版: what 2026版 revised — two articles it added, looser deadlines, an older scoring split. */
function olderParts(parts: SeedPart[]): SeedPart[] {
  const dropped = new Set([29, 36]);
  const edits: Record<number, Partial<SeedArticle>> = {
    12: {
      how: '1. 每年根据工资收入核定交纳标准。\n2. 每月15日前收缴当月党费。\n3. 登记党费收缴台账。\n4. 每半年将党费上缴党委。',
      when: '每月15日前收缴；每半年上缴一次。',
    },
    17: { what: '支部每月开展一次主题党日，集中学习和交纳党费。', when: '每月一次。' },
    21: { standard: '关键岗位设立先锋岗；挂牌上岗。' },
    3: { standard: '全年不少于4次；会议有记录；党员参会率不低于80%。' },
  };
  let n = 0;
  return parts.map((p) => ({
    ...p,
    articles: p.articles
      .filter((a) => !dropped.has(a.number))
      .map((a) => ({ ...a, ...edits[a.number], origin: a.number, number: (n += 1) })),
  }));
}

/** The 2025 standard: every criterion scored per occurrence (the kinds came with 2026), no bonus or veto. */
function olderScoring(cats: SeedCategory[]): SeedCategory[] {
  return cats
    .filter((c) => c.criteria.some((k) => k.maxPoints > 0))
    .map((c) => ({
      ...c,
      criteria: c.criteria.map(
        ({ kind: _k, levels: _l, vetoBand: _v, annualOnly: _a, ruleKey: _r, ruleParams: _p, ...k }) => {
          if (k.code === 'C6.5')
            return {
              ...k,
              title: '工会、团支部作用发挥',
              articleNumbers: [19, 20],
              deductionRule: '工会、团支部未开展活动扣1分',
            };
          if (k.code === 'C3.3') return { ...k, unitDeduction: 1, deductionRule: '每个党小组每缺一次扣1分' };
          if (k.code === 'C5.1') return { ...k, deductionRule: '每发现一次记录要素缺失扣1分' };
          if (k.code === 'C6.1') return { ...k, deductionRule: '关键工序每缺一个先锋岗扣1分' };
          if (k.code === 'C6.3') return { ...k, deductionRule: '“党建+安全”“党建+质量”活动每缺一次扣1分' };
          return k;
        },
      ),
    }));
}

type Origin = SeedArticle & { origin?: number };

async function insertVersion(
  tx: Tx,
  v: {
    label: string;
    status: 'PUBLISHED' | 'SUPERSEDED';
    effective: string;
    summary: string;
    basedOnId: string | null;
    parts: SeedPart[];
    scoring: SeedCategory[];
    keys: Map<number, string>;
    actionKeys: Map<string, string>;
    criterionKeys: Map<string, string>;
    files: Map<string, { key: string; size: number; sha256: string }>;
  },
) {
  const version = await tx.handbookVersion.create({
    data: {
      label: v.label,
      status: v.status,
      effectiveDate: new Date(`${v.effective}T00:00:00Z`),
      publishedAt: new Date(`${v.effective}T00:00:00+08:00`),
      changeSummary: v.summary,
      basedOnId: v.basedOnId,
    },
  });
  const articleIdByOrigin = new Map<number, string>();
  for (const p of v.parts) {
    const part = await tx.handbookPart.create({
      data: { versionId: version.id, number: p.number, title: p.title },
    });
    const rows = p.articles.map((a: Origin) => {
      const origin = a.origin ?? a.number;
      const id = randomUUID();
      articleIdByOrigin.set(origin, id);
      const fields = articleContent(a);
      return {
        id,
        versionId: version.id,
        partId: part.id,
        key: v.keys.get(origin)!,
        number: a.number,
        ...fields,
        ...searchColumns(fields),
      };
    });
    await tx.article.createMany({ data: rows });
    await tx.prescribedAction.createMany({
      data: p.articles.flatMap((a: Origin) =>
        a.actions.map((x, i) => ({
          versionId: version.id,
          articleId: articleIdByOrigin.get(a.origin ?? a.number)!,
          key: v.actionKeys.get(x.code)!,
          code: x.code,
          title: x.title,
          frequency: x.frequency,
          dueRule: x.dueRule,
          responsibleRole: x.responsibleRole,
          evidence: x.evidence,
          orgTypes: x.orgTypes,
          meetingKind: x.meetingKind ?? null,
          bySecretary: x.bySecretary ?? false,
          projectOnly: x.projectOnly ?? false,
          sortOrder: i,
        })),
      ),
    });
    await tx.articleAttachment.createMany({
      data: p.articles.flatMap((a: Origin) =>
        a.templates.map((t) => {
          const f = v.files.get(t.fileName)!;
          return {
            articleId: articleIdByOrigin.get(a.origin ?? a.number)!,
            kind: t.kind,
            title: t.title,
            fileName: t.fileName,
            mimeType: t.docx ? MIME.docx : MIME.xlsx,
            size: f.size,
            sha256: f.sha256,
            storageKey: f.key,
          };
        }),
      ),
    });
  }
  const standard = await tx.scoringStandard.create({
    data: { versionId: version.id, title: '基层党建工作标准化考核标准', totalPoints: 100, bonusCap: 5 },
  });
  for (const [ci, c] of v.scoring.entries()) {
    const cat = await tx.scoringCategory.create({
      data: { standardId: standard.id, code: c.code, title: c.title, sortOrder: ci },
    });
    for (const [ki, k] of c.criteria.entries()) {
      const crit = await tx.scoringCriterion.create({
        data: {
          categoryId: cat.id,
          key: v.criterionKeys.get(k.code)!,
          ...criterionText(k),
          sortOrder: ki,
          kind: k.kind ?? 'DEDUCTION',
          levels: k.levels ?? Prisma.DbNull,
          vetoBand: k.vetoBand ?? null,
          annualOnly: k.annualOnly ?? false,
          ruleKey: k.ruleKey ?? null,
          ruleParams: k.ruleParams ?? Prisma.DbNull,
        },
      });
      // Criteria cite articles by their 2026 numbers (the origin); the older version maps them back.
      const ids = k.articleNumbers.map((n) => articleIdByOrigin.get(n)).filter((x): x is string => !!x);
      await tx.criterionArticle.createMany({
        data: ids.map((articleId) => ({ criterionId: crit.id, articleId })),
      });
    }
  }
  return version;
}

export async function seedHandbook(db: Db): Promise<{ skipped: boolean; articles: number }> {
  if (await db.handbookVersion.findFirst({ select: { id: true } })) return { skipped: true, articles: 0 };
  const current = [PART1, PART2, PART3];
  const all = current.flatMap((p) => p.articles);
  const keys = new Map(all.map((a) => [a.number, randomUUID()]));
  const actionKeys = new Map(all.flatMap((a) => a.actions.map((x) => [x.code, randomUUID()] as const)));
  const criterionKeys = new Map(
    SCORING.flatMap((c) => c.criteria.map((k) => [k.code, randomUUID()] as const)),
  );
  const files = new Map<string, { key: string; size: number; sha256: string }>();
  for (const t of all.flatMap((a) => a.templates))
    files.set(t.fileName, await putFile(await templateBytes(t)));

  await db.$transaction(
    async (tx) => {
      if (!(await tx.gradeBand.count()))
        await tx.gradeBand.createMany({ data: DEFAULT_BANDS.map((b, i) => ({ ...b, sortOrder: i })) });
      const common = { keys, actionKeys, criterionKeys, files };
      const old = await insertVersion(tx, {
        ...common,
        label: '2025版',
        status: 'SUPERSEDED',
        effective: '2025-01-01',
        basedOnId: null,
        summary: '首次编印《基层党建工作标准化管理手册》。',
        parts: olderParts(current),
        scoring: olderScoring(SCORING),
      });
      const now = await insertVersion(tx, {
        ...common,
        label: '2026版',
        status: 'PUBLISHED',
        effective: '2026-01-01',
        basedOnId: old.id,
        summary:
          '根据2025年核标发现的问题修订：党费收缴时限提前至每月10日前并按季上缴；主题党日固定日期；新增“书记项目”“观摩交流活动”两条；细化党小组会扣分规则。',
        parts: current,
        scoring: SCORING,
      });
      await appendTrace(
        tx,
        { id: null, name: 'system' },
        {
          action: 'seed.handbook',
          entityType: 'HandbookVersion',
          entityId: now.id,
          after: { versions: ['2025版', '2026版'], articles: all.length },
        },
      );
    },
    { timeout: 120_000 },
  );
  return { skipped: false, articles: all.length };
}
