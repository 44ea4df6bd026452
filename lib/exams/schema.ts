import { z } from 'zod';
import { msg } from '../i18n/message';
import { storable } from '../validation';
import { QUESTION_TYPES } from './rules';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg('validation.tooLong', { max }))
    .refine((v) => !/[<>]/.test(v), msg('validation.noMarkup'))
    .refine(storable, msg('validation.badCharacters'));

export const ZQuestion = z.object({
  type: z.enum(QUESTION_TYPES),
  stem: text(1000).pipe(z.string().min(4, msg('exams.errors.stem'))),
  options: z.array(z.object({ id: z.string().regex(/^[A-H]$/), text: text(300) })).max(8),
  answer: z.array(z.union([z.string().max(300), z.boolean()])).max(8),
  points: z.number().positive().max(50),
  difficulty: z.number().int().min(1).max(3),
  articleKeys: z.array(z.uuid()).min(1, msg('exams.errors.articles')).max(10),
  tags: z.array(z.string().max(20)).max(10),
});
export type TQuestion = z.output<typeof ZQuestion>;

export const ZCreateExam = z
  .object({
    title: text(120).pipe(z.string().min(2, msg('exams.errors.title'))),
    parts: z
      .array(
        z.object({
          type: z.enum(QUESTION_TYPES),
          count: z.number().int().min(1).max(100),
          difficulty: z.number().int().min(1).max(3).optional(),
        }),
      )
      .min(1),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    durationMin: z.number().int().min(5).max(240),
    passMark: z.number().min(0).max(100),
    orgIds: z.array(z.uuid()).max(50),
    roles: z.array(z.enum(['COMMITTEE', 'SECRETARY', 'CLERK', 'MEMBER'])).max(4),
    retakes: z.number().int().min(0).max(5),
    // The paper's scope: questions on these articles (published article ids) and/or with these tags.
    articleIds: z.array(z.uuid()).max(30).default([]),
    tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
    // For a training class: its invitees take it (instead of orgIds).
    trainingId: z.uuid().nullable().default(null),
  })
  .refine((e) => e.closesAt > e.opensAt, { message: msg('exams.errors.window'), path: ['closesAt'] });
export type TCreateExam = z.output<typeof ZCreateExam>;

export const ZSaveAnswer = z.object({
  attemptId: z.uuid(),
  questionId: z.uuid(),
  answer: z.union([
    z.string().max(2000).refine(storable, msg('validation.badCharacters')),
    z.boolean(),
    z.array(z.string().max(4).refine(storable, msg('validation.badCharacters'))).max(8),
    z.null(),
  ]),
});
export const ZAttemptId = z.object({ attemptId: z.uuid() });
export const ZExamId = z.object({ examId: z.uuid() });
export const ZAuditExam = z
  .object({
    auditId: z.uuid(),
    parts: ZCreateExam.shape.parts,
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    durationMin: z.number().int().min(5).max(240),
    passMark: z.number().min(0).max(100),
  })
  .refine((e) => e.closesAt > e.opensAt, { message: msg('exams.errors.window'), path: ['closesAt'] });
export type TAuditExam = z.output<typeof ZAuditExam>;
export const ZGradeShort = z.object({
  attemptId: z.uuid(),
  questionId: z.uuid(),
  points: z.number().min(0).max(50),
});
