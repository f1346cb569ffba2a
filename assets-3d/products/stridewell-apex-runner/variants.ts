/** The Apex runner's variants: the genuine spec and the two counterfeits' differences from it. */
import { FONT } from '../../lib/fonts';
import { GENUINE, type ShoeSpec } from './build';

export const SPECS: Record<string, ShoeSpec> = {
  genuine: GENUINE,
  // Port seizure: sparse uneven stitching, blunt logo without its dot, serif wordmark, glue under UV, heavy thick outsole.
  'counterfeit-a': {
    ...GENUINE,
    stitchPerM: 200,
    stitchJitter: 0.9,
    logoDot: false,
    logoTaper: false,
    labelWordFont: `400 30px "${FONT.serif}"`,
    glueMarks: true,
    outsole: 0.0095,
  },
  // Online parcel: no moulded APEX, impossible production window, short pull tab, glowing insole without the covert mark, fine perforations.
  'counterfeit-b': {
    ...GENUINE,
    apexMoulded: false,
    labelWindow: 'MFD 03/26-11/25',
    tabH: 0.022,
    insoleGlow: '#8fb0ff',
    uvMark: false,
    perfPitch: 3,
    perfR: 0.7,
  },
};
