'use server';
import { revalidatePath } from 'next/cache';
import { defineAction, defineMutation } from '../action';
import { db } from '../db';
import { readFiles } from '../files/form-data';
import { addMeetingFiles, createMeeting, recordMakeup, removeMeetingFile, saveMeeting } from './mutations';
import { ZCreateMeeting, ZMeetingFiles, ZRecordMakeup, ZRemoveMeetingFile, ZSaveMeeting } from './schema';

const changed = () => revalidatePath('/meetings', 'layout');

export const createMeetingAction = defineMutation(ZCreateMeeting, createMeeting, changed);

export const saveMeetingAction = defineAction(ZSaveMeeting, async (input, ctx) => {
  const r = await saveMeeting(db, ctx, input, { submit: false });
  changed();
  return r;
});

export const submitMeetingAction = defineAction(ZSaveMeeting, async (input, ctx) => {
  const r = await saveMeeting(db, ctx, input, { submit: true });
  changed();
  revalidatePath('/reminders', 'layout');
  return r;
});

export const addMeetingFilesAction = defineAction(ZMeetingFiles, async (input, ctx) => {
  const r = await addMeetingFiles(db, ctx, input.meetingId, await readFiles(input.files));
  changed();
  return r;
});

export const removeMeetingFileAction = defineMutation(ZRemoveMeetingFile, removeMeetingFile, changed);

export const recordMakeupAction = defineMutation(ZRecordMakeup, recordMakeup, changed);
