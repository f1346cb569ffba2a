/**
 * Sends the device's inspection records and photos to the server: soon after an edit (debounced), on
 * the browser's `online` event, every 30 s while anything waits, and once at app start. What is sent
 * and in which order is decided in sync-queue.ts; the ids are made on the device and the server's
 * PUTs are idempotent, so a retry after a lost answer never stores anything twice.
 */
import { create } from 'zustand';
import { ApiError, api } from '../api';
import { inspectApi } from './inspect-api';
import { recordStore } from './record-store';
import { afterPut, classifyFailure, retryDelay, syncPlan, type FailureKind, type SyncStep } from './sync-queue';

const DEBOUNCE_MS = 800;
const EVERY_MS = 30_000;

interface SyncStatus {
  /** Whether anything of this user waits to be sent. */
  pending: boolean;
  /** The last pass's obstacle, if any. */
  blocked: FailureKind | null;
  /** Bumped after each pass, so pages re-read the device's records. */
  passes: number;
}

export const useSyncStatus = create<SyncStatus>(() => ({ pending: false, blocked: null, passes: 0 }));

let running = false;
let again = false;
let debounce: ReturnType<typeof setTimeout> | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;
let failures = 0;
let started = false;

const statusOf = (e: unknown) => (e instanceof ApiError ? e.status : null);

async function currentUserId(): Promise<string | null> {
  const me = await api.me();
  return me.user?.id ?? null;
}

async function send(step: SyncStep): Promise<void> {
  if (step.kind === 'record') {
    const local = await recordStore.record(step.id);
    if (!local) return;
    const sent = local.input;
    const answer = await inspectApi.put(sent);
    await recordStore.update(step.id, (now) => afterPut(now, sent, answer.record, answer.stale));
    return;
  }
  const photo = (await recordStore.photos(step.recordId)).find((p) => p.id === step.id);
  if (!photo || photo.sent) return;
  const stored = await inspectApi.putPhoto(step.recordId, photo);
  await recordStore.updatePhoto(photo.id, (p) => ({ ...p, sent: true, refused: null }));
  await recordStore.update(step.recordId, (r) =>
    r.stored ? { ...r, stored: { ...r.stored, photos: [...r.stored.photos.filter((x) => x.id !== stored.id), stored] } } : r,
  );
}

/** One pass over everything waiting; stops at the first failure that would fail the rest too. */
async function pass(): Promise<void> {
  const [records, photos] = await Promise.all([recordStore.records(), recordStore.photos()]);
  if (!records.some((r) => r.sentUpdatedAt !== r.input.updatedAt) && !photos.some((p) => !p.sent)) {
    useSyncStatus.setState((s) => ({ pending: false, blocked: null, passes: s.passes + 1 }));
    return;
  }
  let userId: string | null;
  try {
    userId = await currentUserId();
  } catch (e) {
    throw Object.assign(new Error('offline'), { kind: classifyFailure(statusOf(e), 'record') });
  }
  if (!userId) throw Object.assign(new Error('signed out'), { kind: 'signed-out' as FailureKind });
  const plan = syncPlan(records, photos, userId);
  for (const step of plan) {
    try {
      await send(step);
    } catch (e) {
      const kind = classifyFailure(statusOf(e), step.kind);
      const message = e instanceof Error ? e.message : String(e);
      if (kind === 'refused') {
        if (step.kind === 'record') await recordStore.update(step.id, (r) => ({ ...r, refused: message }));
        else await recordStore.updatePhoto(step.id, (p) => ({ ...p, refused: message }));
        continue;
      }
      if (kind === 'missing' && step.kind === 'photo') {
        await recordStore.update(step.recordId, (r) => ({ ...r, sentUpdatedAt: null }));
        again = true;
        return;
      }
      throw Object.assign(new Error(message), { kind });
    }
  }
  const left = syncPlan(await recordStore.records(), await recordStore.photos(), userId);
  useSyncStatus.setState((s) => ({ pending: left.length > 0, blocked: null, passes: s.passes + 1 }));
}

function schedule(ms: number): void {
  clearTimeout(retry);
  retry = setTimeout(() => void syncNow(), ms);
}

/** Sends what waits now; a call while a pass runs makes one more pass after it. */
export async function syncNow(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      await pass();
    } while (again);
    failures = 0;
    if (useSyncStatus.getState().pending) schedule(EVERY_MS);
  } catch (e) {
    const kind = ((e as { kind?: FailureKind }).kind ?? 'offline') as FailureKind;
    failures++;
    useSyncStatus.setState((s) => ({ pending: true, blocked: kind, passes: s.passes + 1 }));
    if (kind !== 'signed-out') schedule(Math.min(EVERY_MS, retryDelay(failures) * 1000));
  } finally {
    running = false;
  }
}

/** After an edit: sends once the officer pauses. */
export function syncSoon(): void {
  useSyncStatus.setState({ pending: true });
  clearTimeout(debounce);
  debounce = setTimeout(() => void syncNow(), DEBOUNCE_MS);
}

/** Once per page load: a pass now, on every `online` event, and every 30 s while anything waits. */
export function startSync(): void {
  if (started || typeof indexedDB === 'undefined') return;
  started = true;
  window.addEventListener('online', () => {
    failures = 0;
    void syncNow();
  });
  setInterval(() => {
    if (useSyncStatus.getState().pending && !running) void syncNow();
  }, EVERY_MS);
  void syncNow();
}
