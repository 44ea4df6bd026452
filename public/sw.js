/*
 * 五标's service worker (issue 18.7). It keeps one page: /offline (and the style sheets it uses), fetched when the
 * worker installs. A page the phone cannot reach shows it instead of the browser's error. Nothing else is cached —
 * the portal's pages hold personal data and must be current — and only page navigations are touched: data requests
 * and server actions go to the network as before, so the audit scoring and meeting pages keep their own offline
 * queue (saved on the device, sent when back online).
 */
const CACHE = 'wubiao-offline-v1';
const OFFLINE = '/offline';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const res = await fetch(OFFLINE, { cache: 'no-store', credentials: 'omit' });
      if (!res.ok) throw new Error(`offline page: HTTP ${res.status}`);
      const html = await res.clone().text();
      const sheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
      await cache.put(OFFLINE, res);
      await cache.addAll([...sheets.filter((s) => s.startsWith('/')), '/icons/icon-192.png']);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  if (req.mode === 'navigate') {
    event.respondWith(fetch(req).catch(async () => (await caches.match(OFFLINE)) ?? Response.error()));
    return;
  }
  // The offline page's own style sheets and icon, when the network is gone.
  const path = new URL(req.url).pathname;
  if ((path.startsWith('/_next/static/') && req.destination === 'style') || path === '/icons/icon-192.png')
    event.respondWith(fetch(req).catch(async () => (await caches.match(req)) ?? Response.error()));
});
