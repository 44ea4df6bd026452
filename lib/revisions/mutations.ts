/**
 * Revisions of the standard (优标 → 定标). A proposal names an article (by its stable key), the answer
 * it would change (or "example": a good practice added as a worked example naming its unit), the text
 * and the reason; it comes from a secretary's unit or from an audit finding. The committee accepts
 * (applied to the current draft, citing the proposal — a published version is never edited), rejects
 * with a reason, or merges it into another proposal.
 */
import { trace } from '../audit-log';
import type { Db } from '../db/client';
import { NotFoundError, UserError } from '../errors';
import { searchColumns } from '../handbook/mutations/articles';
import type { ActionContext } from '../action-context';
import { assertCan, assertCanCompanyWide, can } from '../policy';
import type { TDecide, TPropose } from './schema';

export async function propose(db: Db, ctx: ActionContext, input: TPropose) {
  const article = await db.article.findUnique({
    where: { id: input.articleId },
    select: { id: true, key: true, number: true },
  });
  if (!article) throw new NotFoundError();
  let orgId: string | null = null;
  let kind = 'SECRETARY';
  if (input.findingId) {
    // From an audit finding: the committee turns impractical standards and good practices into proposals.
    const f = await db.finding.findUnique({
      where: { id: input.findingId },
      include: { audit: { select: { org: { select: { id: true, path: true } } } } },
    });
    if (!f || !['IMPRACTICAL_STANDARD', 'GOOD_PRACTICE'].includes(f.kind))
      throw new UserError('revisions.errors.findingKind');
    assertCan(ctx.user, 'revision.approve', f.audit.org);
    orgId = f.audit.org.id;
    kind = f.kind;
  } else {
    const grant = ctx.user.grants.find((g) => g.role === 'SECRETARY');
    if (!grant || !can(ctx.user, 'revision.propose')) throw new UserError('errors.forbidden');
    orgId = grant.orgId;
  }
  return db.$transaction(async (tx) => {
    const p = await tx.revisionProposal.create({
      data: {
        articleKey: article.key,
        articleId: article.id,
        field: input.field,
        proposedText: input.proposedText,
        reason: input.reason,
        findingId: input.findingId ?? null,
        kind,
        orgId,
        proposerId: ctx.user.id,
      },
    });
    await trace(tx, ctx.actor, 'revisions.propose', 'RevisionProposal', p.id, {
      after: {
        article: article.number,
        field: input.field,
        text: input.proposedText,
        reason: input.reason,
        findingId: input.findingId,
      },
    });
    return { id: p.id };
  });
}

export async function decide(db: Db, ctx: ActionContext, input: TDecide, now = new Date()) {
  const root = await assertCanCompanyWide(db, ctx.user, 'revision.approve');
  const p = await db.revisionProposal.findUnique({ where: { id: input.proposalId } });
  if (!p) throw new NotFoundError();
  if (p.status !== 'PENDING') throw new UserError('revisions.errors.decided');
  if (input.decision === 'ACCEPT') {
    const draft = await db.handbookVersion.findFirst({
      where: { status: 'DRAFT' },
      select: { id: true, changeSummary: true },
    });
    // Never a published version: accepted changes go into the draft, published with the next version.
    if (!draft) throw new UserError('revisions.errors.noDraft');
    const article = await db.article.findFirst({ where: { versionId: draft.id, key: p.articleKey } });
    if (!article) throw new UserError('revisions.errors.notInDraft');
    const unit = p.orgId
      ? await db.organization.findUnique({ where: { id: p.orgId }, select: { name: true } })
      : null;
    const field = p.field === 'example' ? 'how' : (p.field as 'what' | 'who' | 'how' | 'when' | 'standard');
    const value =
      p.field === 'example'
        ? `${article.how}\n【范例·${unit?.name ?? ''}】${p.proposedText}`
        : p.proposedText;
    const next = { ...article, [field]: value };
    return db.$transaction(async (tx) => {
      await tx.article.update({
        where: { id: article.id },
        data: { [field]: value, lockVersion: { increment: 1 }, ...searchColumns(next) },
      });
      const cite = `第${article.number}条采纳修订建议（${p.id.slice(0, 8)}）`;
      await tx.handbookVersion.update({
        where: { id: draft.id },
        data: { changeSummary: [draft.changeSummary, cite].filter(Boolean).join('；') },
      });
      await tx.revisionProposal.update({
        where: { id: p.id },
        data: {
          status: 'ACCEPTED',
          decidedById: ctx.user.id,
          decidedAt: now,
          decisionNote: input.note ?? null,
          appliedToId: article.id,
        },
      });
      await trace(tx, ctx.actor, 'revisions.accept', 'RevisionProposal', p.id, {
        orgPath: root.path,
        before: { [field]: article[field] },
        after: { [field]: value, draftArticleId: article.id },
      });
      return { id: p.id, status: 'ACCEPTED' as const };
    });
  }
  if (input.decision === 'MERGE') {
    const target = await db.revisionProposal.findUnique({ where: { id: input.mergeIntoId! } });
    if (!target || target.id === p.id || target.status !== 'PENDING' || target.articleKey !== p.articleKey)
      throw new UserError('revisions.errors.mergeTarget');
  }
  const status = input.decision === 'REJECT' ? ('REJECTED' as const) : ('MERGED' as const);
  return db.$transaction(async (tx) => {
    await tx.revisionProposal.update({
      where: { id: p.id },
      data: {
        status,
        decidedById: ctx.user.id,
        decidedAt: now,
        decisionNote: input.note ?? null,
        mergedIntoId: input.mergeIntoId ?? null,
      },
    });
    await trace(tx, ctx.actor, `revisions.${status.toLowerCase()}`, 'RevisionProposal', p.id, {
      orgPath: root.path,
      before: { status: 'PENDING' },
      after: { status, note: input.note, mergedIntoId: input.mergeIntoId },
    });
    return { id: p.id, status };
  });
}
