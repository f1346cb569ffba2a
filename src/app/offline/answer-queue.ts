/**
 * Answers given with no connection wait in a queue (IndexedDB in the browser) until the server can
 * score them. Each carries an idempotency key made when the answer was given, so sending it again
 * (a lost response, a second device tab, a retry after a crash) stores it once: the server answers a
 * repeat with the stored result. The logic here is storage- and network-free, for the unit tests.
 */
import type { DrillAnswer, DrillKind, DrillResult } from '../../domain/drill';
import type { PendingAnswer } from '../../scene/state/drill-store';

export interface QueuedAnswer {
  /** The Idempotency-Key: a UUID made when the answer was given. */
  key: string;
  drillId: string;
  /** Whose answer (a queue left by one trainee is not sent under another's session). */
  userId: string;
  kind: DrillKind;
  answer: DrillAnswer;
  /** When the trainee answered (ISO): the server times the attempt by it. */
  answeredAt: string;
  /** Sends tried so far (for a retry that keeps failing). */
  tries: number;
}

/** What the drill page gets back for an answer that is queued, in place of a result (a part of the drill's state). */
export type { PendingAnswer };

export interface QueueStorage {
  /** Oldest first. */
  list(): Promise<QueuedAnswer[]>;
  put(entry: QueuedAnswer): Promise<void>;
  remove(key: string): Promise<void>;
}

/** What one send gave: the HTTP status (0 for no connection) and the result when scored. */
export interface SendOutcome {
  status: number;
  result?: DrillResult;
}

export type Send = (entry: QueuedAnswer) => Promise<SendOutcome>;

/**
 * What to do with an entry after a send: `done` (scored now, or already scored by an earlier send
 * of the same key), `refused` (the server will never take it: answered elsewhere, not this user's,
 * malformed — kept no longer), or `retry` (no connection, signed out, the server failing).
 */
export function outcomeOf(status: number): 'done' | 'refused' | 'retry' {
  if (status >= 200 && status < 300) return 'done';
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'refused';
}

export interface SyncReport {
  sent: number;
  refused: number;
  /** Entries still waiting (the send stopped at the first that must be retried). */
  left: number;
  results: DrillResult[];
}

export interface SyncProgress {
  done: number;
  total: number;
}

/**
 * Sends the queue in order, for this user only; each entry leaves the queue once the server has
 * stored it (or refused it for good). Stops at the first that must wait, keeping order.
 */
export async function syncQueue(storage: QueueStorage, send: Send, userId: string, onProgress?: (p: SyncProgress) => void): Promise<SyncReport> {
  const mine = (await storage.list()).filter((e) => e.userId === userId);
  const report: SyncReport = { sent: 0, refused: 0, left: mine.length, results: [] };
  onProgress?.({ done: 0, total: mine.length });
  for (const entry of mine) {
    let outcome: SendOutcome;
    try {
      outcome = await send(entry);
    } catch {
      outcome = { status: 0 };
    }
    const what = outcomeOf(outcome.status);
    if (what === 'retry') {
      await storage.put({ ...entry, tries: entry.tries + 1 });
      break;
    }
    await storage.remove(entry.key);
    report.left--;
    if (what === 'done') {
      report.sent++;
      if (outcome.result) report.results.push(outcome.result);
    } else {
      report.refused++;
    }
    onProgress?.({ done: report.sent + report.refused, total: mine.length });
  }
  return report;
}

/** An answer to queue: its key made now, at the moment it is given. */
export function queuedAnswerOf(input: { drillId: string; userId: string; kind: DrillKind; answer: DrillAnswer }, now = new Date(), key = crypto.randomUUID()): QueuedAnswer {
  return { ...input, key, answeredAt: now.toISOString(), tries: 0 };
}

/** A queue in memory: the tests' storage, and the fallback where IndexedDB is unavailable. */
export function memoryQueue(initial: QueuedAnswer[] = []): QueueStorage & { entries: QueuedAnswer[] } {
  const entries = [...initial];
  return {
    entries,
    list: async () => [...entries],
    async put(entry) {
      const i = entries.findIndex((e) => e.key === entry.key);
      if (i >= 0) entries[i] = entry;
      else entries.push(entry);
    },
    async remove(key) {
      const i = entries.findIndex((e) => e.key === key);
      if (i >= 0) entries.splice(i, 1);
    },
  };
}
