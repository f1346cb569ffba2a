/**
 * Whether the viewer asked for less motion (prefers-reduced-motion). The stage then jumps where it
 * would glide: a turn to face a tell, the live pair following the instructor's turns; and the
 * overlay's flicker holds still, the items swapped by hand. Read each frame, so a change of the
 * setting takes effect at once; useReducedMotion gives it to React.
 */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';
let query: MediaQueryList | null | undefined;

function mediaQuery(): MediaQueryList | null {
  if (query === undefined) query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
  return query;
}

export function prefersReducedMotion(): boolean {
  return mediaQuery()?.matches ?? false;
}

function subscribe(onChange: () => void): () => void {
  const q = mediaQuery();
  q?.addEventListener('change', onChange);
  return () => q?.removeEventListener('change', onChange);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}
