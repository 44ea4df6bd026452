'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, defineMutation } from '../action';
import { db } from '../db';
import { workbookBytes, workbookUpload } from '../files/form-data';
import { gradeShortAnswer, saveAnswer, startAttempt, submitAttempt } from './mutations/attempts';
import { createQuestion, editQuestion } from './mutations/bank';
import { importQuestions } from './mutations/bank-import';
import { createAuditExam, createExam } from './mutations/create';
import { ZAttemptId, ZAuditExam, ZCreateExam, ZExamId, ZGradeShort, ZQuestion, ZSaveAnswer } from './schema';

export const startAttemptAction = defineAction(ZExamId, (i, ctx) => startAttempt(db, ctx, i.examId));
export const saveAnswerAction = defineAction(ZSaveAnswer, (i, ctx) =>
  saveAnswer(db, ctx.user, i, new Date(), ctx.actor),
);
export const submitAttemptAction = defineAction(ZAttemptId, async (i, ctx) => {
  const r = await submitAttempt(db, ctx, i.attemptId);
  revalidatePath('/exams');
  return r;
});
export const createExamAction = defineMutation(ZCreateExam, createExam, () => revalidatePath('/exams'));
export const createAuditExamAction = defineMutation(ZAuditExam, createAuditExam, (i) =>
  revalidatePath(`/audits/${i.auditId}`),
);

// The bank feeds /exams/new (counts per type) as well as its own pages.
const changed = () => revalidatePath('/exams', 'layout');

export const gradeShortAnswerAction = defineMutation(ZGradeShort, gradeShortAnswer, changed);

export const createQuestionAction = defineMutation(ZQuestion, createQuestion, changed);

export const editQuestionAction = defineAction(
  ZQuestion.extend({ id: z.uuid() }),
  async ({ id, ...q }, ctx) => {
    const r = await editQuestion(db, ctx, id, q);
    changed();
    return r;
  },
);

const ZBankUpload = workbookUpload('bank.import', 5 * 1024 * 1024);

/** Upload → checks (size, name, ZIP signature) → importQuestions (policy and rules inside) → report. */
export const importQuestionsAction = defineAction(ZBankUpload, async (file, ctx) => {
  const report = await importQuestions(db, ctx, await workbookBytes(file, 'bank.import'));
  if (report.ok) changed();
  return report;
});
