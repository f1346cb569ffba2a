/**
 * The Apex runner's last: footprint, sole heights and the parametric upper surface, shared by the
 * builder and the tell anchors. Right shoe, toe towards +Z, metres; s runs heel (0) to toe (LEN).
 */
import { THREE } from '../../lib/shapes';

export const LEN = 0.29;
const smooth = (t: number) => t * t * (3 - 2 * t);

/** Piecewise smooth interpolation over knots [u, value]. */
function knots(k: [number, number][], u: number): number {
  if (u <= k[0]![0]) return k[0]![1];
  for (let i = 1; i < k.length; i++) {
    const [u1, v1] = k[i]!, [u0, v0] = k[i - 1]!;
    if (u <= u1) return v0 + (v1 - v0) * smooth((u - u0) / (u1 - u0));
  }
  return k[k.length - 1]![1];
}

const cap = (d: number, r: number) => { const x = Math.min(1, Math.max(0, d / r)); return Math.sqrt(1 - (1 - x) * (1 - x)); };

/** Half width of the sole at s. */
export function halfWidth(s: number): number {
  const u = s / LEN;
  return knots([[0, 0.034], [0.2, 0.035], [0.42, 0.034], [0.66, 0.047], [0.8, 0.048], [0.92, 0.046], [1, 0.044]], u) * cap(s, 0.03) * cap(LEN - s, 0.035);
}
export const zOf = (s: number) => s - LEN / 2;
export const midsoleThick = (s: number) => 0.03 - 0.013 * smooth(s / LEN);
/** Top of the sole (where the upper starts). */
export const soleTop = (s: number, outsole: number) => outsole + midsoleThick(s);
/** Semi-axes of the upper's cross-section: half width (inset from the sole) and arch height. */
export const upperA = (s: number) => Math.max(0.00002, halfWidth(s) - 0.0025);
export const upperB = (s: number) => knots([[0, 0.085], [0.55, 0.085], [0.7, 0.064], [0.86, 0.044], [1, 0.03]], s / LEN);
/** Collar height above the sole in the opening (heel to throat); above U_THROAT the upper is closed. */
export const U_THROAT = 0.55;
const collarH = (s: number) => knots([[0, 0.074], [0.12, 0.068], [0.3, 0.05], [0.45, 0.062], [U_THROAT, 0.085]], s / LEN);
export const phiMax = (s: number) => (s / LEN >= U_THROAT ? Math.PI / 2 : Math.asin(Math.min(1, collarH(s) / upperB(s))));

/** A point of the upper: side +1 lateral (x > 0), -1 medial; t from sole (0) to collar/top line (1). */
export function upperPoint(s: number, t: number, side: 1 | -1, outsole: number): THREE.Vector3 {
  const phi = t * phiMax(s);
  return new THREE.Vector3(side * upperA(s) * Math.cos(phi), soleTop(s, outsole) + upperB(s) * Math.sin(phi), zOf(s));
}

/** Outward normal of the upper at (s, t), by finite differences. */
export function upperNormal(s: number, t: number, side: 1 | -1, outsole: number): THREE.Vector3 {
  const e = 1e-4;
  const ds = upperPoint(Math.min(LEN - e, s + e), t, side, outsole).sub(upperPoint(Math.max(e, s - e), t, side, outsole));
  const dt = upperPoint(s, Math.min(1, t + e), side, outsole).sub(upperPoint(s, Math.max(0, t - e), side, outsole));
  const n = ds.cross(dt).normalize();
  return side === 1 ? n.negate() : n;
}

/** A (s, t) grid surface as a non-indexed geometry, with uv from the callback. */
export function gridSurface(
  ns: number, nt: number, s0: number, s1: number,
  point: (s: number, t: number) => THREE.Vector3,
  uvOf: (s: number, t: number) => [number, number],
  flip: boolean,
): THREE.BufferGeometry {
  const pos: number[] = [], uv: number[] = [];
  const S = (i: number) => s0 + (s1 - s0) * (1 - Math.cos((Math.PI * i) / ns)) / 2; // denser at heel and toe
  for (let i = 0; i < ns; i++) for (let j = 0; j < nt; j++) {
    const q: [number, number][] = [[S(i), j / nt], [S(i + 1), j / nt], [S(i + 1), (j + 1) / nt], [S(i), (j + 1) / nt]];
    const tris = flip ? [0, 2, 1, 0, 3, 2] : [0, 1, 2, 0, 2, 3];
    for (const k of tris) { const [s, t] = q[k]!; const p = point(s, t); pos.push(p.x, p.y, p.z); uv.push(...uvOf(s, t)); }
  }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
  g.setAttribute('uv', new THREE.Float32BufferAttribute(uv, 2));
  const merged = mergeForNormals(g);
  return merged;
}

/** Smooth normals across shared vertices, keeping the triangle soup layout. */
function mergeForNormals(g: THREE.BufferGeometry): THREE.BufferGeometry {
  const p = g.getAttribute('position');
  const acc = new Map<string, THREE.Vector3>();
  const key = (i: number) => `${p.getX(i).toFixed(5)},${p.getY(i).toFixed(5)},${p.getZ(i).toFixed(5)}`;
  const a = new THREE.Vector3(), b = new THREE.Vector3(), c = new THREE.Vector3();
  for (let i = 0; i < p.count; i += 3) {
    a.fromBufferAttribute(p, i); b.fromBufferAttribute(p, i + 1); c.fromBufferAttribute(p, i + 2);
    const n = b.clone().sub(a).cross(c.clone().sub(a));
    for (let k = 0; k < 3; k++) { const kk = key(i + k); acc.set(kk, (acc.get(kk) ?? new THREE.Vector3()).add(n)); }
  }
  const nrm = new Float32Array(p.count * 3);
  for (let i = 0; i < p.count; i++) { const n = acc.get(key(i))!.clone().normalize(); nrm.set([n.x, n.y, n.z], i * 3); }
  g.setAttribute('normal', new THREE.BufferAttribute(nrm, 3));
  return g;
}

/** The sole outline as a closed polygon (x, s), heel to toe on the lateral side and back. */
export function outline(scale = 1, n = 60): [number, number][] {
  const pts: [number, number][] = [];
  const S = (i: number) => (LEN * (1 - Math.cos((Math.PI * i) / n))) / 2; // denser at heel and toe
  for (let i = 0; i <= n; i++) pts.push([halfWidth(S(i)) * scale, S(i)]);
  for (let i = n - 1; i >= 1; i--) pts.push([-halfWidth(S(i)) * scale, S(i)]);
  return pts;
}

/**
 * A slab following the footprint, its bottom at y0(s) and top at y1(s); uv from `uvOf(x, s, side01)`.
 * side01 is 0 on the bottom, 1 on the top and in between on the walls.
 */
export function footSlab(scale: number, y0: (s: number) => number, y1: (s: number) => number, uvOf: (x: number, s: number, h: number) => [number, number]): THREE.BufferGeometry {
  const shape = new THREE.Shape(outline(scale).map(([x, s]) => new THREE.Vector2(x, s)));
  const g = new THREE.ExtrudeGeometry(shape, { depth: 1, bevelEnabled: false, curveSegments: 4 });
  const p = g.getAttribute('position');
  const uv = new Float32Array(p.count * 2);
  for (let i = 0; i < p.count; i++) {
    const x = p.getX(i), s = p.getY(i), h = p.getZ(i);
    const y = y0(s) + (y1(s) - y0(s)) * h;
    p.setXYZ(i, x, y, zOf(s));
    uv.set(uvOf(x, s, h), i * 2);
  }
  g.setAttribute('uv', new THREE.BufferAttribute(uv, 2));
  // (x, s, h) -> (x, y, z) swaps two axes, which turns the faces inside out: swap each triangle's winding.
  for (const attr of [g.getAttribute('position'), g.getAttribute('uv')]) {
    const arr = attr.array as Float32Array, k = attr.itemSize;
    for (let i = 0; i < attr.count; i += 3) for (let c = 0; c < k; c++) {
      const t = arr[(i + 1) * k + c]!; arr[(i + 1) * k + c] = arr[(i + 2) * k + c]!; arr[(i + 2) * k + c] = t;
    }
  }
  g.deleteAttribute('normal');
  g.computeVertexNormals();
  return g;
}
