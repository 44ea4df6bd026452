/**
 * The upload type check: the type is decided by the file's content (its signature) together with its
 * extension, never by the name alone.
 */
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
