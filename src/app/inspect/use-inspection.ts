/**
 * One inspection record on the page: the product, the record (from this device first, else from the
 * server, else a new one with the id in the URL), its photos, and the edits. Every edit is written to
 * the device at once and sent by the sync loop soon after.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InspectionInput, InspectionRecord } from '../../domain/inspection';
import type { SessionUser } from '../../domain/roles';
import { ApiError } from '../api';
import { contentVersionOf, inspectApi, type InspectProduct } from './inspect-api';
import { recordStore } from './record-store';
import { syncSoon, useSyncStatus } from './sync';
import type { LocalInspection, LocalPhoto } from './sync-queue';
import { editTime, isFreshRecord, newId } from './ids';

export type Loaded =
  | { at: 'loading' }
  | { at: 'error'; message: string }
  /** Someone else's record (an instructor reading a group member's): shown, not edited. */
  | { at: 'read-only'; product: InspectProduct; record: InspectionRecord }
  | { at: 'own'; product: InspectProduct };

/**
 * The server's copy of a record, null when it has none (or cannot be reached: a new record then). A
 * record this tab has just made is not asked for: the server cannot have it, and its 404 was logged in
 * the console as an error on every new inspection.
 */
export async function storedRecord(recordId: string, get: (id: string) => Promise<InspectionRecord> = inspectApi.get): Promise<InspectionRecord | null> {
  if (isFreshRecord(recordId)) return null;
  return get(recordId).catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) return null;
    if (e instanceof ApiError) throw e;
    return null; // no connection: a new record
  });
}

export function useInspection(productId: string, recordId: string, user: SessionUser | null) {
  const [loaded, setLoaded] = useState<Loaded>({ at: 'loading' });
  const [input, setInput] = useState<InspectionInput | null>(null);
  const [local, setLocal] = useState<LocalInspection | null>(null);
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const inputRef = useRef<InspectionInput | null>(null);
  const passes = useSyncStatus((s) => s.passes);

  useEffect(() => {
    let live = true;
    setLoaded({ at: 'loading' });
    setInput(null);
    (async () => {
      const product = await inspectApi.product(productId);
      const mine = await recordStore.record(recordId).catch(() => undefined);
      if (mine) return { product, input: mine.input };
      const stored = await storedRecord(recordId);
      if (stored && stored.officer.id !== user?.id) return { product, readOnly: stored };
      if (stored) {
        const { officer: _o, photos: _p, storedAt: _s, ...input } = stored;
        await recordStore.putRecord({ id: recordId, userId: user?.id ?? '', input, productName: product.name, sentUpdatedAt: stored.updatedAt, stored, refused: null });
        return { product, input };
      }
      const now = new Date().toISOString();
      const fresh: InspectionInput = { id: recordId, productId, contentVersion: contentVersionOf(product), reference: '', startedAt: now, updatedAt: now, marks: [], notes: '' };
      return { product, input: fresh };
    })().then(
      (r) => {
        if (!live) return;
        if ('readOnly' in r && r.readOnly) return setLoaded({ at: 'read-only', product: r.product, record: r.readOnly });
        if (!('input' in r) || !r.input) return;
        inputRef.current = r.input;
        setInput(r.input);
        setLoaded({ at: 'own', product: r.product });
      },
      (e: unknown) => live && setLoaded({ at: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [productId, recordId, user?.id]);

  // The device's copy: sync state, the server's answer, photos; a newer copy from another device is taken.
  useEffect(() => {
    let live = true;
    const read = () =>
      void Promise.all([recordStore.record(recordId), recordStore.photos(recordId)]).then(([r, p]) => {
        if (!live) return;
        setLocal(r ?? null);
        setPhotos(p.sort((a, b) => a.takenAt.localeCompare(b.takenAt)));
        if (r && inputRef.current && r.input.updatedAt > inputRef.current.updatedAt) {
          inputRef.current = r.input;
          setInput(r.input);
        }
      }, () => undefined);
    read();
    const off = recordStore.subscribe(read);
    return () => {
      live = false;
      off();
    };
  }, [recordId, passes]);

  const edit = useCallback(
    (change: (input: InspectionInput) => Omit<InspectionInput, 'updatedAt'>) => {
      const before = inputRef.current;
      if (!before || loaded.at !== 'own') return;
      const next: InspectionInput = { ...change(before), updatedAt: editTime(before.updatedAt) };
      inputRef.current = next;
      setInput(next);
      const product = loaded.product;
      void recordStore
        .update(next.id, (r) => (r.input.updatedAt > next.updatedAt ? r : { ...r, input: next, refused: null }))
        .then((r) => (r ? undefined : recordStore.putRecord({ id: next.id, userId: user?.id ?? '', input: next, productName: product.name, sentUpdatedAt: null, stored: null, refused: null })))
        .then(syncSoon);
    },
    [loaded, user?.id],
  );

  const addPhoto = useCallback(
    async (file: File, check: string | null, caption: string, keepLocation: boolean) => {
      const current = inputRef.current;
      if (!current || loaded.at !== 'own') return;
      // The record goes to the device (and the server) before its photo.
      if (!(await recordStore.record(current.id))) edit((r) => r);
      else syncSoon();
      await recordStore.putPhoto({ id: newId(), recordId: current.id, check, caption, keepLocation, blob: file, fileName: file.name || 'photo.jpg', takenAt: new Date().toISOString(), sent: false, refused: null });
      syncSoon();
    },
    [edit, loaded.at],
  );

  return { loaded, input, local, photos, edit, addPhoto };
}
