'use client';
import { useCallback, useEffect, useState } from 'react';

/**
 * A form's state kept on this device as it is typed, so a reload, a dropped signal or a closed tab loses
 * nothing. What is kept belongs to one server version (`version`). A copy made on an older version (someone
 * saved the record meanwhile) is not applied by itself, nor thrown away: `older` offers it, `takeOlder` applies
 * it over the newer version, `dropOlder` discards it. `clear` after the server has saved it.
 */
export function useLocalDraft<T>(key: string, version: number, initial: T) {
  const [value, setValue] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  const [older, setOlder] = useState<T | null>(null);
  // localStorage exists only in the browser: read it after hydration (hence state set in an effect).
  useEffect(() => {
    const raw = window.localStorage.getItem(key);
    if (!raw) return;
    try {
      const kept = JSON.parse(raw) as { version: number; value: T };
      if (kept.version === version) {
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setValue(kept.value);
        setRestored(true);
      } else setOlder(kept.value);
    } catch {
      window.localStorage.removeItem(key);
    }
  }, [key, version]);
  const update = useCallback(
    (next: T | ((v: T) => T)) =>
      setValue((v) => {
        const n = typeof next === 'function' ? (next as (v: T) => T)(v) : next;
        window.localStorage.setItem(key, JSON.stringify({ version, value: n }));
        return n;
      }),
    [key, version],
  );
  const clear = useCallback(() => {
    window.localStorage.removeItem(key);
    setRestored(false);
  }, [key]);
  const takeOlder = useCallback(() => {
    if (older === null) return;
    window.localStorage.setItem(key, JSON.stringify({ version, value: older }));
    setValue(older);
    setOlder(null);
    setRestored(true);
  }, [key, version, older]);
  const dropOlder = useCallback(() => {
    window.localStorage.removeItem(key);
    setOlder(null);
  }, [key]);
  return { value, update, clear, restored, older: older !== null, takeOlder, dropOlder };
}
