import { z } from 'zod';
import { msg } from '../i18n/message';
import { uploadSchema } from '../files/form-data';
import { id, intInRange, longText, optionalId, optionalText, requiredText } from '../validation';
import { ATTENDANCE_STATUSES, type AttendeeInput, MEETING_KINDS, REVIEW_RATINGS } from './rules';
export { MAX_RESOLUTIONS } from './rules';
import { MAX_RESOLUTIONS } from './rules';

export const MEETING_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const MEETING_MAX_FILES = 12;

const day = z.iso.date(msg('validation.invalidDate'));
const hours = z.coerce
  .number(msg('validation.number'))
  .min(0, msg('validation.min', { min: 0 }))
  .max(16, msg('validation.max', { max: 16 }))
  .refine((v) => Math.round(v * 2) === v * 2, msg('meetings.errors.halfHours'));

export const ZCreateMeeting = z.object({
  orgId: z.uuid(msg('meetings.errors.orgRequired')),
  kind: z.enum(MEETING_KINDS, msg('validation.invalid')),
  heldOn: day,
});
export type TCreateMeeting = z.input<typeof ZCreateMeeting>;

export const ZAttendee = z.object({
  personId: id,
  status: z.enum(ATTENDANCE_STATUSES, msg('validation.invalid')),
  reason: optionalText(200),
  rating: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.enum(REVIEW_RATINGS, msg('validation.invalid')).optional(),
  ),
});

export const ZResolution = z.object({
  text: requiredText(500),
  votesFor: intInRange(0, 10000),
  votesAgainst: intInRange(0, 10000),
  votesAbstain: intInRange(0, 10000),
});

/** The whole record as the clerk edits it; saved as a draft, or saved and submitted. */
export const ZSaveMeeting = z.object({
  id,
  lockVersion: z.number().int().min(0),
  heldOn: day,
  startTime: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg('meetings.errors.badTime'))
      .optional(),
  ),
  place: longText(120),
  hostId: optionalId,
  lecturerId: optionalId,
  lecturerName: optionalText(60),
  topic: longText(200),
  agenda: longText(4000),
  minutes: longText(20000),
  isElection: z.boolean().default(false),
  studyHours: hours,
  backfillReason: optionalText(500),
  attendees: z.array(ZAttendee).max(2000),
  resolutions: z.array(ZResolution).max(MAX_RESOLUTIONS, msg('validation.max', { max: MAX_RESOLUTIONS })),
});
/** The record as the editor holds it (numbers may still be the text typed); the action parses it. */
export type TSaveMeeting = {
  id: string;
  lockVersion: number;
  heldOn: string;
  startTime?: string;
  place: string;
  hostId?: string;
  lecturerId?: string;
  lecturerName?: string;
  topic: string;
  agenda: string;
  minutes: string;
  isElection: boolean;
  studyHours: number | string;
  backfillReason?: string;
  attendees: AttendeeInput[];
  resolutions: {
    text: string;
    votesFor: number | string;
    votesAgainst: number | string;
    votesAbstain: number | string;
  }[];
};

export const ZMeetingFiles = uploadSchema(z.object({ meetingId: id }), {
  files: {
    maxBytes: MEETING_FILE_MAX_BYTES,
    tooLarge: 'meetings.errors.fileTooLarge',
    required: 'meetings.errors.noFile',
  },
});
export const ZRemoveMeetingFile = z.object({ meetingId: id, fileId: id });

export const ZRecordMakeup = z.object({
  meetingId: id,
  personId: id,
  studiedOn: day,
  method: requiredText(200),
  hours,
});
export type TRecordMakeup = z.input<typeof ZRecordMakeup>;
