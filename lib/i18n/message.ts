/**
 * Validation and action errors travel as message keys, optionally with parameters encoded as
 * "key|{json}", so zod schemas stay shared between server and form without knowing the language.
 */
export function msg(key: string, params?: Record<string, string | number>): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

export function parseMsg(m: string): { key: string; params: Record<string, string | number> } {
  const i = m.indexOf('|');
  if (i < 0) return { key: m, params: {} };
  try {
    return { key: m.slice(0, i), params: JSON.parse(m.slice(i + 1)) };
  } catch {
    return { key: m.slice(0, i), params: {} };
  }
}
