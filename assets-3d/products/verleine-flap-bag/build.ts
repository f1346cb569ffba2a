/**
 * Verleine "Soirée" quilted flap bag: one parameterised builder; the variants differ only by `BagSpec`.
 * Model space: metres, +Y up, standing on y = 0, front (flap + clasp) facing +Z.
 */
import { ModelBuilder, type MaterialSpec } from '../../lib/model';
import { roundedBox, roundedSlab, decal, stitchRow, tube, THREE } from '../../lib/shapes';
import { FONT } from '../../lib/fonts';
import * as tx from './textures';

export interface BagSpec {
  /** Stitches per diamond edge (genuine 10) and their unevenness. */
  stitchesPerEdge: number;
  stitchJitter: number;
  /** Horizontal shift of the flap's quilting against the body's (genuine 0). */
  flapQuiltShift: number;
  /** Thread glows under UV (optical brightener). */
  threadGlow?: string;
  heatStampWord: string;
  heatStampWeight: 400 | 700;
  hardwareColor: string;
  hardwareRoughness: number;
  /** Chain wire radius (genuine 1.7 mm solid brass). */
  chainWire: number;
  claspLine: number;
  claspDx: number;
  claspSpacing: number;
  serialText: string;
  serialFont: string;
  uvMonogram: boolean;
  pipingRoughness: number;
  pipingColor: string;
}

export const GENUINE: BagSpec = {
  stitchesPerEdge: 10,
  stitchJitter: 0,
  flapQuiltShift: 0,
  heatStampWord: 'VERLEINE',
  heatStampWeight: 400,
  hardwareColor: '#d2b47a',
  hardwareRoughness: 0.32,
  chainWire: 0.0017,
  claspLine: 4,
  claspDx: 0,
  claspSpacing: 6,
  serialText: 'VA·318·405',
  serialFont: `400 54px "${FONT.mono}"`,
  uvMonogram: true,
  pipingRoughness: 0.6,
  pipingColor: '#4e1620',
};

// Dimensions (metres).
export const W = 0.255, H = 0.155, D = 0.065, R = 0.014;
/** Diagonal repeat of the quilting: diamond edge = L / sqrt2 = 34 mm. */
export const L = 0.034 * Math.SQRT2;
export const EDGE = 0.034;
export const FW = W + 0.004, FH = 0.115, FT = 0.003, BEV = 0.0005;
export const FLAP_TOP = H + 0.002, FLAP_BOTTOM = FLAP_TOP - FH, FLAP_YC = FLAP_TOP - FH / 2;
/** z of the flap's front face. */
export const FZ = D / 2 + 0.0008 + FT + 2 * BEV;
export const PIPE_R = 0.0022, PIPE_Z = FZ - 0.001;
export const CLASP = { w: 0.036, h: 0.024, y: FLAP_BOTTOM + 0.02, z: FZ + 0.002 + BEV };
/** Back slip pocket: outer face z. */
export const POCKET = { w: 0.2, h: 0.085, y: 0.075, z: -(D / 2 + 0.0016 + 0.002 + 2 * BEV) };
export const STAMP = { w: 0.07, h: 0.0175, y: 0.102 };
export const SERIAL = { w: 0.03, h: 0.01, y: 0.064, x: 0, z: POCKET.z - 0.0012 - 2 * BEV };
export const UVMARK = { s: 0.012, x: 0.045, y: 0.064 };
/** Chain attachment eyelets on the top corners. */
export const EYE_X = W / 2 - 0.025;

/** UVs for the quilt tile: planar per dominant axis, in units of L, offset by (x0, y0). */
function quiltUV(g: THREE.BufferGeometry, x0: number, y0: number): THREE.BufferGeometry {
  const p = g.getAttribute('position'), n = g.getAttribute('normal');
  const uv = new Float32Array(p.count * 2);
  for (let i = 0; i < p.count; i++) {
    const ax = Math.abs(n.getX(i)), ay = Math.abs(n.getY(i)), az = Math.abs(n.getZ(i));
    const [a, b] = az >= ax && az >= ay ? [p.getX(i), p.getY(i)] : ax >= ay ? [p.getZ(i), p.getY(i)] : [p.getX(i), p.getZ(i)];
    uv[i * 2] = (a - x0) / L;
    uv[i * 2 + 1] = (b - y0) / L;
  }
  g.setAttribute('uv', new THREE.BufferAttribute(uv, 2));
  return g;
}

/** Segment of the line (x + s*y = c) inside a rectangle, or null. s = +1 or -1. */
function clipDiagonal(c: number, s: 1 | -1, x0: number, x1: number, y0: number, y1: number): [number, number][] | null {
  // x = c - s*y
  const pts: [number, number][] = [];
  for (const y of [y0, y1]) { const x = c - s * y; if (x >= x0 && x <= x1) pts.push([x, y]); }
  for (const x of [x0, x1]) { const y = (c - x) * s; if (y > y0 && y < y1) pts.push([x, y]); }
  if (pts.length < 2) return null;
  pts.sort((p, q) => p[0] - q[0]);
  const a = pts[0]!, b = pts[pts.length - 1]!;
  return Math.hypot(b[0] - a[0], b[1] - a[1]) > 0.004 ? [a, b] : null;
}

/** Stitch rows along every quilting line in a rectangle of the plane z = z (normal nz). */
function quiltStitches(spec: BagSpec, rect: [number, number, number, number], z: number, nz: 1 | -1, shift: number, seed: number): THREE.BufferGeometry[] {
  const out: THREE.BufferGeometry[] = [];
  const [x0, x1, y0, y1] = rect;
  for (const s of [1, -1] as const) {
    for (let k = -12; k <= 12; k++) {
      const c = shift + k * L; // quilt lines: x + y = k L + shift, x - y = k L + shift
      const seg = clipDiagonal(c, s, x0, x1, y0, y1);
      if (!seg) continue;
      out.push(stitchRow(seg.map(([x, y]) => [x, y, z] as [number, number, number]), {
        perMetre: spec.stitchesPerEdge / EDGE, jitter: spec.stitchJitter, normal: [0, 0, nz], seed: seed + k * 7 + s, width: 0.0011,
      }));
    }
  }
  return out;
}

function roundedRectPath(w: number, h: number, r: number, yc: number, z: number): [number, number, number][] {
  const pts: [number, number, number][] = [];
  const corners: [number, number, number][] = [[w / 2 - r, h / 2 - r, 0], [-w / 2 + r, h / 2 - r, Math.PI / 2], [-w / 2 + r, -h / 2 + r, Math.PI], [w / 2 - r, -h / 2 + r, 1.5 * Math.PI]];
  pts.push([0, yc + h / 2, z]);
  for (const [cx, cy, a0] of corners.slice(1).concat(corners.slice(0, 1))) {
    for (let i = 0; i <= 4; i++) { const a = a0 + (i / 4) * (Math.PI / 2); pts.push([cx + r * Math.cos(a), yc + cy + r * Math.sin(a), z]); }
    if (a0 === Math.PI) pts.push([0, yc - h / 2, z]);
  }
  return pts;
}

export async function buildBag(spec: BagSpec): Promise<ModelBuilder> {
  const m = new ModelBuilder();
  const leatherBase = '#4a1420';
  const quilt: MaterialSpec = { color: '#ffffff', roughness: 0.55, map: tx.quiltTile(leatherBase) };
  const pocketMat: MaterialSpec = { color: '#ffffff', roughness: 0.5, map: tx.smoothLeather(leatherBase, 5) };
  const metal: MaterialSpec = { color: spec.hardwareColor, metalness: 1, roughness: spec.hardwareRoughness };

  // Body and flap (flap quilting may be shifted on a fake).
  m.add('body', quiltUV(roundedBox(W, H, D, R, 4).translate(0, H / 2, 0), 0, 0), quilt);
  const front = roundedSlab(FW, FH, FT, 0.012, BEV).translate(0, FLAP_YC, D / 2 + 0.0008 + BEV);
  m.add('flap', quiltUV(front, spec.flapQuiltShift, 0), quilt);
  const top = roundedBox(FW, 0.004, D + 0.006, 0.0018, 2).translate(0, H + 0.0008 + 0.002, 0.002);
  m.add('flap', quiltUV(top, spec.flapQuiltShift, 0), quilt);

  // Quilting stitches: flap front, visible strip of the body front, back panel.
  const thread: MaterialSpec = { color: '#8a3a48', roughness: 0.8 };
  const stitches = [
    ...quiltStitches(spec, [-FW / 2 + 0.007, FW / 2 - 0.007, FLAP_BOTTOM + 0.006, FLAP_TOP - 0.005], FZ, 1, spec.flapQuiltShift, 3),
    ...quiltStitches(spec, [-W / 2 + R, W / 2 - R, R, FLAP_BOTTOM - 0.001], D / 2, 1, 0, 50),
    ...quiltStitches(spec, [-W / 2 + R, W / 2 - R, R, H - R], -D / 2, -1, 0, 90),
  ];
  for (const s of stitches) m.add('quilt-stitching', s, thread, { uvGlow: spec.threadGlow });

  // Piping round the flap edge.
  m.add('flap-piping', tube(roundedRectPath(FW, FH, 0.012, FLAP_YC, PIPE_Z), PIPE_R, 160, 8, true), { color: spec.pipingColor, roughness: spec.pipingRoughness });

  // Clasp plate with engraved monogram, and the catch on the body below.
  const claspTex = tx.claspPlate({ base: spec.hardwareColor, line: spec.claspLine, dx: spec.claspDx, spacing: spec.claspSpacing, engrave: '#5c4722' });
  m.add('clasp-plate', roundedSlab(CLASP.w, CLASP.h, 0.002, 0.004, BEV).translate(0, CLASP.y, FZ), { color: '#ffffff', metalness: 1, roughness: spec.hardwareRoughness, map: claspTex });
  m.add('hardware', roundedBox(0.02, 0.008, 0.006, 0.0025).translate(0, FLAP_BOTTOM - 0.004, D / 2 + 0.002), metal);
  for (const sx of [-1, 1]) {
    m.add('hardware', new THREE.TorusGeometry(0.006, 0.0018, 8, 16).translate(sx * EYE_X, H + 0.006, 0), metal);
    m.add('hardware', roundedBox(0.014, 0.006, 0.008, 0.002).translate(sx * EYE_X, H + 0.004, 0), metal);
  }

  // Chain strap: alternating torus links along a hanging arc.
  const curve = new THREE.CatmullRomCurve3([
    [-EYE_X, H + 0.012], [-0.125, 0.23], [-0.105, 0.32], [-0.05, 0.365], [0, 0.372], [0.05, 0.365], [0.105, 0.32], [0.125, 0.23], [EYE_X, H + 0.012],
  ].map(([x, y]) => new THREE.Vector3(x, y, 0)));
  const pitch = 0.0105, count = Math.round(curve.getLength() / pitch);
  for (let i = 0; i < count; i++) {
    const t = (i + 0.5) / count, p = curve.getPointAt(t), dir = curve.getTangentAt(t);
    const link = new THREE.TorusGeometry(0.0052, spec.chainWire, 6, 12).scale(1.35, 1, 1);
    const q = new THREE.Quaternion().setFromUnitVectors(new THREE.Vector3(1, 0, 0), dir);
    if (i % 2) q.multiply(new THREE.Quaternion().setFromAxisAngle(new THREE.Vector3(1, 0, 0), Math.PI / 2));
    link.applyQuaternion(q).translate(p.x, p.y, p.z);
    m.add('chain', link, metal);
  }

  // Back slip pocket with heat stamp, serial plate and covert UV monogram.
  m.add('back-pocket', roundedSlab(POCKET.w, POCKET.h, 0.002, 0.01, BEV).translate(0, 0, BEV).rotateY(Math.PI).translate(0, POCKET.y, -(D / 2 + 0.0016)), pocketMat);
  m.add('heat-stamp', decal(STAMP.w, STAMP.h, [0, STAMP.y, POCKET.z], [0, 0, -1]), { color: '#ffffff', metalness: 0.6, roughness: 0.35, transparent: true, map: tx.heatStamp(spec.heatStampWord, spec.heatStampWeight) });
  m.add('serial-plate', roundedSlab(SERIAL.w, SERIAL.h, 0.0012, 0.0015, BEV).translate(0, 0, BEV).rotateY(Math.PI).translate(SERIAL.x, SERIAL.y, POCKET.z), { color: '#ffffff', metalness: 1, roughness: 0.35, map: tx.serialPlate(spec.hardwareColor, spec.serialText, spec.serialFont) });
  if (spec.uvMonogram) {
    m.add('uv-monogram', decal(UVMARK.s, UVMARK.s, [UVMARK.x, UVMARK.y, POCKET.z], [0, 0, -1]), { color: '#ffffff', transparent: true, map: tx.uvMonogram() }, { uvOnly: true, uvGlow: '#7dffb0' });
  }
  return m;
}
