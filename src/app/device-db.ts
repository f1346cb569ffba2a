/**
 * A small promise face on IndexedDB for the device's own stores (offline practice, inspection
 * records): one database opened once per page, its stores created by `upgrade`.
 */
export function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function deviceDatabase<S extends string>(name: string, version: number, upgrade: (db: IDBDatabase) => void) {
  let opening: Promise<IDBDatabase> | undefined;
  function open(): Promise<IDBDatabase> {
    opening ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(name, version);
      req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opening = undefined;
        reject(req.error);
      };
    });
    return opening;
  }
  return {
    /** One store of the database, in a transaction of its own. */
    async store(store: S, mode: IDBTransactionMode): Promise<IDBObjectStore> {
      return (await open()).transaction(store, mode).objectStore(store);
    },
  };
}
