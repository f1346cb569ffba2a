/**
 * Registers the service worker that vite-plugin-pwa builds (sw.js: the precached app shell, and
 * the offline fallbacks), in a build only (vite.config.ts defines TWINSPECT_SW): the dev server has none. A new version takes
 * over at once (skipWaiting); the page keeps running on what it loaded.
 */
import { Workbox } from 'workbox-window';

let registering: Promise<ServiceWorkerRegistration | undefined> | undefined;

export function registerServiceWorker(): Promise<ServiceWorkerRegistration | undefined> {
  if (import.meta.env.TWINSPECT_SW !== true || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return Promise.resolve(undefined);
  registering ??= new Workbox('/sw.js', { scope: '/' }).register().catch((err: unknown) => {
    console.warn('Twinspect: the service worker was not registered; offline use is unavailable', err);
    return undefined;
  });
  return registering;
}
