/**
 * The URL is the route: ?page=<page>, ?product=<id>&variant=<id> for study, ?group=<id>, ?kind=<drill kind>,
 * ?code=<join code> (a live session's join link), ?session=<id> (a live session's record),
 * ?page=studio&product=<id> (a product in the authoring studio).
 * Other parameters (emulate) are kept.
 */
import { useSyncExternalStore } from 'react';

export const PAGES = ['catalogue', 'sign-in', 'drill', 'scan', 'progress', 'groups', 'users', 'live', 'live-record', 'studio', 'inspect', 'account', 'reset-password'] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page;
  product: string | null;
  variant: string | null;
  group: string | null;
  kind: string | null;
  code: string | null;
  session: string | null;
  /** ?page=inspect&product=<id>&record=<uuid>: an inspection record. */
  record: string | null;
}

const KEYS = ['page', 'product', 'variant', 'group', 'kind', 'code', 'session', 'record'] as const;

function read(): Route {
  const q = new URLSearchParams(location.search);
  const page = q.get('page');
  return {
    page: (PAGES as readonly string[]).includes(page ?? '') ? (page as Page) : 'catalogue',
    product: q.get('product'),
    variant: q.get('variant'),
    group: q.get('group'),
    kind: q.get('kind'),
    code: q.get('code'),
    session: q.get('session'),
    record: q.get('record'),
  };
}

let current = read();
const listeners = new Set<() => void>();
window.addEventListener('popstate', () => {
  current = read();
  listeners.forEach((l) => l());
});

/** Goes to a page: the route's own keys not given are cleared; other parameters stay. */
export function navigate(next: Partial<Route>, opts: { replace?: boolean } = {}): void {
  const q = new URLSearchParams(location.search);
  for (const k of KEYS) {
    const v = next[k];
    if (v && !(k === 'page' && v === 'catalogue')) q.set(k, v);
    else q.delete(k);
  }
  const search = q.toString();
  history[opts.replace ? 'replaceState' : 'pushState'](null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  current = read();
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => current,
  );
}
