/** Dimensions (metres) and the per-variant differences of the Halvard Meridian diver. */
export interface WatchSpec {
  /** Wordmark printed on the dial. */
  dialBrand: string;
  /** Apparent height of the date digits seen through the magnifier. */
  dateDigitH: number;
  /** Offset of the magnifier from the date window, along Y (negative = towards 6 o'clock). */
  cyclopsDy: number;
  /** Chapter-ring engraving evenly spaced and aligned to the hour markers. */
  rehautEven: boolean;
  /** Serial engraved in the chapter ring at 6 o'clock. */
  rehautSerial: boolean;
  /** Colour the luminous markers glow under UV. */
  lumeGlow: string;
  /** Emblem etched into the crystal at 6 o'clock. */
  etch: 'dots' | 'solid' | 'none';
  /** Solid engraved caseback (true) or a display window (false). */
  solidBack: boolean;
  /** How far the caseback stands below the middle case. */
  backDepth: number;
  serial: string;
}

export const GENUINE: WatchSpec = {
  dialBrand: 'HALVARD',
  dateDigitH: 0.0021,
  cyclopsDy: 0,
  rehautEven: true,
  rehautSerial: true,
  lumeGlow: '#7dffc4',
  etch: 'dots',
  solidBack: true,
  backDepth: 0.0026,
  serial: 'HV24-10837-R',
};

/** Head centre: the dial faces +Z; local "height above the case midplane" runs along world Z. */
export const CY = 0.031;
export const CZ = 0.0122;
export const CASE_R = 0.0202;
export const DIAL_R = 0.0146;
export const DIAL_H = 0.0062;
export const REHAUT_R1 = 0.016;
export const REHAUT_SLOPE = 1.2;
export const BEZEL_R0 = 0.0164;
export const BEZEL_R1 = 0.0196;
export const BEZEL_TOP = 0.0094;
export const CRYSTAL_R = 0.016;
export const CRYSTAL_TOP = 0.0102;
export const DATE_X = 0.0112;
export const DATE_W = 0.003;
export const DATE_H = 0.0024;
export const CYCLOPS = { w: 0.0068, h: 0.0058, t: 0.0014 };
export const LUME_T = 0.00035;
/** Distance below the centre of the emblem etched in the crystal at 6 o'clock. */
export const ETCH_R = 0.0141;
export const BACK_DECAL = 0.031;
/** Bracelet loop: an ellipse in the YZ plane. */
export const LOOP = { cy: 0.031, ay: 0.0295, az: 0.027, t: 0.003, width: 0.02 };

type V3 = [number, number, number];
export interface Anchor { position: V3; normal: V3; node: string }
const r = (n: number) => Math.round(n * 1e5) / 1e5;
const a = (node: string, p: V3, n: V3): Anchor => {
  const l = Math.hypot(...n);
  return { node, position: p.map(r) as V3, normal: n.map((x) => Math.round((x / l) * 1e4) / 1e4) as V3 };
};

/** Points on the model's surface where the tells sit, from the same constants as the builder. */
export function anchors(s: WatchSpec) {
  const slope = Math.hypot(REHAUT_SLOPE, 1);
  return {
    brand: a('dial', [0, CY + 0.0056, CZ + DIAL_H], [0, 0, 1]),
    cyclops: a('cyclops', [DATE_X, CY + s.cyclopsDy, CZ + CRYSTAL_TOP + CYCLOPS.t], [0, 0, 1]),
    rehaut6: a('rehaut', [0, CY - 0.01525, CZ + DIAL_H + (0.01525 - DIAL_R) * REHAUT_SLOPE], [0, REHAUT_SLOPE / slope, 1 / slope]),
    lume12: a('lume', [0, CY + 0.0121, CZ + DIAL_H + LUME_T], [0, 0, 1]),
    crystal: a('crystal', [0, CY, CZ + CRYSTAL_TOP], [0, 0, 1]),
    etch: a(s.etch === 'none' ? 'crystal' : 'crystal-etch', [0, CY - ETCH_R, CZ + CRYSTAL_TOP + (s.etch === 'none' ? 0 : 0.0003)], [0, 0, 1]),
    caseSide: a('case', [-CASE_R, CY, CZ + 0.0035], [-1, 0, 0]),
    backSerial: a('caseback-engraving', [0, CY - 0.0106, CZ - s.backDepth - 0.0003], [0, 0, -1]),
    backCentre: a(s.solidBack ? 'caseback-engraving' : 'caseback-window', [0, CY, CZ - s.backDepth - (s.solidBack ? 0.0003 : 0.0004)], [0, 0, -1]),
  };
}
