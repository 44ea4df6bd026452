'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '../action';
import { db } from '../db';
import { msg } from '../i18n/message';
import { createArticle, deleteArticle, moveArticle, updateArticle } from './mutations/articles';
import { UserError } from '../errors';
import { sniffType } from '../files/type';
import { addAttachment, MAX_ATTACHMENT_BYTES, removeAttachment } from './mutations/attachments';
import { setGradeBands } from './mutations/grades';
import { importIntoDraft } from './mutations/import';
import { createAction, deleteAction, updateAction } from './mutations/prescribed-actions';
import {
  ZAttachmentFields,
  ZCreateAction,
  ZCreateArticle,
  ZCreateCategory,
  ZCreateCriterion,
  ZCreateDraft,
  ZDeleteAction,
  ZDeleteArticle,
  ZDeleteCategory,
  ZDeleteCriterion,
  ZGradeBands,
  ZMoveArticle,
  ZPublishVersion,
  ZRemoveAttachment,
  ZUpdateAction,
  ZUpdateArticle,
  ZUpdateCriterion,
} from './schema';
import {
  createCategory,
  createCriterion,
  deleteCategory,
  deleteCriterion,
  updateCriterion,
} from './mutations/standard';
import { createDraft, publishVersion } from './mutations/versions';

export const createDraftAction = defineAction(ZCreateDraft, async (input, ctx) => {
  const d = await createDraft(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return { id: d.id };
});

export const publishVersionAction = defineAction(ZPublishVersion, async (input, ctx) => {
  const v = await publishVersion(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return { id: v.id };
});

export const updateArticleAction = defineAction(ZUpdateArticle, async (input, ctx) => {
  const r = await updateArticle(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

export const createArticleAction = defineAction(ZCreateArticle, async (input, ctx) => {
  const r = await createArticle(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

export const moveArticleAction = defineAction(ZMoveArticle, async (input, ctx) => {
  const r = await moveArticle(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

export const deleteArticleAction = defineAction(ZDeleteArticle, async (input, ctx) => {
  const r = await deleteArticle(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

const ZUpload = z.instanceof(FormData, { message: msg('handbook.errors.noFile') }).transform((fd, ctx) => {
  const file = fd.get('file');
  const fields = ZAttachmentFields.safeParse({
    articleId: fd.get('articleId'),
    kind: fd.get('kind'),
    title: fd.get('title') || (file instanceof File ? file.name.replace(/\.[^.]+$/, '') : ''),
    sourceOrgName: fd.get('sourceOrgName') ?? '',
  });
  if (!fields.success) {
    for (const i of fields.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
    return z.NEVER;
  }
  if (!(file instanceof File) || file.size === 0) {
    ctx.addIssue({ code: 'custom', path: ['file'], message: msg('handbook.errors.noFile') });
    return z.NEVER;
  }
  if (file.size > MAX_ATTACHMENT_BYTES) {
    ctx.addIssue({
      code: 'custom',
      path: ['file'],
      message: msg('handbook.errors.fileTooLarge', { mb: 20 }),
    });
    return z.NEVER;
  }
  return { ...fields.data, file };
});

export const addAttachmentAction = defineAction(ZUpload, async ({ file, ...fields }, ctx) => {
  const row = await addAttachment(db, ctx, {
    ...fields,
    fileName: file.name,
    bytes: Buffer.from(await file.arrayBuffer()),
  });
  revalidatePath('/handbook', 'layout');
  return { id: row.id };
});

export const removeAttachmentAction = defineAction(ZRemoveAttachment, async (input, ctx) => {
  const r = await removeAttachment(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

export const createActionAction = defineAction(ZCreateAction, async (input, ctx) => {
  const r = await createAction(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

export const updateActionAction = defineAction(ZUpdateAction, async (input, ctx) => {
  const r = await updateAction(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

export const deleteActionAction = defineAction(ZDeleteAction, async (input, ctx) => {
  const r = await deleteAction(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

export const createCategoryAction = defineAction(ZCreateCategory, async (input, ctx) => {
  const r = await createCategory(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

export const deleteCategoryAction = defineAction(ZDeleteCategory, async (input, ctx) => {
  const r = await deleteCategory(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

export const createCriterionAction = defineAction(ZCreateCriterion, async (input, ctx) => {
  const r = await createCriterion(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

export const updateCriterionAction = defineAction(ZUpdateCriterion, async (input, ctx) => {
  const r = await updateCriterion(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

export const deleteCriterionAction = defineAction(ZDeleteCriterion, async (input, ctx) => {
  const r = await deleteCriterion(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});

const ZWorkbook = z.instanceof(FormData, { message: msg('orgImport.errors.noFile') }).transform((fd, ctx) => {
  const file = fd.get('file');
  if (!(file instanceof File) || file.size === 0) {
    ctx.addIssue({ code: 'custom', path: ['file'], message: msg('orgImport.errors.noFile') });
    return z.NEVER;
  }
  if (file.size > 10 * 1024 * 1024) {
    ctx.addIssue({ code: 'custom', path: ['file'], message: msg('orgImport.errors.tooLarge', { mb: 10 }) });
    return z.NEVER;
  }
  if (!/\.xlsx$/i.test(file.name)) {
    ctx.addIssue({ code: 'custom', path: ['file'], message: msg('orgImport.errors.notXlsx') });
    return z.NEVER;
  }
  return file;
});

export const importHandbookAction = defineAction(ZWorkbook, async (file, ctx) => {
  const bytes = Buffer.from(await file.arrayBuffer());
  if (sniffType(file.name, bytes) === null) throw new UserError('orgImport.errors.notXlsx', {}, 'file');
  const report = await importIntoDraft(db, ctx, bytes);
  if (report.ok) revalidatePath('/handbook', 'layout');
  return report;
});

export const setGradeBandsAction = defineAction(ZGradeBands, async (input, ctx) => {
  const r = await setGradeBands(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return { bands: r.length };
});
