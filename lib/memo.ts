/**
 * A figure kept for a short while in this process: for counts over a whole company that a page shows as a number
 * (a workbench card), where reading them again on every request costs more than a minute's staleness is worth.
 * Never for what decides access or what a user has just changed and expects to see.
 */
export function memo<T>(ttlMs: number, max = 500) {
  const kept = new Map<string, { until: number; value: Promise<T> }>();
  return (key: string, read: () => Promise<T>): Promise<T> => {
    const now = Date.now();
    const hit = kept.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = read();
    // A failed read is not kept (nor does it remove a newer read of the same key).
    value.catch(() => {
      if (kept.get(key)?.value === value) kept.delete(key);
    });
    kept.delete(key);
    if (kept.size >= max) kept.delete(kept.keys().next().value!);
    kept.set(key, { until: now + ttlMs, value });
    return value;
  };
}
