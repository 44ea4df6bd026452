type T = { (key: string, values?: Record<string, string | number>): string; has: (key: string) => boolean };

/** Trace action names ("org.create") as words; message keys use "_" because "." nests. */
export function actionLabel(t: T, action: string): string {
  const key = `actions.${action.replaceAll('.', '_')}`;
  return t.has(key) ? t(key) : action;
}
