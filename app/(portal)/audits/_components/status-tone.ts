export const STATUS_TONE = {
  PLANNED: 'stone',
  IN_PROGRESS: 'amber',
  SCORED: 'green',
  FEEDBACK_ISSUED: 'blue',
} as const;
