/** The photo check rule (thresholds), set company-wide by the committee; traced. */
import type { z } from 'zod';
import { type ActionContext, inTransaction } from '../action-context';
import { trace } from '../audit-log';
import { assertCanCompanyWide } from '../policy';
import { PHOTO_RULE_KEY, photoRule, type ZPhotoRule } from './rules';

export const setPhotoRule = inTransaction(
  async (tx, ctx: ActionContext, input: z.output<typeof ZPhotoRule>) => {
    const root = await assertCanCompanyWide(tx, ctx.user, 'reminder.supervise');
    const before = await photoRule(tx);
    await tx.setting.upsert({
      where: { key: PHOTO_RULE_KEY },
      create: { key: PHOTO_RULE_KEY, value: input },
      update: { value: input },
    });
    await trace(tx, ctx.actor, 'photos.setRule', 'Setting', PHOTO_RULE_KEY, {
      orgPath: root.path,
      before,
      after: input,
    });
    return input;
  },
);
