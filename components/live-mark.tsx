'use client';
import { useEffect } from 'react';

/**
 * Marks the page live (`<html data-live>`) once React has hydrated it. Until then a button that works only through
 * its script (`type="button"`) takes no tap (app/globals.css): on a slow phone a tap that would have been lost
 * waits for the page instead, and a browser test's click waits the same way.
 */
export function LiveMark() {
  useEffect(() => {
    document.documentElement.dataset.live = '';
  }, []);
  return null;
}
