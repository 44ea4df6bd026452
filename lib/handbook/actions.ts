'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { UserError } from '../errors';
import { uploadSchema, workbookUpload } from '../files/form-data';
import { sniffType } from '../files/type';
import { createArticle, deleteArticle, moveArticle, updateArticle } from './mutations/articles';
import { addAttachment, MAX_ATTACHMENT_BYTES, removeAttachment } from './mutations/attachments';
import { setGradeBands } from './mutations/grades';
import { importIntoDraft } from './mutations/import';
import { createAction, deleteAction, updateAction } from './mutations/prescribed-actions';
import {
  createCategory,
  createCriterion,
  deleteCategory,
  deleteCriterion,
  updateCriterion,
} from './mutations/standard';
import { createDraft, publishVersion } from './mutations/versions';
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

const ZUpload = uploadSchema(ZAttachmentFields, {
  files: {
    field: 'file',
    maxBytes: MAX_ATTACHMENT_BYTES,
    tooLarge: 'handbook.errors.fileTooLarge',
    required: 'handbook.errors.noFile',
  },
  // Without a title the file's own name (less its extension) is the template's title.
  defaults: (_fd, [file]) => ({ title: file ? file.name.replace(/\.[^.]+$/, '') : '' }),
});

export const addAttachmentAction = defineAction(ZUpload, async ({ files: [file], ...fields }, ctx) => {
  const row = await addAttachment(db, ctx, {
    ...fields,
    fileName: file!.name,
    bytes: Buffer.from(await file!.arrayBuffer()),
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

const ZWorkbook = workbookUpload('orgImport', 10 * 1024 * 1024);

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
