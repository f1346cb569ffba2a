/** The Verleine flap bag's variants: the genuine spec and the two counterfeits' differences from it. */
import { FONT } from '../../lib/fonts';
import { GENUINE, type BagSpec } from './build';

export const SPECS: Record<string, BagSpec> = {
  genuine: GENUINE,
  // Market seizure: sparse uneven quilting stitches, misspelt bold stamp, no UV monogram, thin hollow chain, brassy plating.
  'counterfeit-a': {
    ...GENUINE,
    stitchesPerEdge: 7,
    stitchJitter: 0.9,
    heatStampWord: 'VERLIENE',
    heatStampWeight: 700,
    uvMonogram: false,
    chainWire: 0.0011,
    hardwareColor: '#f0c93a',
    hardwareRoughness: 0.12,
  },
  // Online parcel: quilting jumps 6 mm at the flap, wrong serial format, coarse off-centre engraving, glowing thread, plastic piping.
  'counterfeit-b': {
    ...GENUINE,
    flapQuiltShift: 0.006,
    serialText: 'VL-0031840-5X',
    serialFont: `700 40px "${FONT.sans}"`,
    claspLine: 9,
    claspDx: 14,
    claspSpacing: 16,
    threadGlow: '#a8c4ff',
    pipingRoughness: 0.12,
    pipingColor: '#6a1a2a',
  },
};
