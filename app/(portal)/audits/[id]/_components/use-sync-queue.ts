'use client';
import type { ActionResult } from '@/lib/action-client';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Saves made on site, kept in this device's storage until the server has them. Each entry has a
 * stable key (a criterion, a method, a finding's clientKey), so re-sending after a lost connection
 * or a reload replaces rather than adds. A refusal by the server (a UserError) drops the entry and
 * reports it; a network failure keeps it for the next try (on 'online', or the next change).
 */
export type QueueEntry = {
  key: string;
  kind: 'score' | 'note' | 'finding';
  payload: Record<string, unknown>;
};
type Send = (e: QueueEntry) => Promise<ActionResult<unknown>>;

export function useSyncQueue(
  storageKey: string,
  send: Send,
  onRefused: (e: QueueEntry, refusal: Extract<ActionResult<unknown>, { ok: false }>) => void,
) {
  const [pending, setPending] = useState<QueueEntry[]>([]);
  const [online, setOnline] = useState(true);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  // A change made while a flush runs is not in its pass: it asks for another one.
  const again = useRef(false);
  const read = useCallback(
    (): QueueEntry[] => JSON.parse(window.localStorage.getItem(storageKey) ?? '[]'),
    [storageKey],
  );
  const write = useCallback(
    (q: QueueEntry[]) => {
      window.localStorage.setItem(storageKey, JSON.stringify(q));
      setPending(q);
    },
    [storageKey],
  );

  const flush = useCallback(async () => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    setSaving(true);
    try {
      do {
        again.current = false;
        for (const entry of read()) {
          let r: ActionResult<unknown>;
          try {
            r = await send(entry);
          } catch {
            setOnline(false);
            return; // network: keep everything for the next try
          }
          setOnline(true);
          // Drop only this entry, and only if it was not changed again meanwhile (then it goes in the next pass).
          const rest = read().filter(
            (x) => !(x.key === entry.key && JSON.stringify(x.payload) === JSON.stringify(entry.payload)),
          );
          if (rest.some((x) => x.key === entry.key)) again.current = true;
          write(rest);
          if (!r.ok) onRefused(entry, r);
        }
      } while (again.current);
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, [read, write, send, onRefused]);

  const put = useCallback(
    (entry: QueueEntry) => {
      write([...read().filter((x) => x.key !== entry.key), entry]);
    },
    [read, write],
  );

  useEffect(() => {
    // The device's queue and connection state exist only in the browser: read them once hydrated.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPending(read());
    setOnline(navigator.onLine);
    void flush();
    const up = () => {
      setOnline(true);
      void flush();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [read, flush]);

  return { pending, online, saving, put, flush, stored: read };
}
