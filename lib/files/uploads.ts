import { UserError } from '../errors';
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
