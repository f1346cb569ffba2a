/** Dimensions (metres) and per-variant differences of the Voltria 20 W USB-C charger (Europlug). */
export interface ChargerSpec {
  wordmark: string;
  /** Colour of the regulatory print on the side. */
  labelInk: string;
  /** Maker/assembly line present in the side print. */
  makerLine: boolean;
  certStyle: 'genuine' | 'approved' | 'redrawn';
  /** Insulating sleeves on the pin roots. */
  sleeves: boolean;
  pinD: number;
  /** Pin centre-to-centre spacing. */
  pinPitch: number;
  pinFinish: 'satin' | 'glossy';
  /** Covert UV-fluorescent batch mark on the left side. */
  uvMark: boolean;
  /** Housing fluorescence under UV (optical brightener in recycled plastic). */
  bodyGlow?: string;
}

export const GENUINE: ChargerSpec = {
  wordmark: 'voltria',
  labelInk: '#a2a4a8',
  makerLine: true,
  certStyle: 'genuine',
  sleeves: true,
  pinD: 0.004,
  pinPitch: 0.019,
  pinFinish: 'satin',
  uvMark: true,
};

export const BODY = { w: 0.031, h: 0.031, d: 0.028, r: 0.004 };
export const CY = BODY.h / 2;
export const PIN_LEN = 0.019;
export const SLEEVE_LEN = 0.01;
export const LABEL = { w: 0.02, h: 0.022 };
export const CERT = { size: 0.0075, y: CY - 0.0066, z: -0.0058 };

type V3 = [number, number, number];
export interface Anchor { position: V3; normal: V3; node: string }
const a = (node: string, p: V3, n: V3): Anchor => ({ node, position: p.map((x) => Math.round(x * 1e5) / 1e5) as V3, normal: n });

export function anchors(s: ChargerSpec) {
  const back = -BODY.d / 2;
  const pr = s.pinD / 2;
  return {
    cert: a('cert-mark', [BODY.w / 2 + 0.0004, CERT.y, CERT.z], [1, 0, 0]),
    label: a('label', [BODY.w / 2 + 0.0003, CY + 0.0004, 0.0022], [1, 0, 0]),
    sleeve: a(s.sleeves ? 'pin-sleeves' : 'pins', [s.pinPitch / 2, CY + pr + (s.sleeves ? 0.00005 : 0), back - SLEEVE_LEN / 2], [0, 1, 0]),
    pinTip: a(s.pinFinish === 'glossy' ? 'pins-wear' : 'pins', [s.pinPitch / 2, CY + pr + (s.pinFinish === 'glossy' ? 0.00005 : 0), back - PIN_LEN + 0.003], [0, 1, 0]),
    uv: a(s.uvMark ? 'uv-mark' : 'body', [-BODY.w / 2 - (s.uvMark ? 0.0003 : 0), CY, 0], [-1, 0, 0]),
    top: a('body', [0, BODY.h, 0], [0, 1, 0]),
    wordmark: a('wordmark', [0, BODY.h + 0.0003, 0], [0, 1, 0]),
  };
}
