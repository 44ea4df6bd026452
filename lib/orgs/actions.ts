'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { UserError } from '../errors';
import { workbookUpload } from '../files/form-data';
import { importOrgTree } from './mutations/import';
import { cancelOpenTasks, extendTerm, handUpRectifications, setLifecycle } from './mutations/lifecycle';
import { archiveOrg, createOrg, moveOrg, setKeyUnit, updateOrg } from './mutations/tree';
import {
  ZArchiveOrg,
  ZCancelOpenTasks,
  ZCreateOrg,
  ZExtendTerm,
  ZHandUpRectifications,
  ZMoveOrg,
  ZOrgLifecycle,
  ZSetKeyUnit,
  ZUpdateOrg,
} from './schema';

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

const MAX_BYTES = 5 * 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const ZImportUpload = workbookUpload('orgImport', MAX_BYTES);

/** Upload → checks (size, name, ZIP signature) → importOrgTree (policy and rules inside) → report. */
export const importOrgsAction = defineAction(ZImportUpload, async (file, ctx) => {
  const bytes = Buffer.from(await file.arrayBuffer());
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw new UserError('orgImport.errors.notXlsx', {}, 'file');
  const report = await importOrgTree(db, ctx, bytes);
  if (report.ok) revalidatePath('/orgs', 'layout');
  return report;
});

export const setLifecycleAction = defineAction(ZOrgLifecycle, async (input, ctx) => {
  const r = await setLifecycle(db, ctx, input);
  revalidatePath(`/orgs/${input.id}`);
  return r;
});

export const extendTermAction = defineAction(ZExtendTerm, async (input, ctx) => {
  const r = await extendTerm(db, ctx, input);
  revalidatePath(`/orgs/${input.id}`);
  return r;
});

export const cancelOpenTasksAction = defineAction(ZCancelOpenTasks, async (input, ctx) => {
  const r = await cancelOpenTasks(db, ctx, input);
  revalidatePath(`/orgs/${input.orgId}`);
  return r;
});

export const handUpRectificationsAction = defineAction(ZHandUpRectifications, async (input, ctx) => {
  const r = await handUpRectifications(db, ctx, input);
  revalidatePath(`/orgs/${input.orgId}`);
  return r;
});
