/**
 * Templates and worked examples attached to draft articles. The type is decided by the file's
 * content (its signature) together with its extension, never by the name alone; at most 20 MB.
 */
import type { z } from 'zod';
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { sniffType } from '../../files/type';
import { storeChecked } from '../../files/uploads';
import type { ZRemoveAttachment } from '../schema';
import { assertDraft, handbookEdit } from './draft';
import { assertCanCompanyWide } from '../../policy';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export async function addAttachment(
  client: Db,
  ctx: ActionContext,
  input: {
    articleId: string;
    kind: 'TEMPLATE' | 'EXAMPLE';
    title: string;
    fileName: string;
    bytes: Buffer;
    sourceOrgName?: string;
  },
) {
  if (input.bytes.length === 0) throw new UserError('handbook.errors.noFile', {}, 'file');
  if (input.bytes.length > MAX_ATTACHMENT_BYTES)
    throw new UserError('handbook.errors.fileTooLarge', { mb: 20 }, 'file');
  const mimeType = sniffType(input.fileName, input.bytes);
  if (!mimeType) throw new UserError('handbook.errors.fileType', {}, 'file');
  await assertCanCompanyWide(client, ctx.user, 'handbook.edit');
  const article = await client.article.findUnique({
    where: { id: input.articleId },
    select: { id: true, versionId: true },
  });
  if (!article) throw new NotFoundError();
  const [stored] = await storeChecked([{ name: input.fileName, bytes: input.bytes, mimeType }]);
  return client.$transaction(async (tx) => {
    await assertDraft(tx, article.versionId);
    const row = await tx.articleAttachment.create({
      data: {
        articleId: article.id,
        kind: input.kind,
        title: input.title,
        ...stored!,
        sourceOrgName: input.sourceOrgName ?? null,
      },
    });
    await trace(tx, ctx.actor, 'handbook.attachment.add', 'ArticleAttachment', row.id, {
      after: { articleId: article.id, fileName: row.fileName, size: row.size, sha256: row.sha256 },
    });
    return row;
  });
}

export const removeAttachment = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZRemoveAttachment>) => {
    const f = await tx.articleAttachment.findUnique({
      where: { id: input.id },
      include: { article: { select: { versionId: true } } },
    });
    if (!f) throw new NotFoundError();
    await assertDraft(tx, f.article.versionId);
    await tx.articleAttachment.delete({ where: { id: f.id } });
    // The file itself stays: other versions may share it (content-addressed), and the trace names its hash.
    await trace(tx, ctx.actor, 'handbook.attachment.remove', 'ArticleAttachment', f.id, {
      before: { fileName: f.fileName, sha256: f.sha256 },
    });
    return { id: f.id };
  },
);
