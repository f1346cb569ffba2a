/** Voltria 20 W USB-C wall charger (fictional brand, Europlug): genuine and two counterfeits. */
import type { ProductSource } from './types';
import { buildCharger } from './voltria-usb-c-charger/build';
import { GENUINE, type ChargerSpec } from './voltria-usb-c-charger/spec';

/** Counterfeit A: a neat-looking copy with bare pins, black print, no maker line, "APPROVED" mark, no UV mark. */
export const COUNTERFEIT_A: ChargerSpec = {
  ...GENUINE,
  labelInk: '#141414',
  makerLine: false,
  certStyle: 'approved',
  sleeves: false,
  uvMark: false,
};

/** Counterfeit B: bulk copy with misspelt wordmark, redrawn mark, off-gauge glossy pins, fluorescing housing. */
export const COUNTERFEIT_B: ChargerSpec = {
  ...GENUINE,
  wordmark: 'voltira',
  certStyle: 'redrawn',
  pinD: 0.0048,
  pinPitch: 0.0175,
  pinFinish: 'glossy',
  uvMark: false,
  bodyGlow: '#4f66c8',
};

export const source: ProductSource = {
  id: 'voltria-usb-c-charger',
  variants: {
    genuine: () => buildCharger(GENUINE),
    'counterfeit-a': () => buildCharger(COUNTERFEIT_A),
    'counterfeit-b': () => buildCharger(COUNTERFEIT_B),
  },
};
