'use server';
import { revalidatePath } from 'next/cache';
import { defineAction, defineMutation, idOnly } from '../action';
import { db } from '../db';
import { workbookBytes, workbookUpload } from '../files/form-data';
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

const treeChanged = () => revalidatePath('/orgs', 'layout');
const unitChanged = (orgId: string) => revalidatePath(`/orgs/${orgId}`);

export const createOrgAction = defineMutation(ZCreateOrg, createOrg, treeChanged, idOnly);
export const updateOrgAction = defineMutation(ZUpdateOrg, updateOrg, treeChanged, idOnly);
export const moveOrgAction = defineMutation(ZMoveOrg, moveOrg, treeChanged);
export const archiveOrgAction = defineMutation(ZArchiveOrg, archiveOrg, treeChanged, idOnly);

export const setKeyUnitAction = defineMutation(ZSetKeyUnit, setKeyUnit, (i) => unitChanged(i.orgId));

const ZImportUpload = workbookUpload('orgImport', 5 * 1024 * 1024);

/** Upload → checks (size, name, ZIP signature) → importOrgTree (policy and rules inside) → report. */
export const importOrgsAction = defineAction(ZImportUpload, async (file, ctx) => {
  const report = await importOrgTree(db, ctx, await workbookBytes(file, 'orgImport'));
  if (report.ok) treeChanged();
  return report;
});

export const setLifecycleAction = defineMutation(ZOrgLifecycle, setLifecycle, (i) => unitChanged(i.id));
export const extendTermAction = defineMutation(ZExtendTerm, extendTerm, (i) => unitChanged(i.id));
export const cancelOpenTasksAction = defineMutation(ZCancelOpenTasks, cancelOpenTasks, (i) =>
  unitChanged(i.orgId),
);
export const handUpRectificationsAction = defineMutation(ZHandUpRectifications, handUpRectifications, (i) =>
  unitChanged(i.orgId),
);
