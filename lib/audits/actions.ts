'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, defineMutation } from '../action';
import { db } from '../db';
import { uploadSchema } from '../files/form-data';
import { createPlan } from './mutations/plans';
import { addAuditEvidence, addFinding, finishAudit, saveNote, saveScore } from './mutations/scoring';
import { planDetailFor } from './queries/audits';
import { verifyDraw } from './queries/draw';
import { sampleFor } from './queries/samples';
import { verifySample } from './queries/sample-draw';
import { drawSample, signOffSample } from './mutations/samples';
import {
  ZAddFinding,
  ZAuditId,
  ZCreatePlan,
  ZDrawSample,
  ZPlanId,
  ZSampleId,
  ZSaveNote,
  ZSaveScore,
  ZSignOffSample,
} from './schema';

export const createPlanAction = defineMutation(ZCreatePlan, createPlan, () => revalidatePath('/audits'));

/** Anyone who may see the plan may re-run its draw. */
export const verifyDrawAction = defineAction(ZPlanId, async ({ planId }, ctx) => {
  await planDetailFor(ctx.user, planId);
  return verifyDraw(db, planId);
});

export const saveScoreAction = defineAction(ZSaveScore, (input, ctx) => saveScore(db, ctx, input));
export const saveNoteAction = defineAction(ZSaveNote, (input, ctx) => saveNote(db, ctx, input));
export const addFindingAction = defineAction(ZAddFinding, (input, ctx) => addFinding(db, ctx, input));

export const finishAuditAction = defineMutation(
  ZAuditId,
  (c, ctx, i) => finishAudit(c, ctx, i.auditId),
  (i) => revalidatePath(`/audits/${i.auditId}`),
);

const ZEvidenceUpload = uploadSchema(
  z.object({
    auditId: z.uuid(),
    clientKey: z.string().regex(/^[\w-]{8,64}$/),
    criterionId: z.preprocess((v) => v || undefined, z.uuid().optional()),
  }),
  {
    files: {
      field: 'file',
      maxBytes: 20 * 1024 * 1024,
      tooLarge: 'audits.errors.fileTooLarge',
      required: 'validation.invalid',
    },
  },
);

export const addAuditEvidenceAction = defineAction(
  ZEvidenceUpload,
  async ({ files: [file], ...input }, ctx) => {
    const r = await addAuditEvidence(db, ctx, input, {
      name: file!.name,
      bytes: Buffer.from(await file!.arrayBuffer()),
    });
    revalidatePath(`/audits/${input.auditId}`);
    return r;
  },
);

export const drawSampleAction = defineMutation(ZDrawSample, drawSample, (i) =>
  revalidatePath(`/audits/plans/${i.planId}`),
);
export const signOffSampleAction = defineMutation(ZSignOffSample, signOffSample, (i) =>
  revalidatePath(`/audits/samples/${i.sampleId}`),
);

/** Anyone who may read the working paper may re-run its draw. */
export const verifySampleAction = defineAction(ZSampleId, async ({ sampleId }, ctx) => {
  await sampleFor(ctx.user, sampleId);
  return verifySample(db, sampleId);
});
