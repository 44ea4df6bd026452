'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { decide, propose } from './mutations';
import { ZDecide, ZPropose } from './schema';

export const proposeRevisionAction = defineAction(ZPropose, async (input, ctx) => {
  const r = await propose(db, ctx, input);
  revalidatePath('/handbook/revisions');
  return r;
});

export const decideRevisionAction = defineAction(ZDecide, async (input, ctx) => {
  const r = await decide(db, ctx, input);
  revalidatePath('/handbook', 'layout');
  return r;
});
