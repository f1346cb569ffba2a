/**
 * Maison Aurèle No. 7 eau de parfum 50 ml (fictional brand). Genuine reference and two
 * counterfeits, each a spec for the one builder in ./aurele-no7-perfume/build.
 */
import type { ProductSource } from './types';
import { build, type BottleSpec } from './aurele-no7-perfume/build';

const genuine: BottleSpec = {
  seed: 23,
  wordmark: 'MAISON AURÈLE',
  origin: 'PARIS  ·  FABRIQUÉ EN FRANCE',
  baseT: 0.01,
  batchCode: 'AU 5K 1207',
  codeOnSticker: false,
  capH: 0.028,
  capPlating: 'solid',
  capEngraved: true,
  actuator: 'metal',
  uvMark: '#ffb347',
};

export const SPECS: Record<string, BottleSpec> = {
  genuine,
  /** Street-market seizure: wrong accent, code on a sticker, thin base, plastic cap, no UV mark. */
  'counterfeit-a': {
    ...genuine,
    wordmark: 'MAISON AURÉLE',
    codeOnSticker: true,
    baseT: 0.005,
    capPlating: 'patchy',
    capEngraved: false,
    uvMark: null,
  },
  /** Express-parcel seizure: close copy with a date-style batch code, glowing label, plain button. */
  'counterfeit-b': {
    ...genuine,
    origin: 'MADE IN FRANCE · ITALY · P.R.C.',
    batchCode: 'LOT 20251107',
    capH: 0.025,
    actuator: 'plastic',
    labelGlow: '#9cc2ff',
  },
};

export const source: ProductSource = {
  id: 'aurele-no7-perfume',
  variants: Object.fromEntries(Object.entries(SPECS).map(([id, spec]) => [id, () => build(spec).model])),
};
