'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { createArticle, deleteArticle, moveArticle, updateArticle } from './articles';
import { ZCreateArticle, ZCreateDraft, ZDeleteArticle, ZMoveArticle, ZPublishVersion, ZUpdateArticle } from './schema';
import { createDraft, publishVersion } from './versions';

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
