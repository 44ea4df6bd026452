'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '../action';
import { db } from '../db';
import { UserError } from '../errors';
import { msg } from '../i18n/message';
import { createQuestion, editQuestion } from './bank';
import { importQuestions } from './bank-import';
import { ZQuestion } from './schema';

const MAX_BYTES = 5 * 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const ZBankUpload = z
  .instanceof(FormData, { message: msg('bank.import.errors.noFile') })
  .transform((fd, ctx) => {
    const file = fd.get('file');
    if (!(file instanceof File) || file.size === 0) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: msg('bank.import.errors.noFile') });
      return z.NEVER;
    }
    if (file.size > MAX_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['file'],
        message: msg('bank.import.errors.tooLarge', { mb: 5 }),
      });
      return z.NEVER;
    }
    if (!/\.xlsx$/i.test(file.name)) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: msg('bank.import.errors.notXlsx') });
      return z.NEVER;
    }
    return file;
  });

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
