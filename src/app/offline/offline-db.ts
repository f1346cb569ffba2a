/**
 * The device's own store for offline practice (IndexedDB "twinspect-offline"): `queue`, answers
 * waiting to be sent; `stock`, drills the server issued ahead (questions only: no key ever leaves
 * the server before the answer), to be answered with no connection.
 */
import type { DrillKind, DrillQuestion } from '../../domain/drill';
import { deviceDatabase, done } from '../device-db';
import type { QueuedAnswer, QueueStorage } from './answer-queue';

export interface StockedDrill {
  id: string;
  userId: string;
  kind: DrillKind;
  question: DrillQuestion;
  storedAt: string;
}

type StoreName = 'queue' | 'stock';

const { store } = deviceDatabase<StoreName>('twinspect-offline', 1, (db) => {
  db.createObjectStore('queue', { keyPath: 'key' });
  db.createObjectStore('stock', { keyPath: 'id' });
});

async function all<T>(name: StoreName): Promise<T[]> {
  return done((await store(name, 'readonly')).getAll() as IDBRequest<T[]>);
}

async function put(name: StoreName, value: unknown): Promise<void> {
  await done((await store(name, 'readwrite')).put(value));
}

async function remove(name: StoreName, key: string): Promise<void> {
  await done((await store(name, 'readwrite')).delete(key));
}

/** The offline answer queue, oldest answer first. */
export const queueStorage: QueueStorage = {
  list: async () => (await all<QueuedAnswer>('queue')).sort((a, b) => a.answeredAt.localeCompare(b.answeredAt)),
  put: (entry) => put('queue', entry),
  remove: (key) => remove('queue', key),
};

export const stockStorage = {
  list: () => all<StockedDrill>('stock'),
  put: (drill: StockedDrill) => put('stock', drill),
  remove: (id: string) => remove('stock', id),
};
