/** Ids and edit times made on the device: a record's id is its identity everywhere, so a retry never duplicates it. */

/** A UUID made on this device (crypto.randomUUID where the context allows it). */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Now, but always after `previous`: an edit's time never goes backwards on one device. */
export function editTime(previous: string | undefined, now = Date.now()): string {
  const after = previous ? Date.parse(previous) + 1 : 0;
  return new Date(Math.max(now, after)).toISOString();
}

const FRESH_KEY = 'twinspect.inspect.fresh-records';
const fresh = new Set<string>();

function storedFresh(): string[] {
  try {
    const raw = globalThis.sessionStorage?.getItem(FRESH_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The id of a new inspection record, remembered in this tab (a reload too) as made here: the server
 * has never seen it, so the page does not ask it for the record (which only answered 404, logged in the
 * console as an error) until the record has been written.
 */
export function newRecordId(): string {
  const id = newId();
  fresh.add(id);
  try {
    globalThis.sessionStorage?.setItem(FRESH_KEY, JSON.stringify([...storedFresh(), id].slice(-50)));
  } catch {
    // private mode: this page's memory is enough
  }
  return id;
}

/** Whether this tab made the record id (newRecordId): no one else can have a record by it yet. */
export function isFreshRecord(id: string): boolean {
  return fresh.has(id) || storedFresh().includes(id);
}
