'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { computeAnnual } from './mutations';
import { ZCompute } from './schema';

export const computeAnnualAction = defineAction(ZCompute, async (input, ctx) => {
  const r = await computeAnnual(db, ctx, input);
  revalidatePath('/insights/annual');
  return r;
});
