/** Revision constants without zod, so client pages can use them without loading it. */

export const REVISION_FIELDS = ['what', 'who', 'how', 'when', 'standard', 'example'] as const;
