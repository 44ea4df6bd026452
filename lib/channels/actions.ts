'use server';
import { revalidatePath } from 'next/cache';
import { defineMutation } from '../action';
import { addRobot, removeRobot } from './mutations';
import { ZAddRobot, ZRemoveRobot } from './schema';

export const addRobotAction = defineMutation(ZAddRobot, addRobot, (i) => revalidatePath(`/orgs/${i.orgId}`));

export const removeRobotAction = defineMutation(
  ZRemoveRobot,
  (c, ctx, i) => removeRobot(c, ctx, i.id),
  () => revalidatePath('/orgs', 'layout'),
);
