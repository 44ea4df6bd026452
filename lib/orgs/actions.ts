'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { archiveOrg, createOrg, moveOrg, setKeyUnit, updateOrg } from './mutations';
import { ZArchiveOrg, ZCreateOrg, ZMoveOrg, ZSetKeyUnit, ZUpdateOrg } from './schema';

export const createOrgAction = defineAction(ZCreateOrg, async (input, ctx) => {
  const org = await createOrg(db, ctx, input);
  revalidatePath('/orgs', 'layout');
  return { id: org.id };
});

export const updateOrgAction = defineAction(ZUpdateOrg, async (input, ctx) => {
  const org = await updateOrg(db, ctx, input);
  revalidatePath('/orgs', 'layout');
  return { id: org.id };
});

export const moveOrgAction = defineAction(ZMoveOrg, async (input, ctx) => {
  const r = await moveOrg(db, ctx, input);
  revalidatePath('/orgs', 'layout');
  return r;
});

export const archiveOrgAction = defineAction(ZArchiveOrg, async (input, ctx) => {
  const org = await archiveOrg(db, ctx, input);
  revalidatePath('/orgs', 'layout');
  return { id: org.id };
});

export const setKeyUnitAction = defineAction(ZSetKeyUnit, async (input, ctx) => {
  const r = await setKeyUnit(db, ctx, input);
  revalidatePath(`/orgs/${input.orgId}`);
  return r;
});
