/** Reminder constants without zod, so client pages can use them without loading it. */

export const QUALITIES = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'] as const;
