'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '../action';
import { db } from '../db';
import { msg } from '../i18n/message';
import { createPlan } from './mutations/plans';
import { planDetailFor } from './queries/audits';
import { addAuditEvidence, addFinding, finishAudit, saveNote, saveScore } from './mutations/scoring';
import { ZAddFinding, ZAuditId, ZCreatePlan, ZPlanId, ZSaveNote, ZSaveScore } from './schema';
import { verifyDraw } from './queries/draw';

export const createPlanAction = defineAction(ZCreatePlan, async (input, ctx) => {
  const r = await createPlan(db, ctx, input);
  revalidatePath('/audits');
  return r;
});

/** Anyone who may see the plan may re-run its draw. */
export const verifyDrawAction = defineAction(ZPlanId, async ({ planId }, ctx) => {
  await planDetailFor(ctx.user, planId);
  return verifyDraw(db, planId);
});

export const saveScoreAction = defineAction(ZSaveScore, (input, ctx) => saveScore(db, ctx, input));
export const saveNoteAction = defineAction(ZSaveNote, (input, ctx) => saveNote(db, ctx, input));
export const addFindingAction = defineAction(ZAddFinding, (input, ctx) => addFinding(db, ctx, input));

export const finishAuditAction = defineAction(ZAuditId, async ({ auditId }, ctx) => {
  const r = await finishAudit(db, ctx, auditId);
  revalidatePath(`/audits/${auditId}`);
  return r;
});

const ZEvidenceUpload = z
  .instanceof(FormData, { message: msg('validation.invalid') })
  .transform((fd, ctx) => {
    const f = z
      .object({
        auditId: z.uuid(),
        clientKey: z.string().regex(/^[\w-]{8,64}$/),
        criterionId: z.uuid().optional(),
      })
      .safeParse({
        auditId: fd.get('auditId'),
        clientKey: fd.get('clientKey'),
        criterionId: fd.get('criterionId') || undefined,
      });
    const file = fd.get('file');
    if (!f.success || !(file instanceof File) || !file.size) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: msg('validation.invalid') });
      return z.NEVER;
    }
    return { ...f.data, file };
  });

export const addAuditEvidenceAction = defineAction(ZEvidenceUpload, async ({ file, ...input }, ctx) => {
  const r = await addAuditEvidence(db, ctx, input, {
    name: file.name,
    bytes: Buffer.from(await file.arrayBuffer()),
  });
  revalidatePath(`/audits/${input.auditId}`);
  return r;
});
