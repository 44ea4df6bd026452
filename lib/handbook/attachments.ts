/**
 * Templates and worked examples attached to draft articles. The type is decided by the file's
 * content (its signature) together with its extension, never by the name alone; at most 20 MB.
 */
import type { z } from 'zod';
import { appendTrace } from '../audit-log';
import type { Db } from '../db/client';
import { NotFoundError, UserError } from '../errors';
import type { WriteCtx } from '../orgs/mutations';
import { putFile } from '../storage';
import type { ZRemoveAttachment } from './schema';
import { assertCanEditHandbook, assertDraft } from './scope';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const KINDS = [
  {
    ext: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
    inside: 'word/',
  },
  {
    ext: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [0x50, 0x4b, 0x03, 0x04],
    inside: 'xl/',
  },
  { ext: 'pdf', mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { ext: 'jpg', mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { ext: 'jpeg', mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { ext: 'png', mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const;

/** The MIME type of a file already checked by sniffType, from its name alone. */
export const mimeOfChecked = (fileName: string) =>
  KINDS.find((k) => k.ext === fileName.toLowerCase().split('.').pop())?.mime ?? 'application/octet-stream';

/** The MIME type of an allowed file, or null: extension and content signature must agree. */
export function sniffType(fileName: string, bytes: Buffer): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const kind = KINDS.find((k) => k.ext === ext);
  if (!kind || !kind.magic.every((b, i) => bytes[i] === b)) return null;
  // Office files are ZIP packages: the part folder names tell a document from a workbook.
  if (
    'inside' in kind &&
    !bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).includes(Buffer.from(kind.inside))
  )
    return null;
  return kind.mime;
}

export async function addAttachment(
  client: Db,
  ctx: WriteCtx,
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
  await assertCanEditHandbook(client, ctx.user);
  const article = await client.article.findUnique({
    where: { id: input.articleId },
    select: { id: true, versionId: true },
  });
  if (!article) throw new NotFoundError();
  const stored = await putFile(input.bytes);
  return client.$transaction(async (tx) => {
    await assertDraft(tx, article.versionId);
    const row = await tx.articleAttachment.create({
      data: {
        articleId: article.id,
        kind: input.kind,
        title: input.title,
        fileName: input.fileName.slice(0, 200),
        mimeType,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
        sourceOrgName: input.sourceOrgName ?? null,
      },
    });
    await appendTrace(tx, ctx.actor, {
      action: 'handbook.attachment.add',
      entityType: 'ArticleAttachment',
      entityId: row.id,
      after: { articleId: article.id, fileName: row.fileName, size: row.size, sha256: row.sha256 },
    });
    return row;
  });
}

export async function removeAttachment(client: Db, ctx: WriteCtx, input: z.output<typeof ZRemoveAttachment>) {
  return client.$transaction(async (tx) => {
    await assertCanEditHandbook(tx, ctx.user);
    const f = await tx.articleAttachment.findUnique({
      where: { id: input.id },
      include: { article: { select: { versionId: true } } },
    });
    if (!f) throw new NotFoundError();
    await assertDraft(tx, f.article.versionId);
    await tx.articleAttachment.delete({ where: { id: f.id } });
    // The file itself stays: other versions may share it (content-addressed), and the trace names its hash.
    await appendTrace(tx, ctx.actor, {
      action: 'handbook.attachment.remove',
      entityType: 'ArticleAttachment',
      entityId: f.id,
      before: { fileName: f.fileName, sha256: f.sha256 },
    });
    return { id: f.id };
  });
}
