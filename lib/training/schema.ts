import { z } from 'zod';
import { msg } from '../i18n/message';

const text = (max: number, min = 2) =>
  z
    .string()
    .trim()
    .min(min, msg('training.errors.textRequired'))
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup'));
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup'))
    .transform((v) => v || null);

export const ZCreateTraining = z
  .object({
    title: text(120),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    place: optional(200),
    onlineUrl: optional(500).refine(
      (v) => v === null || /^https?:\/\/\S+$/.test(v),
      msg('training.errors.url'),
    ),
    lecturer: text(60),
    articleIds: z.array(z.uuid()).min(1, msg('training.errors.chooseArticles')).max(20),
    invitedOrgIds: z.array(z.uuid()).max(100),
    invitedUserIds: z.array(z.uuid()).max(500),
  })
  .refine((s) => s.endsAt > s.startsAt, { message: msg('training.errors.period'), path: ['endsAt'] })
  .refine((s) => s.place || s.onlineUrl, { message: msg('training.errors.where'), path: ['place'] })
  .refine((s) => s.invitedOrgIds.length + s.invitedUserIds.length > 0, {
    message: msg('training.errors.invite'),
    path: ['invitedOrgIds'],
  });
export type TCreateTraining = z.output<typeof ZCreateTraining>;

export const ZSignIn = z.object({ sessionId: z.uuid(), token: z.string().min(8).max(64) });
export const ZRecordAttendance = z.object({
  sessionId: z.uuid(),
  userIds: z.array(z.uuid()).min(1, msg('training.errors.choosePeople')).max(500),
});
