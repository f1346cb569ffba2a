/**
 * Offline use, for the whole app: whether the server can be reached, the answers waiting to sync
 * and the sync in progress, the catalogue stored on this device and its download, and the drills
 * kept ready. The queue is sent when the connection comes back (the online event), every
 * RETRY_MS while anything waits, and when the app starts.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { DrillResult } from '../../domain/drill';
import type { SessionUser } from '../../domain/roles';
import { syncQueue, type QueuedAnswer, type SendOutcome, type SyncProgress } from './answer-queue';
import { clearStock, stockOf, topUpStock } from './drill-stock';
import { queueStorage } from './offline-db';
import {
  downloadCatalogue,
  fetchManifest,
  persistStorage,
  removeCatalogue,
  savedCatalogue,
  storageEstimate,
  type DownloadProgress,
  type SavedCatalogue,
} from './offline-download';

const RETRY_MS = 15_000;

export interface OfflineState {
  /** The browser says it is online and the last request reached the server. */
  online: boolean;
  user: SessionUser | null;
  /** This trainee's answers waiting to be sent. */
  waiting: number;
  syncing: SyncProgress | null;
  /** The last sync that sent anything: how many were scored, and refused for good. */
  lastSync: { sent: number; refused: number } | null;
  download: { status: 'idle' | 'downloading' | 'done' | 'error'; progress: DownloadProgress | null; error: string | null };
  saved: SavedCatalogue | null;
  /** Drills kept ready for offline practice. */
  stocked: number;
  storage: { usage: number; quota: number } | null;
}

export const offlineStore = createStore<OfflineState>()(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  user: null,
  waiting: 0,
  syncing: null,
  lastSync: null,
  download: { status: 'idle', progress: null, error: null },
  saved: null,
  stocked: 0,
  storage: null,
}));
const get = offlineStore.getState;
const set = offlineStore.setState;

export function useOffline<T>(selector: (s: OfflineState) => T): T {
  return useStore(offlineStore, selector);
}

/**
 * Sends one answer with its Idempotency-Key, and for one sent later from the queue the time it was
 * given (an answer sent at once is timed by the server's own clock).
 */
export async function sendAnswer(entry: QueuedAnswer, late = true): Promise<SendOutcome & { body: unknown }> {
  const res = await fetch(`/api/drills/${encodeURIComponent(entry.drillId)}/answer`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'idempotency-key': entry.key },
    body: JSON.stringify(late ? { answer: entry.answer, answeredAt: entry.answeredAt } : { answer: entry.answer }),
    credentials: 'same-origin',
  });
  const body = (await res.json().catch(() => ({}))) as unknown;
  return { status: res.status, body, ...(res.ok ? { result: body as DrillResult } : {}) };
}

/** True for a failure to reach the server at all (not an answer from it). */
export const isNetworkFailure = (e: unknown) => e instanceof TypeError || (e as { status?: number } | null)?.status === 0;

let ticking: ReturnType<typeof setInterval> | undefined;
let syncing: Promise<void> | undefined;
let userKnown: () => void;
const userKnownOnce = new Promise<void>((resolve) => (userKnown = resolve));

export const offlineActions = {
  /** Listens for the connection and starts the retry timer; the first sync runs when the user is known. */
  start(): () => void {
    const online = () => {
      set({ online: true });
      void offlineActions.sync().then(() => (get().saved && get().online ? offlineActions.update() : undefined));
    };
    const offline = () => set({ online: false });
    addEventListener('online', online);
    addEventListener('offline', offline);
    ticking ??= setInterval(() => {
      if (get().waiting > 0 || !get().online) void offlineActions.sync();
    }, RETRY_MS);
    set({ saved: savedCatalogue() });
    return () => {
      removeEventListener('online', online);
      removeEventListener('offline', offline);
      clearInterval(ticking);
      ticking = undefined;
    };
  },

  /** Reported by whoever saw a request fail for want of a connection, or succeed. */
  reachable(ok: boolean): void {
    if (get().online !== ok) set({ online: ok && navigator.onLine });
  },

  /** Resolves once the session is known (at most `ms` later): a drill page opened offline waits for it. */
  whenUserKnown(ms = 5000): Promise<void> {
    return Promise.race([userKnownOnce, new Promise<void>((r) => setTimeout(r, ms))]);
  },

  async setUser(user: SessionUser | null): Promise<void> {
    userKnown();
    if (get().user?.id === user?.id) return;
    set({ user, lastSync: null });
    await offlineActions.refresh();
    if (!user) return;
    await offlineActions.sync();
    // Keep the stock and the stored catalogue current, for a trainee who made the app available offline.
    if (get().saved && get().online) void offlineActions.update();
  },

  /** Counts what waits and what is kept. */
  async refresh(): Promise<void> {
    const user = get().user;
    try {
      const waiting = user ? (await queueStorage.list()).filter((e) => e.userId === user.id).length : 0;
      const stocked = user ? (await stockOf(user.id)).length : 0;
      set({ waiting, stocked, saved: savedCatalogue(), storage: await storageEstimate() });
    } catch (err) {
      // No IndexedDB or Cache Storage (a private window may refuse them): offline use is simply unavailable.
      console.warn('Twinspect: offline storage is unavailable', err);
    }
  },

  /** Sends the queue (once at a time); marks the app online or offline by how it went. */
  sync(): Promise<void> {
    const user = get().user;
    if (!user || syncing) return syncing ?? Promise.resolve();
    syncing = (async () => {
      try {
        if ((await queueStorage.list()).every((e) => e.userId !== user.id)) {
          if (!get().online) offlineActions.reachable(await fetch('/healthz', { cache: 'no-store' }).then((r) => r.ok, () => false));
          return;
        }
        const report = await syncQueue(queueStorage, (e) => sendAnswer(e), user.id, (p) => set({ syncing: p }));
        offlineActions.reachable(report.left === 0 || report.sent + report.refused > 0);
        if (report.sent + report.refused > 0) set({ lastSync: { sent: report.sent, refused: report.refused } });
      } catch (err) {
        console.warn('Twinspect: the offline answers could not be read', err);
      } finally {
        syncing = undefined;
        set({ syncing: null });
        await offlineActions.refresh();
      }
    })();
    return syncing;
  },

  /** Downloads the catalogue, models and weights, keeps the session and a stock of drills. */
  async makeAvailable(): Promise<void> {
    if (get().download.status === 'downloading') return;
    set({ download: { status: 'downloading', progress: null, error: null } });
    try {
      void persistStorage();
      const manifest = await fetchManifest();
      const saved = await downloadCatalogue(manifest, (progress) => set({ download: { status: 'downloading', progress, error: null } }));
      // The signed-in session, as the service worker answers /api/auth/me with no connection.
      const me = await fetch('/api/auth/me', { cache: 'no-store' });
      if (me.ok) await (await caches.open('twinspect-session')).put('/api/auth/me', me);
      const user = get().user;
      if (user) await topUpStock(user.id);
      set({ saved, download: { status: 'done', progress: get().download.progress, error: null } });
    } catch (e) {
      set({ download: { status: 'error', progress: get().download.progress, error: e instanceof Error ? e.message : String(e) } });
    } finally {
      await offlineActions.refresh();
    }
  },

  /** Online, with the catalogue stored: downloads again if its version changed, and tops up the drills. */
  async update(): Promise<void> {
    try {
      const saved = get().saved;
      if (saved && (await fetchManifest()).version !== saved.version) return offlineActions.makeAvailable();
      const user = get().user;
      if (user) await topUpStock(user.id);
    } catch {
      // Offline or the server busy: the next start or reconnection tries again.
    }
    await offlineActions.refresh();
  },

  async remove(): Promise<void> {
    await removeCatalogue();
    await clearStock();
    set({ download: { status: 'idle', progress: null, error: null } });
    await offlineActions.refresh();
  },
};
