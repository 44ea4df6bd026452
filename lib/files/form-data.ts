import { z } from 'zod';
import { UserError } from '../errors';
import { msg } from '../i18n/message';

type FileRule = {
  /** The form field holding the files (default `files`). */
  field?: string;
  maxBytes: number;
  /** Message key of a file over the size; given `{ name, mb }`. */
  tooLarge: string;
  /** Message key when no file was chosen; without it, no file is fine. */
  required?: string;
};

/**
 * The input of a server action that carries files: the form's fields parsed by `fields` (those in `lists` read
 * with getAll, an empty value read as ''), then the chosen files, each at most `files.maxBytes`, refused in the
 * same field-error shape as any other input. The content type of each file is checked later, by content
 * (lib/files/uploads.ts), where the bytes are read.
 */
export function uploadSchema<S extends z.ZodObject>(
  fields: S,
  o: {
    lists?: readonly string[];
    files: FileRule;
    defaults?: (fd: FormData, files: File[]) => Record<string, unknown>;
  },
): z.ZodType<z.output<S> & { files: File[] }, FormData> {
  return z.instanceof(FormData, { message: msg('validation.invalid') }).transform((fd, ctx) => {
    const field = o.files.field ?? 'files';
    const files = fd.getAll(field).filter((f): f is File => f instanceof File && f.size > 0);
    const raw: Record<string, unknown> = {};
    for (const key of Object.keys(fields.shape)) {
      raw[key] = o.lists?.includes(key) ? fd.getAll(key).filter(Boolean) : (fd.get(key) ?? '');
    }
    const parsed = fields.safeParse({
      ...raw,
      ...Object.fromEntries(Object.entries(o.defaults?.(fd, files) ?? {}).filter(([k]) => !raw[k])),
    });
    if (!parsed.success) {
      for (const i of parsed.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
      return z.NEVER;
    }
    if (o.files.required && files.length === 0) {
      ctx.addIssue({ code: 'custom', path: [field], message: msg(o.files.required) });
      return z.NEVER;
    }
    const big = files.find((f) => f.size > o.files.maxBytes);
    if (big) {
      const mb = Math.round(o.files.maxBytes / 1024 / 1024);
      ctx.addIssue({ code: 'custom', path: [field], message: msg(o.files.tooLarge, { name: big.name, mb }) });
      return z.NEVER;
    }
    return { ...(parsed.data as z.output<S>), files };
  });
}

/** One .xlsx workbook in the field `file`, for the Excel imports; `area` names the message keys. */
export function workbookUpload(area: string, maxBytes: number): z.ZodType<File, FormData> {
  return z.instanceof(FormData, { message: msg(`${area}.errors.noFile`) }).transform((fd, ctx) => {
    const file = fd.get('file');
    const refuse = (key: string, params?: Record<string, number>) => {
      ctx.addIssue({ code: 'custom', path: ['file'], message: msg(`${area}.errors.${key}`, params) });
      return z.NEVER;
    };
    if (!(file instanceof File) || file.size === 0) return refuse('noFile');
    if (file.size > maxBytes) return refuse('tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) });
    if (!/\.xlsx$/i.test(file.name)) return refuse('notXlsx');
    return file;
  });
}

/** The chosen files as name and bytes, for the mutations that check their type and store them. */
export function readFiles(files: File[]): Promise<{ name: string; bytes: Buffer }[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })));
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The bytes of a workbook from `workbookUpload`, refused (`${area}.errors.notXlsx`) unless they are a ZIP package. */
export async function workbookBytes(file: File, area: string): Promise<Buffer> {
  const bytes = Buffer.from(await file.arrayBuffer());
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw new UserError(`${area}.errors.notXlsx`, {}, 'file');
  return bytes;
}
