/**
 * The device's own store for offline practice (IndexedDB "twinspect-offline"): `queue`, answers
 * waiting to be sent; `stock`, drills the server issued ahead (questions only: no key ever leaves
 * the server before the answer), to be answered with no connection.
 */
import type { DrillKind, DrillQuestion } from '../../domain/drill';
import type { QueuedAnswer, QueueStorage } from './answer-queue';

export interface StockedDrill {
  id: string;
  userId: string;
  kind: DrillKind;
  question: DrillQuestion;
  storedAt: string;
}

type StoreName = 'queue' | 'stock';
let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open('twinspect-offline', 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('queue', { keyPath: 'key' });
      req.result.createObjectStore('stock', { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = undefined;
      reject(req.error);
    };
  });
  return opening;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function store(name: StoreName, mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await open()).transaction(name, mode).objectStore(name);
}

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
