'use client';
import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False in the server's HTML and while the page hydrates, true once React has taken the page over. A button whose
 * whole work is its onClick does nothing before then: it is shown off (not hidden) until it can work, so a click on a
 * slow phone waits for it rather than being lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
