/**
 * Checks file sizes in the browser before a form is sent, so a 200 MB photo is refused with the
 * same message the server would give instead of being uploaded first (the server checks again).
 */
export function oversizedFile(fd: FormData, field: string, maxBytes: number): string | null {
  const big = fd.getAll(field).find((f): f is File => f instanceof File && f.size > maxBytes);
  return big ? big.name : null;
}

export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;
