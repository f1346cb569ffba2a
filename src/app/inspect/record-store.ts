/**
 * The device's own copy of inspection records (IndexedDB "twinspect-inspections"): `inspections`, the
 * records; `inspection-photos`, the photos as blobs, kept until sent (and after, to show them with no
 * connection). Every edit is written here first; sync.ts sends what the server has not had.
 */
import { deviceDatabase, done } from '../device-db';
import type { LocalInspection, LocalPhoto } from './sync-queue';

const DB = 'twinspect-inspections';
type StoreName = 'inspections' | 'inspection-photos';
const listeners = new Set<() => void>();

const { store } = deviceDatabase<StoreName>(DB, 1, (db) => {
  db.createObjectStore('inspections', { keyPath: 'id' });
  db.createObjectStore('inspection-photos', { keyPath: 'id' }).createIndex('recordId', 'recordId');
});

const changed = () => listeners.forEach((l) => l());

export const recordStore = {
  async records(): Promise<LocalInspection[]> {
    return done((await store('inspections', 'readonly')).getAll() as IDBRequest<LocalInspection[]>);
  },
  async record(id: string): Promise<LocalInspection | undefined> {
    return done((await store('inspections', 'readonly')).get(id) as IDBRequest<LocalInspection | undefined>);
  },
  async putRecord(record: LocalInspection): Promise<void> {
    await done((await store('inspections', 'readwrite')).put(record));
    changed();
  },
  /** Changes a stored record in one transaction, so that two writers never lose each other's change. */
  async update(id: string, change: (r: LocalInspection) => LocalInspection): Promise<LocalInspection | undefined> {
    const s = await store('inspections', 'readwrite');
    const current = (await done(s.get(id))) as LocalInspection | undefined;
    if (!current) return undefined;
    const next = change(current);
    await done(s.put(next));
    changed();
    return next;
  },
  async photos(recordId?: string): Promise<LocalPhoto[]> {
    const s = await store('inspection-photos', 'readonly');
    return done((recordId ? s.index('recordId').getAll(recordId) : s.getAll()) as IDBRequest<LocalPhoto[]>);
  },
  async putPhoto(photo: LocalPhoto): Promise<void> {
    await done((await store('inspection-photos', 'readwrite')).put(photo));
    changed();
  },
  async updatePhoto(id: string, change: (p: LocalPhoto) => LocalPhoto): Promise<void> {
    const s = await store('inspection-photos', 'readwrite');
    const current = (await done(s.get(id))) as LocalPhoto | undefined;
    if (current) await done(s.put(change(current)));
    changed();
  },
  /** Called after every write: pages re-read what they show. */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
