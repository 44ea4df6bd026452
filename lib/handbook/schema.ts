import { z } from 'zod';
import { msg } from '../i18n/message';
import { ORG_TYPES } from '../orgs/schema';
import { id, intInRange, optionalDate, optionalText, requiredText } from '../validation';

const longText = (max: number) =>
  z.string(msg('validation.invalid')).trim().max(max, msg('validation.tooLong', { max })).refine((v) => !/<\s*\/?\s*script/i.test(v), msg('validation.noMarkup'));

export const ZCreateDraft = z.object({ label: requiredText(40) });

export const ZPublishVersion = z.object({
  versionId: id,
  effectiveDate: optionalDate,
  changeSummary: optionalText(500),
});

export const ZArticleFields = z.object({
  title: requiredText(100),
  what: longText(4000),
  who: longText(2000),
  how: longText(6000),
  when: longText(2000),
  standard: longText(4000),
  orgTypes: z.array(z.enum(ORG_TYPES, msg('orgs.errors.badType'))).max(ORG_TYPES.length).default([]),
  tags: z.array(requiredText(20)).max(10, msg('validation.max', { max: 10 })).default([]),
});

export const ZUpdateArticle = ZArticleFields.extend({ id, lockVersion: intInRange(0, 1_000_000) });
export type TUpdateArticle = z.input<typeof ZUpdateArticle>;

export const ZCreateArticle = z.object({ partId: id, title: requiredText(100) });
export const ZMoveArticle = z.object({ id, direction: z.enum(['up', 'down']) });
export const ZDeleteArticle = z.object({ id });

export const ZRemoveAttachment = z.object({ id });

export const ZAttachmentFields = z.object({
  articleId: id,
  kind: z.enum(['TEMPLATE', 'EXAMPLE'], msg('validation.invalid')),
  title: requiredText(100),
  sourceOrgName: optionalText(100),
});
