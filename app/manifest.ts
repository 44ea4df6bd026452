import type { MetadataRoute } from 'next';
import { getTranslations } from 'next-intl/server';

/**
 * The web app manifest (issue 18.7): the portal can be added to a phone's home screen and opens full screen, in the
 * party red, at the workbench. The service worker (public/sw.js) shows /offline when a page cannot be reached.
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const t = await getTranslations('app');
  return {
    id: '/',
    name: t('title'),
    short_name: t('name'),
    description: t('description'),
    lang: 'zh-CN',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#fafaf9',
    theme_color: '#b91c1c',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
