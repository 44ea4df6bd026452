'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '../action';
import { db } from '../db';
import { workbookUpload } from '../files/form-data';
import { PEOPLE_IMPORT_MAX_BYTES } from './excel';
import { inspectPeopleFile } from './mutations/import';
import { recordDues, setDuesBase } from './mutations/dues';
import { createPerson, updatePerson } from './mutations/person';
import {
  cancelTransfer,
  issueTransfer,
  proposeTransfer,
  receiveTransfer,
  recordIncoming,
} from './mutations/transfer';
import {
  ZCancelTransfer,
  ZCreatePerson,
  ZIssueTransfer,
  ZProposeTransfer,
  ZReceiveTransfer,
  ZRecordDues,
  ZRecordIncoming,
  ZSetDuesBase,
  ZUpdatePerson,
} from './schema';

export const createPersonAction = defineAction(ZCreatePerson, async (input, ctx) => {
  const p = await createPerson(db, ctx, input);
  revalidatePath('/people');
  return { id: p.id };
});

export const updatePersonAction = defineAction(ZUpdatePerson, async (input, ctx) => {
  const p = await updatePerson(db, ctx, input);
  revalidatePath('/people', 'layout');
  return p;
});

const ZInspect = workbookUpload('peopleImport', PEOPLE_IMPORT_MAX_BYTES);

/** The mapping step: the sheet's headers, the guessed mapping, three sample rows and the number of rows. */
export const inspectPeopleFileAction = defineAction(ZInspect, async (file, ctx) =>
  inspectPeopleFile(ctx, Buffer.from(await file.arrayBuffer())),
);

const transferred = <T>(r: T) => {
  revalidatePath('/people', 'layout');
  return r;
};
export const proposeTransferAction = defineAction(ZProposeTransfer, async (input, ctx) =>
  transferred(await proposeTransfer(db, ctx, input)),
);
export const issueTransferAction = defineAction(ZIssueTransfer, async (input, ctx) =>
  transferred(await issueTransfer(db, ctx, input)),
);
export const receiveTransferAction = defineAction(ZReceiveTransfer, async (input, ctx) =>
  transferred(await receiveTransfer(db, ctx, input)),
);
export const cancelTransferAction = defineAction(ZCancelTransfer, async (input, ctx) =>
  transferred(await cancelTransfer(db, ctx, input)),
);
export const recordIncomingAction = defineAction(ZRecordIncoming, async (input, ctx) =>
  transferred(await recordIncoming(db, ctx, input)),
);

export const setDuesBaseAction = defineAction(ZSetDuesBase, async (input, ctx) => {
  const r = await setDuesBase(db, ctx, input);
  revalidatePath('/people/dues');
  return r;
});
export const recordDuesAction = defineAction(ZRecordDues, async (input, ctx) => {
  const r = await recordDues(db, ctx, input);
  revalidatePath('/people/dues');
  return r;
});
