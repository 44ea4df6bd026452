import { z } from 'zod';
import { msg } from '../i18n/message';

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(2, msg('learning.errors.textRequired'))
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup'));

const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, msg('selfCheck.errors.quarter'));

export const ZCreateFocus = z.object({
  periodKey: quarter,
  sourceQuarter: quarter.optional(),
  title: z.string().trim().min(2, msg('learning.errors.titleRequired')).max(120),
  body: z
    .string()
    .trim()
    .min(2, msg('learning.errors.bodyRequired'))
    .max(5000)
    .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup')),
  articleIds: z.array(z.uuid()).min(1, msg('learning.errors.chooseArticles')).max(20),
  examFocus: z.boolean(),
  publish: z.boolean(),
});

export const ZDemoSite = z
  .object({
    orgId: z.uuid(),
    fromDate: z.iso.date(),
    toDate: z.iso.date(),
    articleIds: z.array(z.uuid()).min(1, msg('learning.errors.chooseArticles')).max(10),
    description: text(1000),
  })
  .refine((s) => s.toDate >= s.fromDate, { message: msg('learning.errors.period'), path: ['toDate'] });

export const ZSiteVisit = z.object({
  siteId: z.uuid(),
  date: z.iso.date(),
  visitingOrgIds: z.array(z.uuid()).min(1, msg('learning.errors.chooseVisitors')).max(50),
  notes: text(2000),
});
