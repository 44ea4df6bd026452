/**
 * On-site scoring. Every save is per criterion and replaces that criterion's row (upsert on
 * audit+criterion), so two auditors scoring different criteria never overwrite each other, and a
 * save re-sent after a lost connection never doubles a deduction. Deductions follow the stored rule
 * (unit × count); one above the criterion's cap is refused, not silently cut.
 */
import type { z } from 'zod';
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { UserError } from '../../errors';
import { checkUploads, storeChecked, type Upload } from '../../files/uploads';
import { inputProblem, isApplicable, mustAssess, scoreLine, scoreSheet } from '../../handbook/scoring';
import { scoredCriterion } from '../../handbook/standard-rows';
import { auditScope } from '../rules';
import { suggestionsFor } from '../../ledger/pre-audit';
import { cstDay } from '../../calendar';
import { Prisma } from '../../generated/prisma/client';
import type { ActionContext } from '../../action-context';
import { assertCanOnAudit, assertNotInsider } from '../../policy';
import { isOpen, loadAudit } from '../queries/load';
import type { TAddFinding, ZSaveNote, ZSaveScore } from '../schema';

async function openAudit(
  db: Db,
  ctx: ActionContext,
  auditId: string,
  permission: 'audit.score' | 'audit.note',
) {
  const a = await loadAudit(db, auditId);
  assertCanOnAudit(ctx.user, permission, a.ref);
  if (permission === 'audit.score') await assertNotInsider(db, ctx.user, a.ref.org);
  if (!isOpen(a)) throw new UserError('audits.errors.closed');
  return a;
}

const startIfPlanned = { status: 'IN_PROGRESS' as const };

export async function saveScore(
  db: Db,
  ctx: ActionContext,
  input: z.output<typeof ZSaveScore>,
  now = new Date(),
) {
  const a = await openAudit(db, ctx, input.auditId, 'audit.score');
  const c = await db.scoringCriterion.findFirst({
    where: { id: input.criterionId, category: { standardId: a.standardId } },
  });
  if (!c) throw new UserError('audits.errors.unknownCriterion');
  const criterion = scoredCriterion(c);
  const scope = auditScope(a.plan);
  if (!isApplicable(criterion, scope)) throw new UserError('audits.errors.notApplicable', { code: c.code });
  const bad = inputProblem(criterion, input.count);
  if (bad) throw new UserError(bad, { code: c.code, min: 0 }, 'count');
  let raw = scoreLine(criterion, input.count, scope).deduction;
  // Typed shortfalls above the cap are refused, not cut; a computed count (the records') is scored up to the cap.
  if (c.kind === 'DEDUCTION') {
    raw = Math.round(c.unitDeduction * input.count * 10) / 10;
    const limit = Math.min(c.cap ?? c.maxPoints, c.maxPoints);
    if (raw > limit)
      throw new UserError('audits.errors.aboveCap', { code: c.code, deduction: raw, cap: limit }, 'count');
  }
  // A computed criterion: the count the unit's records give now. Another count is an override: it needs a reason.
  const suggestion =
    c.kind === 'COMPUTED'
      ? ((
          await suggestionsFor(db, {
            standardId: a.standardId,
            orgId: a.orgId,
            periodKey: a.plan.periodKey,
            scope,
            today: cstDay(now),
          })
        ).get(c.id) ?? null)
      : null;
  if (suggestion && input.count !== suggestion.count && !input.reason.trim())
    throw new UserError(
      'audits.errors.overrideReason',
      { code: c.code, suggested: suggestion.count },
      'reason',
    );
  const taskIds = [...new Set(input.taskIds)];
  if (
    taskIds.length &&
    (await db.reminderTask.count({ where: { id: { in: taskIds }, orgId: a.orgId, status: 'DONE' } })) !==
      taskIds.length
  ) {
    throw new UserError('selfCheck.errors.badTask');
  }
  return db.$transaction(async (tx) => {
    const before = await tx.auditScore.findUnique({
      where: { auditId_criterionId: { auditId: a.id, criterionId: c.id } },
    });
    const data = {
      count: input.count,
      deduction: raw,
      reason: input.reason,
      taskIds,
      suggested: suggestion?.count ?? null,
      suggestedRefs: suggestion ? (suggestion.refs as Prisma.InputJsonArray) : Prisma.DbNull,
      updatedById: ctx.user.id,
    };
    await tx.auditScore.upsert({
      where: { auditId_criterionId: { auditId: a.id, criterionId: c.id } },
      create: { auditId: a.id, criterionId: c.id, ...data },
      update: data,
    });
    if (a.status === 'PLANNED')
      await tx.audit.update({
        where: { id: a.id },
        data: { ...startIfPlanned, startedAt: now, auditDate: now },
      });
    // The trace only when something changed: a re-sent identical save is not a new act.
    if (
      !before ||
      before.count !== input.count ||
      before.reason !== input.reason ||
      before.taskIds.join() !== taskIds.join()
    ) {
      await trace(tx, ctx.actor, 'audits.score', 'Audit', a.id, {
        orgPath: a.org.path,
        before: before && { code: c.code, count: before.count, reason: before.reason },
        after: {
          code: c.code,
          count: input.count,
          deduction: raw,
          reason: input.reason,
          taskIds,
          ...(suggestion
            ? { suggested: suggestion.count, overridden: input.count !== suggestion.count }
            : {}),
        },
      });
    }
    return { criterionId: c.id, deduction: raw };
  });
}

export async function saveNote(db: Db, ctx: ActionContext, input: z.output<typeof ZSaveNote>) {
  const a = await openAudit(db, ctx, input.auditId, 'audit.note');
  return db.$transaction(async (tx) => {
    const before = await tx.auditNote.findUnique({
      where: { auditId_method: { auditId: a.id, method: input.method } },
    });
    await tx.auditNote.upsert({
      where: { auditId_method: { auditId: a.id, method: input.method } },
      create: { auditId: a.id, method: input.method, text: input.text, updatedById: ctx.user.id },
      update: { text: input.text, updatedById: ctx.user.id },
    });
    if (before?.text !== input.text)
      await trace(tx, ctx.actor, 'audits.note', 'Audit', a.id, {
        orgPath: a.org.path,
        before: before && { method: input.method, text: before.text },
        after: { method: input.method, text: input.text },
      });
    return { method: input.method };
  });
}

/** A finding; its clientKey (made on the phone) makes a re-send a no-op. */
export async function addFinding(db: Db, ctx: ActionContext, input: TAddFinding & { criterionId?: string }) {
  const a = await openAudit(db, ctx, input.auditId, 'audit.note');
  const existing = await db.finding.findUnique({ where: { clientKey: input.clientKey } });
  if (existing) {
    if (existing.auditId !== a.id) throw new UserError('validation.invalid');
    return { id: existing.id, duplicate: true };
  }
  if (
    input.criterionId &&
    !(await db.scoringCriterion.findFirst({
      where: { id: input.criterionId, category: { standardId: a.standardId } },
    }))
  )
    throw new UserError('audits.errors.unknownCriterion');
  const criterion = input.criterionId
    ? await db.scoringCriterion.findUnique({
        where: { id: input.criterionId },
        select: { articles: { select: { articleId: true }, take: 1 } },
      })
    : null;
  return db.$transaction(async (tx) => {
    const f = await tx.finding.create({
      data: {
        auditId: a.id,
        kind: input.kind,
        text: input.text,
        criterionId: input.criterionId ?? null,
        articleId: criterion?.articles[0]?.articleId ?? null,
        clientKey: input.clientKey,
        createdById: ctx.user.id,
      },
    });
    await trace(tx, ctx.actor, 'audits.finding', 'Finding', f.id, {
      orgPath: a.org.path,
      after: { auditId: a.id, kind: input.kind, text: input.text, criterionId: input.criterionId },
    });
    return { id: f.id, duplicate: false };
  });
}

/** Photos and files taken on site; the same clientKey twice stores one. */
export async function addAuditEvidence(
  db: Db,
  ctx: ActionContext,
  input: { auditId: string; criterionId?: string; clientKey: string },
  file: Upload,
) {
  const a = await openAudit(db, ctx, input.auditId, 'audit.score');
  const existing = await db.auditEvidence.findUnique({ where: { clientKey: input.clientKey } });
  if (existing) return { id: existing.id, duplicate: true };
  const checked = checkUploads([file], { area: 'audits', maxFiles: 1, maxBytes: 20 * 1024 * 1024 });
  const [stored] = await storeChecked(checked);
  return db.$transaction(async (tx) => {
    const e = await tx.auditEvidence.create({
      data: {
        auditId: a.id,
        criterionId: input.criterionId ?? null,
        ...stored!,
        clientKey: input.clientKey,
        uploadedById: ctx.user.id,
      },
    });
    await trace(tx, ctx.actor, 'audits.evidence', 'Audit', a.id, {
      orgPath: a.org.path,
      after: { file: file.name, sha256: stored!.sha256, criterionId: input.criterionId },
    });
    return { id: e.id, duplicate: false };
  });
}

/** Closing the scoring: every criterion scored; the total by the same rules as self-checks. */
export async function finishAudit(db: Db, ctx: ActionContext, auditId: string, now = new Date()) {
  const a = await openAudit(db, ctx, auditId, 'audit.score');
  const scope = auditScope(a.plan);
  const criteria = (
    await db.scoringCriterion.findMany({ where: { category: { standardId: a.standardId } } })
  ).map(scoredCriterion);
  const { bonusCap } = await db.scoringStandard.findUniqueOrThrow({
    where: { id: a.standardId },
    select: { bonusCap: true },
  });
  const scores = new Map(
    (await db.auditScore.findMany({ where: { auditId } })).map((s) => [s.criterionId, s]),
  );
  const missing = criteria.filter((c) => mustAssess(c, scope) && !scores.has(c.id)).map((c) => c.code);
  if (missing.length)
    throw new UserError('audits.errors.incomplete', {
      count: missing.length,
      codes: missing.slice(0, 10).join('、'),
    });
  const score = scoreSheet(criteria, (c) => scores.get(c.id)?.count ?? null, { scope, bonusCap });
  const sum = score.percent;
  return db.$transaction(async (tx) => {
    const r = await tx.audit.updateMany({
      where: { id: auditId, status: { in: ['PLANNED', 'IN_PROGRESS'] } },
      data: {
        status: 'SCORED',
        total: sum,
        rawPoints: score.total,
        applicableMax: score.applicableMax,
        vetoBand: score.vetoBand,
        scoredAt: now,
      },
    });
    if (!r.count) throw new UserError('audits.errors.closed');
    await trace(tx, ctx.actor, 'audits.finish', 'Audit', auditId, {
      orgPath: a.org.path,
      before: { status: a.status },
      after: {
        status: 'SCORED',
        total: sum,
        points: score.total,
        of: score.applicableMax,
        veto: score.vetoBand,
      },
    });
    return { total: sum };
  });
}
