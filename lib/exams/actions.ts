'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '../action';
import { db } from '../db';
import { UserError } from '../errors';
import { workbookUpload } from '../files/form-data';
import { gradeShortAnswer, saveAnswer, startAttempt, submitAttempt } from './mutations/attempts';
import { createQuestion, editQuestion } from './mutations/bank';
import { importQuestions } from './mutations/bank-import';
import { createAuditExam, createExam } from './mutations/create';
import { ZAttemptId, ZAuditExam, ZCreateExam, ZExamId, ZGradeShort, ZQuestion, ZSaveAnswer } from './schema';

export const startAttemptAction = defineAction(ZExamId, (i, ctx) => startAttempt(db, ctx, i.examId));
export const saveAnswerAction = defineAction(ZSaveAnswer, (i, ctx) => saveAnswer(db, ctx.user, i));
export const submitAttemptAction = defineAction(ZAttemptId, async (i, ctx) => {
  const r = await submitAttempt(db, ctx, i.attemptId);
  revalidatePath('/exams');
  return r;
});
export const createExamAction = defineAction(ZCreateExam, async (i, ctx) => {
  const r = await createExam(db, ctx, i);
  revalidatePath('/exams');
  return r;
});
export const createAuditExamAction = defineAction(ZAuditExam, async (i, ctx) => {
  const r = await createAuditExam(db, ctx, i);
  revalidatePath(`/audits/${i.auditId}`);
  return r;
});
export const gradeShortAnswerAction = defineAction(ZGradeShort, async (i, ctx) => {
  const r = await gradeShortAnswer(db, ctx, i);
  revalidatePath('/exams', 'layout');
  return r;
});

const MAX_BYTES = 5 * 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const ZBankUpload = workbookUpload('bank.import', MAX_BYTES);

// The bank feeds /exams/new (counts per type) as well as its own pages.
const changed = () => revalidatePath('/exams', 'layout');

export const createQuestionAction = defineAction(ZQuestion, async (q, ctx) => {
  const r = await createQuestion(db, ctx, q);
  changed();
  return r;
});

export const editQuestionAction = defineAction(
  ZQuestion.extend({ id: z.uuid() }),
  async ({ id, ...q }, ctx) => {
    const r = await editQuestion(db, ctx, id, q);
    changed();
    return r;
  },
);

/** Upload → checks (size, name, ZIP signature) → importQuestions (policy and rules inside) → report. */
export const importQuestionsAction = defineAction(ZBankUpload, async (file, ctx) => {
  const bytes = Buffer.from(await file.arrayBuffer());
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b))
    throw new UserError('bank.import.errors.notXlsx', {}, 'file');
  const report = await importQuestions(db, ctx, bytes);
  if (report.ok) changed();
  return report;
});
