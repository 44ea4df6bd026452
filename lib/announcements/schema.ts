import { z } from 'zod';
import { msg } from '../i18n/message';

const text = (min: number, max: number, required: string) =>
  z
    .string()
    .trim()
    .min(min, msg(required))
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup'));

export const ZPublishAnnouncement = z.object({
  title: text(2, 120, 'announcements.errors.titleRequired'),
  body: text(1, 5000, 'announcements.errors.bodyRequired'),
  targetOrgIds: z
    .array(z.uuid(msg('validation.invalidId')))
    .min(1, msg('announcements.errors.chooseOrgs'))
    .max(50),
});
export type TPublishAnnouncement = z.output<typeof ZPublishAnnouncement>;

export const ZAnnouncementId = z.object({ id: z.uuid(msg('validation.invalidId')) });
