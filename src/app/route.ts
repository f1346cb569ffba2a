/** The URL is the route: ?product=<id>&variant=<id>; other parameters (emulate) are kept. */
import { useSyncExternalStore } from 'react';

export interface Route {
  product: string | null;
  variant: string | null;
}

function read(): Route {
  const q = new URLSearchParams(location.search);
  return { product: q.get('product'), variant: q.get('variant') };
}

let current = read();
const listeners = new Set<() => void>();
window.addEventListener('popstate', () => {
  current = read();
  listeners.forEach((l) => l());
});

export function navigate(next: Partial<Route>): void {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(next)) {
    if (v) q.set(k, v);
    else q.delete(k);
  }
  history.pushState(null, '', `${location.pathname}?${q}`);
  current = read();
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => current,
  );
}
