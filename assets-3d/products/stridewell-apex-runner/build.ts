/**
 * Stridewell Apex runner (right shoe): one parameterised builder; the variants differ only by `ShoeSpec`.
 * Model space: metres, +Y up, sole on y = 0, toe towards +Z.
 */
import { ModelBuilder, type MaterialSpec } from '../../lib/model';
import { roundedSlab, decal, stitchRow, tube, THREE } from '../../lib/shapes';
import { drawTexture, seeded } from '../../lib/texture';
import { FONT } from '../../lib/fonts';
import * as tx from './textures';
import { LEN, U_THROAT, footSlab, gridSurface, soleTop, upperNormal, upperPoint, zOf } from './shape';

export interface ShoeSpec {
  /** Upper-to-sole stitches per metre (genuine 300 = 9 per 3 cm) and their unevenness. */
  stitchPerM: number;
  stitchJitter: number;
  /** Outsole rubber thickness (genuine 6 mm). */
  outsole: number;
  logoDot: boolean;
  logoTaper: boolean;
  labelWordFont: string;
  labelCode: string;
  labelWindow: string;
  apexMoulded: boolean;
  /** Heel pull-tab height (genuine 32 mm). */
  tabH: number;
  insoleGlow?: string;
  uvMark: boolean;
  glueMarks: boolean;
  perfPitch: number;
  perfR: number;
}

export const GENUINE: ShoeSpec = {
  stitchPerM: 300,
  stitchJitter: 0,
  outsole: 0.006,
  logoDot: true,
  logoTaper: true,
  labelWordFont: `700 30px "${FONT.sans}"`,
  labelCode: 'AX2204-417  US 9',
  labelWindow: 'MFD 09/25-12/25',
  apexMoulded: true,
  tabH: 0.032,
  uvMark: true,
  glueMarks: false,
  perfPitch: 5,
  perfR: 1.4,
};

// Anchors shared with the tells.
export const LOGO = { s: 0.54 * LEN, t: 0.414 };
export const STITCH_T = 0.06;
export const APEX_S = 0.3 * LEN;
export const GLUE = { s: 0.45 * LEN, t: 0.085, ds: 0.025, dt: 0.055, lift: 0.0004 };
export const INSOLE_OFF = 0.0045;
export const UVMARK_S = 0.2 * LEN;
export const TONGUE = { s: 0.47 * LEN, lift: 0.078, tilt: -55 * (Math.PI / 180), w: 0.05, h: 0.075, t: 0.004 };
export const LABEL = { w: 0.034, h: 0.0425, up: 0.015 };
export const TAB = { w: 0.018, base: 0.062, depth: 0.003 };

/** The tongue's placement: front-face point of a local (x, y) and the face normal. */
export function tongueFrame(outsole: number) {
  const rot = new THREE.Matrix4().makeRotationX(TONGUE.tilt);
  const origin = new THREE.Vector3(0, soleTop(TONGUE.s, outsole) + TONGUE.lift, zOf(TONGUE.s));
  const normal = new THREE.Vector3(0, 0, 1).applyMatrix4(rot);
  const front = (x: number, y: number) => new THREE.Vector3(x, y, TONGUE.t + 0.0005).applyMatrix4(rot).add(origin);
  return { rot, origin, normal, front };
}

const uvUpper = (side: 1 | -1) => (s: number, t: number): [number, number] => [side === 1 ? 0.5 + 0.5 * (1 - s / LEN) : 0.5 * (s / LEN), t];

export async function buildShoe(spec: ShoeSpec): Promise<ModelBuilder> {
  const m = new ModelBuilder();
  const os = spec.outsole;
  const ys = (s: number) => soleTop(s, os);
  const e = 0.0005;

  // Sole: rubber outsole and foam midsole (lateral wall carries the moulded model name).
  m.add('outsole', footSlab(1.0, () => 0, () => os, () => [0, 0]), { color: '#2a2c30', roughness: 0.9 });
  m.add('midsole', footSlab(1.0, () => os, ys, (x, s, h) => [x > 0 ? 0.5 + 0.5 * (1 - s / LEN) : 0.5 * (s / LEN), h]),
    { color: '#ffffff', roughness: 0.75, map: tx.midsoleTexture(spec.apexMoulded) });

  // Upper (both sides) and its dark lining, offset 1.5 mm inwards.
  const upperMat: MaterialSpec = { color: '#ffffff', roughness: 0.8, map: tx.upperTexture({ base: '#1f6075', perfPitch: spec.perfPitch, perfR: spec.perfR, logoDot: spec.logoDot, logoTaper: spec.logoTaper }) };
  const lining: MaterialSpec = { color: '#2b2f36', roughness: 0.9 };
  for (const side of [1, -1] as const) {
    const P = (s: number, t: number) => upperPoint(s, t, side, os);
    m.add('upper', gridSurface(64, 20, 0, LEN, P, uvUpper(side), side === 1), upperMat);
    const inner = (s: number, t: number) => P(s, t).addScaledVector(upperNormal(s, t, side, os), -0.0015);
    m.add('lining', gridSurface(48, 12, 0, LEN, inner, () => [0, 0], side === -1), lining);
  }

  // Insole visible through the opening, with the covert UV comet.
  m.add('insole', footSlab(0.88, (s) => ys(s) + INSOLE_OFF - 0.0015, (s) => ys(s) + INSOLE_OFF, (x, s) => [0.5 - x / 0.09, s / LEN]),
    { color: '#ffffff', roughness: 0.9, map: tx.insoleTexture() }, { uvGlow: spec.insoleGlow });
  if (spec.uvMark) {
    const slope = (ys(UVMARK_S + 0.001) - ys(UVMARK_S - 0.001)) / 0.002;
    const n = new THREE.Vector3(0, 1, -slope).normalize();
    m.add('uv-mark', decal(0.03, 0.015, [0, ys(UVMARK_S) + INSOLE_OFF + 0.0006, zOf(UVMARK_S)], [n.x, n.y, n.z], Math.PI / 2), { color: '#ffffff', transparent: true, map: tx.uvMark() }, { uvOnly: true, uvGlow: '#7dffb0' });
  }

  // Padded collar round the opening.
  const collar: [number, number, number][] = [];
  const sEnd = U_THROAT * LEN;
  for (let i = 24; i >= 0; i--) { const p = upperPoint(e + (sEnd - e) * (i / 24), 1, -1, os); collar.push([p.x, p.y, p.z]); }
  for (let i = 1; i <= 24; i++) { const p = upperPoint(e + (sEnd - e) * (i / 24), 1, 1, os); collar.push([p.x, p.y, p.z]); }
  m.add('collar', tube(collar, 0.0055, 96, 8), { color: '#1c2530', roughness: 0.85 });

  // Tongue with its label (style code and production window).
  const tf = tongueFrame(os);
  const tongue = roundedSlab(TONGUE.w, TONGUE.h, TONGUE.t, 0.016).applyMatrix4(tf.rot).translate(tf.origin.x, tf.origin.y, tf.origin.z);
  m.add('tongue', tongue, { color: '#1c2530', roughness: 0.85 });
  const lc = tf.front(0, LABEL.up);
  m.add('tongue-label', decal(LABEL.w, LABEL.h, [lc.x, lc.y, lc.z], [tf.normal.x, tf.normal.y, tf.normal.z]), { color: '#ffffff', roughness: 0.7, map: tx.tongueLabel({ wordFont: spec.labelWordFont, code: spec.labelCode, window: spec.labelWindow }) });

  // Laces across the instep.
  const laceMat: MaterialSpec = { color: '#f2f2ee', roughness: 0.8 };
  for (const u of [0.58, 0.625, 0.67, 0.715]) {
    const s = u * LEN;
    const pts = [upperPoint(s, 0.8, 1, os), upperPoint(s, 1, 1, os).add(new THREE.Vector3(0, 0.003, 0)), upperPoint(s, 0.8, -1, os)];
    pts[0]!.addScaledVector(upperNormal(s, 0.8, 1, os), 0.002); pts[2]!.addScaledVector(upperNormal(s, 0.8, -1, os), 0.002);
    m.add('laces', tube(pts.map((p) => [p.x, p.y, p.z] as [number, number, number]), 0.0022, 20, 6), laceMat);
  }

  // Upper-to-sole stitching, in short pieces that follow the side's normal.
  const thread: MaterialSpec = { color: '#e9e7df', roughness: 0.8 };
  for (const side of [1, -1] as const) {
    const pieces = 10, s0 = 0.05 * LEN, s1 = 0.95 * LEN;
    for (let k = 0; k < pieces; k++) {
      const sa = s0 + ((s1 - s0) * k) / pieces, sb = s0 + ((s1 - s0) * (k + 1)) / pieces;
      const n = upperNormal((sa + sb) / 2, STITCH_T, side, os);
      const pts = [0, 0.5, 1].map((f) => { const p = upperPoint(sa + (sb - sa) * f, STITCH_T, side, os); return [p.x, p.y, p.z] as [number, number, number]; });
      m.add('stitching', stitchRow(pts, { perMetre: spec.stitchPerM, jitter: spec.stitchJitter, normal: [n.x, n.y, n.z], width: 0.001, seed: 17 + k * 3 + side }), thread);
    }
  }

  // Heel pull tab.
  const tabH = spec.tabH;
  m.add('heel-tab', roundedSlab(TAB.w, tabH, TAB.depth, 0.005).translate(0, 0, 0.0005).rotateY(Math.PI).translate(0, ys(0) + TAB.base + tabH / 2, zOf(0) - 0.0008),
    { color: '#d2542f', roughness: 0.7 });

  // Counterfeit glue smear along the sole line, seen only under UV.
  if (spec.glueMarks) {
    const smear = drawTexture(256, 64, (g, w, h) => {
      const rnd = seeded(5);
      g.fillStyle = 'rgba(255,255,255,0.75)';
      for (let i = 0; i < 70; i++) { g.beginPath(); g.ellipse(12 + rnd() * (w - 24), h * (0.3 + rnd() * 0.4), 5 + rnd() * 16, 3 + rnd() * 8, 0, 0, Math.PI * 2); g.fill(); }
    }, { alpha: true });
    // A thin skin conforming to the upper, 0.4 mm proud of it.
    const sA = GLUE.s - GLUE.ds, sB = GLUE.s + GLUE.ds, tA = GLUE.t - GLUE.dt, tB = GLUE.t + GLUE.dt;
    const skin = gridSurface(16, 3, sA, sB,
      (s, t) => upperPoint(s, tA + (tB - tA) * t, 1, os).addScaledVector(upperNormal(s, tA + (tB - tA) * t, 1, os), GLUE.lift),
      (s, t) => [(s - sA) / (sB - sA), t], true);
    m.add('glue-marks', skin, { color: '#ffffff', transparent: true, map: smear }, { uvOnly: true, uvGlow: '#e4ff7a' });
  }
  return m;
}
