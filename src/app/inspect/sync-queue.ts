/**
 * What the sync loop sends, in which order, and what it does after a failure. Pure: the loop in
 * sync.ts does the sending. A record is sent before its photos (a photo needs its record on the
 * server), records oldest edit first, photos in the order they were taken. Every PUT names an id made
 * on the device, so sending again after a lost answer stores nothing twice.
 */
import type { InspectionInput, InspectionRecord } from '../../domain/inspection';
import type { LocalText } from '../../domain/local-text';

/** A record as this device keeps it. */
export interface LocalInspection {
  id: string;
  /** Who made it on this device: only that user's session sends it. */
  userId: string;
  input: InspectionInput;
  productName: LocalText;
  /** The `updatedAt` of the copy the server last acknowledged; null before the first success. */
  sentUpdatedAt: string | null;
  /** The server's last answer (photos with their URLs, the officer). */
  stored: InspectionRecord | null;
  /** Why the server refused the current copy (sending stops until the next edit). */
  refused: string | null;
}

/** A photo as this device keeps it until it is sent (and after, for showing it offline). */
export interface LocalPhoto {
  id: string;
  recordId: string;
  check: string | null;
  caption: string;
  keepLocation: boolean;
  blob: Blob;
  fileName: string;
  takenAt: string;
  sent: boolean;
  refused: string | null;
}

export type SyncStep = { kind: 'record'; id: string } | { kind: 'photo'; id: string; recordId: string };

export const recordPending = (r: LocalInspection) => r.refused === null && r.sentUpdatedAt !== r.input.updatedAt;
export const photoPending = (p: LocalPhoto) => !p.sent && p.refused === null;

/** Everything still to send, in order. A record's photos wait until the server has had the record once. */
export function syncPlan(records: readonly LocalInspection[], photos: readonly LocalPhoto[], userId: string): SyncStep[] {
  const steps: SyncStep[] = [];
  const mine = records.filter((r) => r.userId === userId).sort((a, b) => a.input.updatedAt.localeCompare(b.input.updatedAt) || a.id.localeCompare(b.id));
  for (const r of mine) {
    if (recordPending(r)) steps.push({ kind: 'record', id: r.id });
    const known = r.sentUpdatedAt !== null || recordPending(r);
    if (!known) continue;
    const waiting = photos.filter((p) => p.recordId === r.id && photoPending(p)).sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.id.localeCompare(b.id));
    for (const p of waiting) steps.push({ kind: 'photo', id: p.id, recordId: r.id });
  }
  return steps;
}

/**
 * What a failed request means for the loop: `offline` (no answer, or the server is unavailable): stop
 * this pass, try again later; `signed-out`: stop until the user signs in; `refused`: the server will
 * never take this copy, keep it on the device and say why; `missing`: the record is not on the server
 * (a photo sent before its record): send the record again.
 */
export type FailureKind = 'offline' | 'signed-out' | 'refused' | 'missing';

export function classifyFailure(status: number | null, step: SyncStep['kind']): FailureKind {
  if (status === null || status === 0 || status === 408 || status === 429 || status >= 500) return 'offline';
  if (status === 401 || status === 403) return 'signed-out';
  if (status === 404 && step === 'photo') return 'missing';
  return 'refused';
}

/** Seconds to wait before the next try after `failures` passes in a row failed: 2, 4, 8, 16, then every 30. */
export function retryDelay(failures: number): number {
  return failures <= 0 ? 0 : Math.min(30, 2 ** failures);
}

/**
 * The local record after the server answered a PUT of `sent`. A stale answer carries the server's newer
 * copy (edited on another device): it replaces the local one unless the device was edited again since.
 */
export function afterPut(local: LocalInspection, sent: InspectionInput, answer: InspectionRecord, stale: boolean): LocalInspection {
  if (!stale) return { ...local, sentUpdatedAt: sent.updatedAt, stored: answer, refused: null };
  const editedSince = local.input.updatedAt !== sent.updatedAt;
  if (editedSince) return { ...local, sentUpdatedAt: answer.updatedAt, stored: answer, refused: null };
  const { officer: _officer, photos: _photos, storedAt: _storedAt, ...input } = answer;
  return { ...local, input, sentUpdatedAt: answer.updatedAt, stored: answer, refused: null };
}

/** How the page words a record's state. */
export type SaveState = 'synced' | 'pending' | 'refused';

export function saveState(record: LocalInspection | null, photos: readonly LocalPhoto[]): SaveState {
  if (!record) return 'pending';
  const mine = photos.filter((p) => p.recordId === record.id);
  if (record.refused !== null || mine.some((p) => p.refused !== null)) return 'refused';
  return recordPending(record) || mine.some(photoPending) ? 'pending' : 'synced';
}
