/** Bramble Bear (toy): genuine plush and two counterfeits, each differing only at its tells. */
import type { ProductSource } from './types';
import { build, GENUINE, type BearSpec } from './bramble-bear/build';

export const SPECS: Record<string, BearSpec> = {
  genuine: GENUINE,
  // Misspelt label, undersized squashed conformity mark, no UV thread, sparse uneven pad seams (light stuffing is internal).
  'counterfeit-a': { ...GENUINE, label: { ...GENUINE.label, wordmark: 'BRAMBLEWROTH', markMm: 3.4, markAspect: 1.45 }, uvThread: false, padStitches: 300, padJitter: 0.9 },
  // Plastic nose, small glued eyes, untraceable label on brightened fabric, plain ear button.
  'counterfeit-b': { ...GENUINE, label: { ...GENUINE.label, traceable: false }, uvThread: false, labelGlow: '#7391ff', nose: 'plastic', eyeRadius: 0.0045, gluedEyes: true, button: 'plain' },
};

export const source: ProductSource = {
  id: 'bramble-bear',
  variants: Object.fromEntries(Object.entries(SPECS).map(([id, spec]) => [id, () => build(spec)])),
};
