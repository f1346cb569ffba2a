/** Halvard Meridian diver (fictional brand): steel dive watch on a bracelet, genuine and two counterfeits. */
import type { ProductSource } from './types';
import { buildWatch } from './halvard-meridian-diver/build';
import { GENUINE, type WatchSpec } from './halvard-meridian-diver/spec';

/** Counterfeit A: a "high-grade" copy; only its magnifier, chapter ring, lume, crystal etch (and weight) give it away. */
export const COUNTERFEIT_A: WatchSpec = {
  ...GENUINE,
  cyclopsDy: -0.0013,
  dateDigitH: 0.0011,
  rehautEven: false,
  rehautSerial: false,
  lumeGlow: '#17402c',
  etch: 'solid',
};

/** Counterfeit B: a crude copy with a display back, thick case, misspelt dial and a wrong-format serial. */
export const COUNTERFEIT_B: WatchSpec = {
  ...GENUINE,
  dialBrand: 'HALVRAD',
  solidBack: false,
  backDepth: 0.0044,
  serial: 'HM00001234',
  etch: 'none',
};

export const source: ProductSource = {
  id: 'halvard-meridian-diver',
  variants: {
    genuine: () => buildWatch(GENUINE),
    'counterfeit-a': () => buildWatch(COUNTERFEIT_A),
    'counterfeit-b': () => buildWatch(COUNTERFEIT_B),
  },
};
