'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { gradeShortAnswer, saveAnswer, startAttempt, submitAttempt } from './attempts';
import { createAuditExam, createExam } from './create';
import { ZAttemptId, ZAuditExam, ZCreateExam, ZExamId, ZGradeShort, ZSaveAnswer } from './schema';

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
