/**
 * "Make available offline": the server's manifest (GET /api/offline/manifest) lists the published
 * catalogue's JSON, every product's models and pictures and the detector's weights, each with its
 * size, so the total is known before the first byte; each file is streamed into the
 * "twinspect-offline" cache (which the service worker falls back to with no connection), counting
 * bytes as they arrive for the progress bar. The manifest's version says when to download again.
 */
import { i18n } from '../../i18n/i18n';

export const OFFLINE_CACHE = 'twinspect-offline';
const SAVED_KEY = 'twinspect.offline';

export interface OfflineManifest {
  version: string;
  entries: { url: string; bytes: number }[];
  totalBytes: number;
}

/** What this device holds, as recorded when the download finished. */
export interface SavedCatalogue {
  version: string;
  files: number;
  bytes: number;
  savedAt: string;
}

export interface DownloadProgress {
  loaded: number;
  total: number;
  files: number;
  filesTotal: number;
}

export async function fetchManifest(): Promise<OfflineManifest> {
  const res = await fetch('/api/offline/manifest', { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw new Error(i18n.t('offline:panel.serverAnswered', { status: res.status }));
  return (await res.json()) as OfflineManifest;
}

export function savedCatalogue(): SavedCatalogue | null {
  try {
    const raw = localStorage.getItem(SAVED_KEY);
    return raw ? (JSON.parse(raw) as SavedCatalogue) : null;
  } catch {
    return null;
  }
}

/** One file into the cache, reporting each chunk's bytes as it arrives. */
async function fetchInto(cache: Cache, url: string, onBytes: (n: number) => void): Promise<void> {
  const res = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
  if (!res.ok || !res.body) throw new Error(i18n.t('offline:panel.serverAnswered', { status: res.status }));
  const reader = res.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value as Uint8Array<ArrayBuffer>);
    onBytes(value.byteLength);
  }
  const headers = new Headers({ 'content-type': res.headers.get('content-type') ?? 'application/octet-stream' });
  await cache.put(url, new Response(new Blob(parts), { status: 200, headers }));
}

/**
 * Downloads everything the manifest lists (three files at a time), then drops what the cache holds
 * that the manifest no longer names (a product withdrawn, a model replaced).
 */
export async function downloadCatalogue(manifest: OfflineManifest, onProgress: (p: DownloadProgress) => void): Promise<SavedCatalogue> {
  const cache = await caches.open(OFFLINE_CACHE);
  const progress: DownloadProgress = { loaded: 0, total: manifest.totalBytes, files: 0, filesTotal: manifest.entries.length };
  onProgress({ ...progress });
  const queue = [...manifest.entries];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      let got = 0;
      await fetchInto(cache, entry.url, (n) => {
        got += n;
        progress.loaded += n;
        onProgress({ ...progress });
      });
      // A size that differed from the manifest's (a compressed answer): count what was promised.
      progress.loaded += entry.bytes - got;
      progress.files++;
      onProgress({ ...progress });
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  const wanted = new Set(manifest.entries.map((e) => new URL(e.url, location.origin).href));
  for (const req of await cache.keys()) if (!wanted.has(req.url)) await cache.delete(req);
  const saved: SavedCatalogue = { version: manifest.version, files: manifest.entries.length, bytes: manifest.totalBytes, savedAt: new Date().toISOString() };
  localStorage.setItem(SAVED_KEY, JSON.stringify(saved));
  return saved;
}

export async function removeCatalogue(): Promise<void> {
  await caches.delete(OFFLINE_CACHE);
  localStorage.removeItem(SAVED_KEY);
}

/** How much of the device's storage the site uses, and may use. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return estimate?.usage !== undefined && estimate.quota !== undefined ? { usage: estimate.usage, quota: estimate.quota } : null;
}

/** Asks the browser not to evict the offline data under storage pressure (it may say no). */
export async function persistStorage(): Promise<boolean> {
  return (await navigator.storage?.persist?.().catch(() => false)) ?? false;
}
