import { z } from 'zod';
import { msg } from '../i18n/message';
import { robotUrlProblem } from './robot-hosts';

export const ZAddRobot = z.object({
  orgId: z.uuid(msg('validation.invalidId')),
  kind: z.enum(['WECOM', 'DINGTALK', 'FEISHU'], msg('robots.errors.kind')),
  url: z
    .url({ protocol: /^https?$/, message: msg('robots.errors.url') })
    .max(500, msg('validation.tooLong', { max: 500 }))
    .superRefine((url, ctx) => {
      const problem = robotUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: msg(problem) });
    }),
  secret: z
    .string()
    .trim()
    .max(200, msg('validation.tooLong', { max: 200 }))
    .optional()
    .transform((v) => v || null),
});

export type TAddRobot = z.input<typeof ZAddRobot>;

export const ZRemoveRobot = z.object({ id: z.uuid(msg('validation.invalidId')) });
