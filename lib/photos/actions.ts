'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { setPhotoRule } from './mutations';
import { ZPhotoRule } from './rules';

export const setPhotoRuleAction = defineAction(ZPhotoRule, async (input, ctx) => {
  const r = await setPhotoRule(db, ctx, input);
  revalidatePath('/reminders/supervision');
  return r;
});
