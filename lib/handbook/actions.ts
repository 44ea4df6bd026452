'use server';
import { revalidatePath } from 'next/cache';
import { defineAction, defineMutation, idOnly } from '../action';
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
  setBonusCap,
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
  ZSetBonusCap,
  ZMoveArticle,
  ZPublishVersion,
  ZRemoveAttachment,
  ZUpdateAction,
  ZUpdateArticle,
  ZUpdateCriterion,
} from './schema';

// Every handbook write shows on pages all over /handbook.
const handbookChanged = () => revalidatePath('/handbook', 'layout');

export const createDraftAction = defineMutation(ZCreateDraft, createDraft, handbookChanged, idOnly);

export const publishVersionAction = defineMutation(ZPublishVersion, publishVersion, handbookChanged, idOnly);

export const updateArticleAction = defineMutation(ZUpdateArticle, updateArticle, handbookChanged);

export const createArticleAction = defineMutation(ZCreateArticle, createArticle, handbookChanged);

export const moveArticleAction = defineMutation(ZMoveArticle, moveArticle, handbookChanged);

export const deleteArticleAction = defineMutation(ZDeleteArticle, deleteArticle, handbookChanged);

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
  handbookChanged();
  return { id: row.id };
});

export const removeAttachmentAction = defineMutation(ZRemoveAttachment, removeAttachment, handbookChanged);

export const createActionAction = defineMutation(ZCreateAction, createAction, handbookChanged);

export const updateActionAction = defineMutation(ZUpdateAction, updateAction, handbookChanged);

export const deleteActionAction = defineMutation(ZDeleteAction, deleteAction, handbookChanged);

export const createCategoryAction = defineMutation(ZCreateCategory, createCategory, handbookChanged);

export const deleteCategoryAction = defineMutation(ZDeleteCategory, deleteCategory, handbookChanged);

export const createCriterionAction = defineMutation(ZCreateCriterion, createCriterion, handbookChanged);

export const updateCriterionAction = defineMutation(ZUpdateCriterion, updateCriterion, handbookChanged);

export const deleteCriterionAction = defineMutation(ZDeleteCriterion, deleteCriterion, handbookChanged);

export const setBonusCapAction = defineMutation(ZSetBonusCap, setBonusCap, handbookChanged);

const ZWorkbook = workbookUpload('orgImport', 10 * 1024 * 1024);

export const importHandbookAction = defineAction(ZWorkbook, async (file, ctx) => {
  const bytes = Buffer.from(await file.arrayBuffer());
  if (sniffType(file.name, bytes) === null) throw new UserError('orgImport.errors.notXlsx', {}, 'file');
  const report = await importIntoDraft(db, ctx, bytes);
  if (report.ok) handbookChanged();
  return report;
});

export const setGradeBandsAction = defineAction(ZGradeBands, async (input, ctx) => {
  const r = await setGradeBands(db, ctx, input);
  handbookChanged();
  return { bands: r.length };
});
