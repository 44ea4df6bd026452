'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { addRobot, removeRobot } from './mutations';
import { ZAddRobot } from './schema';
import { ZRemoveRobot } from './schema';

export const addRobotAction = defineAction(ZAddRobot, async (input, ctx) => {
  const r = await addRobot(db, ctx, input);
  revalidatePath(`/orgs/${input.orgId}`);
  return r;
});

export const removeRobotAction = defineAction(ZRemoveRobot, async ({ id }, ctx) => {
  const r = await removeRobot(db, ctx, id);
  revalidatePath('/orgs', 'layout');
  return r;
});
