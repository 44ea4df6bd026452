import { UserError } from '../errors';
import { putFile } from '../storage';
import { sniffType } from './type';

export type Upload = { name: string; bytes: Buffer };

/**
 * Uploaded files checked the same way everywhere: how many, how large, and the type by content
 * (an .exe renamed .jpg is refused). Errors use the calling area's message keys (`<area>.errors.*`).
 */
export function checkUploads(files: Upload[], o: { area: string; maxFiles: number; maxBytes: number }) {
  if (files.length > o.maxFiles)
    throw new UserError(`${o.area}.errors.tooManyFiles`, { max: o.maxFiles }, 'files');
  return files.map((f) => {
    if (f.bytes.length > o.maxBytes)
      throw new UserError(
        `${o.area}.errors.fileTooLarge`,
        { name: f.name, mb: Math.round(o.maxBytes / 1024 / 1024) },
        'files',
      );
    const mimeType = sniffType(f.name, f.bytes);
    if (!mimeType) throw new UserError(`${o.area}.errors.fileType`, { name: f.name }, 'files');
    return { ...f, mimeType };
  });
}

/**
 * Checked files put in the file store (content-addressed), as the columns every evidence and attachment table
 * shares; the caller adds its record's id (and the uploader where the table keeps one).
 */
export async function storeChecked(checked: (Upload & { mimeType: string })[]) {
  return Promise.all(
    checked.map(async (f) => {
      const s = await putFile(f.bytes);
      return {
        fileName: f.name.slice(0, 200),
        mimeType: f.mimeType,
        size: s.size,
        sha256: s.sha256,
        storageKey: s.key,
      };
    }),
  );
}

/** What the trace keeps of stored files: names and content hashes. */
export const traceFiles = (stored: { fileName: string; sha256: string }[]) =>
  stored.map((f) => ({ name: f.fileName, sha256: f.sha256 }));
