/** Sonique Pods Pro (audio): genuine case and two counterfeits, each differing only at its tells. */
import type { ProductSource } from './types';
import { build, GENUINE, type PodsSpec } from './sonique-pods-pro/build';

export const SPECS: Record<string, PodsSpec> = {
  genuine: GENUINE,
  // Misspelt wordmark, impossible serial, no covert UV mark, micro-USB port (weight slug is internal).
  'counterfeit-a': { ...GENUINE, wordmark: 'Sonigue', serial: 'SQ-K562-7HT2W', uvMark: false, port: 'micro-usb' },
  // Cloned serial on a sticker, no status LED, oversized case, brightened plastic, heavy blurred print.
  'counterfeit-b': { ...GENUINE, width: 0.0648, bodyHeight: 0.0362, sticker: true, led: false, fuzzyPrint: true, plasticGlow: '#6f8dff' },
};

export const source: ProductSource = {
  id: 'sonique-pods-pro',
  variants: Object.fromEntries(Object.entries(SPECS).map(([id, spec]) => [id, () => build(spec)])),
};
