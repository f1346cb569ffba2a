/**
 * Mastery: how well a trainee knows something (a product, a tell category), 0..1, from their
 * outcomes on it.
 *
 * It is the mean of a Beta(1, 1) prior updated with recency-weighted outcomes:
 *   mastery = (1 + Σ w·x) / (2 + Σ w),  w = DECAY^age, age 0 = the newest outcome.
 * The prior keeps a trainee with one or two answers near 0.5 rather than at 0 or 1 (a lucky guess
 * is not mastery), and the decay makes recent answers count more than old ones, so a trainee who
 * used to miss a tell but now finds it is shown as improving, and one who has started missing it
 * again is shown as slipping.
 */

/** How much each older outcome is worth relative to the one after it. */
export const MASTERY_DECAY = 0.85;

/** Mastery from outcomes ordered oldest → newest (1 = success, 0 = failure). */
export function mastery(successes: (0 | 1)[]): number {
  let weighted = 0;
  let weights = 0;
  const n = successes.length;
  successes.forEach((x, i) => {
    const w = MASTERY_DECAY ** (n - 1 - i);
    weighted += w * x;
    weights += w;
  });
  return (1 + weighted) / (2 + weights);
}
