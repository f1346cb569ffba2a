/**
 * Drills fetched ahead for offline practice: while online, the server issues a few of each kind as
 * usual (stored against the trainee, keys kept on the server), and the device keeps the questions in
 * IndexedDB and their models in the "twinspect-drills" cache, which the service worker reads first.
 * Offline, the drill page takes one from here instead of asking the server.
 */
import { DRILL_KINDS, type DrillKind, type DrillQuestion } from '../../domain/drill';
import { api } from '../api';
import { stockStorage, type StockedDrill } from './offline-db';

export const DRILL_CACHE = 'twinspect-drills';
/** How many drills of each kind the device keeps ready. */
export const STOCK_PER_KIND = 2;
/** A drill's model URLs stay valid a day on the server: older stock is dropped and fetched again. */
const STOCK_MAX_AGE_MS = 20 * 3600 * 1000;

const modelsOf = (q: DrillQuestion) => q.items.map((i) => i.model);

async function cacheModels(q: DrillQuestion): Promise<void> {
  const cache = await caches.open(DRILL_CACHE);
  await Promise.all(modelsOf(q).map((url) => cache.add(url)));
}

/** The drills kept for this trainee, oldest first. */
export async function stockOf(userId: string): Promise<StockedDrill[]> {
  return (await stockStorage.list()).filter((d) => d.userId === userId).sort((a, b) => a.storedAt.localeCompare(b.storedAt));
}

/** Drops stock too old to load, and models no stocked drill needs, except those of the drill on screen. */
async function prune(now: number, keep: readonly string[]): Promise<void> {
  for (const d of await stockStorage.list()) if (now - Date.parse(d.storedAt) > STOCK_MAX_AGE_MS) await stockStorage.remove(d.id);
  const wanted = new Set([...(await stockStorage.list()).flatMap((d) => modelsOf(d.question)), ...keep]);
  const cache = await caches.open(DRILL_CACHE);
  for (const req of await cache.keys()) if (!wanted.has(new URL(req.url).pathname)) await cache.delete(req);
}

/**
 * Fills the stock up to STOCK_PER_KIND of each kind (only while online: each is a real drill the
 * server issues). Returns how many drills are ready. `keep`: model URLs in use now.
 */
export async function topUpStock(userId: string, keep: readonly string[] = []): Promise<number> {
  await prune(Date.now(), keep);
  const have = await stockOf(userId);
  for (const kind of DRILL_KINDS) {
    for (let n = have.filter((d) => d.kind === kind).length; n < STOCK_PER_KIND; n++) {
      const question = await api.newDrill(kind);
      if (question.guest) return (await stockOf(userId)).length;
      await cacheModels(question);
      await stockStorage.put({ id: question.id, userId, kind, question, storedAt: new Date().toISOString() });
    }
  }
  return (await stockOf(userId)).length;
}

/** Takes a kept drill of this kind (on this product when there is one), or undefined when none is left. */
export async function takeStocked(userId: string, kind: DrillKind, productId?: string): Promise<DrillQuestion | undefined> {
  const ofKind = (await stockOf(userId)).filter((d) => d.kind === kind);
  const chosen = ofKind.find((d) => d.question.product.id === productId) ?? ofKind[0];
  if (!chosen) return undefined;
  await stockStorage.remove(chosen.id);
  return chosen.question;
}

/** Forgets every kept drill and its models (signing out, or "Remove offline data"). */
export async function clearStock(): Promise<void> {
  for (const d of await stockStorage.list()) await stockStorage.remove(d.id);
  await caches.delete(DRILL_CACHE);
}
