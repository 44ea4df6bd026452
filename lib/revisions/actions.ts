'use server';
import { revalidatePath } from 'next/cache';
import { defineMutation } from '../action';
import { decide, propose } from './mutations';
import { ZDecide, ZPropose } from './schema';

export const proposeRevisionAction = defineMutation(ZPropose, propose, () =>
  revalidatePath('/handbook/revisions'),
);

export const decideRevisionAction = defineMutation(ZDecide, decide, () =>
  revalidatePath('/handbook', 'layout'),
);
