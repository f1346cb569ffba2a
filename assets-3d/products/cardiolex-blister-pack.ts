/**
 * Cardiolex 10 mg film-coated tablets by Meridia Pharma (fictional): carton + blister strip.
 * Genuine reference and two counterfeits, each a spec for the one builder in ./cardiolex-blister-pack/build.
 */
import type { ProductSource } from './types';
import { build, type PackSpec } from './cardiolex-blister-pack/build';

const genuine: PackSpec = {
  seed: 17,
  cartonW: 0.096,
  tamperSeal: true,
  code: '2d',
  serialLines: ['PN 0471-2093-CL10', 'SN K7QX-9M4T-2HRA', 'LOT MP25C117', 'EXP 2027-11'],
  strengthBold: false,
  uvMark: '#63ff8a',
  foilLot: 'MP25C117',
  foilRoughness: 0.18,
  foilColor: '#e4e7ea',
  tabletDia: 0.008,
};

export const SPECS: Record<string, PackSpec> = {
  genuine,
  /** Market seizure: crude copy with no seal, a linear barcode, bright board, short carton, light. */
  'counterfeit-a': {
    ...genuine,
    cartonW: 0.092,
    tamperSeal: false,
    code: 'linear',
    serialLines: ['LOT 25117', 'EXP 11-2027'],
    boardGlow: '#8fb4ff',
    uvMark: null,
  },
  /** Online-order parcel: close copy with a wrong serial format, heavy strength box, foil lot mismatch. */
  'counterfeit-b': {
    ...genuine,
    serialLines: ['PN 0471-2093-CL10', 'SN 100000048213', 'LOT MP25C117', 'EXP 2027-11'],
    strengthBold: true,
    uvMark: '#5a8cff',
    foilLot: 'MP24A093',
    foilRoughness: 0.6,
    foilColor: '#a4a8ac',
    tabletDia: 0.009,
  },
};

export const source: ProductSource = {
  id: 'cardiolex-blister-pack',
  variants: Object.fromEntries(Object.entries(SPECS).map(([id, spec]) => [id, () => build(spec).model])),
};
