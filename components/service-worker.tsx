'use client';
import { useEffect } from 'react';

/** Registers public/sw.js (the offline page) in production builds, where the browser allows it. */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // An old browser or a private window: the portal works the same without it.
    });
  }, []);
  return null;
}
