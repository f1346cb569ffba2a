/**
 * Whether the viewer asked for less motion (prefers-reduced-motion). The stage then jumps where it
 * would glide: a turn to face a tell, the live pair following the instructor's turns. Read each
 * frame, so a change of the setting takes effect at once.
 */
const QUERY = '(prefers-reduced-motion: reduce)';
let query: MediaQueryList | null | undefined;

export function prefersReducedMotion(): boolean {
  if (query === undefined) query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
  return query?.matches ?? false;
}
