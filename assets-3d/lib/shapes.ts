/** Geometry helpers shared by the product sources. All sizes in metres. */
import * as THREE from 'three';
import { RoundedBoxGeometry } from 'three/examples/jsm/geometries/RoundedBoxGeometry.js';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

export function roundedBox(w: number, h: number, d: number, radius: number, segments = 3): THREE.BufferGeometry {
  return new RoundedBoxGeometry(w, h, d, segments, Math.min(radius, w / 2, h / 2, d / 2) * 0.999);
}

/** A flat rounded rectangle in the XY plane, extruded `depth` towards +Z, with a small bevel. */
export function roundedSlab(w: number, h: number, depth: number, radius: number, bevel = 0.0005): THREE.BufferGeometry {
  const s = new THREE.Shape();
  const x = -w / 2, y = -h / 2, r = Math.min(radius, w / 2, h / 2);
  s.moveTo(x + r, y);
  s.lineTo(x + w - r, y);
  s.quadraticCurveTo(x + w, y, x + w, y + r);
  s.lineTo(x + w, y + h - r);
  s.quadraticCurveTo(x + w, y + h, x + w - r, y + h);
  s.lineTo(x + r, y + h);
  s.quadraticCurveTo(x, y + h, x, y + h - r);
  s.lineTo(x, y + r);
  s.quadraticCurveTo(x, y, x + r, y);
  const g = new THREE.ExtrudeGeometry(s, { depth, bevelEnabled: bevel > 0, bevelSize: bevel, bevelThickness: bevel, bevelSegments: 2, curveSegments: 8 });
  planarUV(g, w, h);
  return g;
}

/** UVs from X/Y position, so a texture spans the whole front face of a slab. */
export function planarUV(g: THREE.BufferGeometry, w: number, h: number): void {
  const pos = g.getAttribute('position');
  const uv = new Float32Array(pos.count * 2);
  for (let i = 0; i < pos.count; i++) {
    uv[i * 2] = pos.getX(i) / w + 0.5;
    uv[i * 2 + 1] = pos.getY(i) / h + 0.5;
  }
  g.setAttribute('uv', new THREE.BufferAttribute(uv, 2));
}

/**
 * A decal: a thin textured plane of w x h, centred at `at`, facing along `normal`, lifted 0.3 mm
 * off the surface so it never z-fights. Tells usually sit on decals (prints, labels, engravings).
 */
export function decal(w: number, h: number, at: [number, number, number], normal: [number, number, number], spin = 0): THREE.BufferGeometry {
  const g = new THREE.PlaneGeometry(w, h);
  const n = new THREE.Vector3(...normal).normalize();
  const q = new THREE.Quaternion().setFromUnitVectors(new THREE.Vector3(0, 0, 1), n);
  g.rotateZ(spin);
  g.applyQuaternion(q);
  const p = new THREE.Vector3(...at).addScaledVector(n, 0.0003);
  g.translate(p.x, p.y, p.z);
  return g;
}

/** A solid of revolution around Y from a profile of [radius, y] points (bottles, watch cases, caps). */
export function lathe(profile: [number, number][], segments = 48): THREE.BufferGeometry {
  return new THREE.LatheGeometry(profile.map(([r, y]) => new THREE.Vector2(r, y)), segments);
}

/**
 * A row of stitches along a polyline: each stitch a small capsule-like box. `jitter` (0..1) makes
 * lengths and spacing uneven, as on a careless counterfeit; `perMetre` sets stitch density.
 */
export function stitchRow(
  points: [number, number, number][],
  opts: { perMetre: number; width?: number; jitter?: number; normal?: [number, number, number]; seed?: number },
): THREE.BufferGeometry {
  const path = new THREE.CurvePath<THREE.Vector3>();
  for (let i = 1; i < points.length; i++) path.add(new THREE.LineCurve3(new THREE.Vector3(...points[i - 1]!), new THREE.Vector3(...points[i]!)));
  const length = path.getLength();
  const count = Math.max(2, Math.round(length * opts.perMetre));
  const pitch = length / count;
  const width = opts.width ?? 0.0012;
  const jitter = opts.jitter ?? 0;
  let seed = opts.seed ?? 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const normal = new THREE.Vector3(...(opts.normal ?? [0, 0, 1])).normalize();
  const pieces: THREE.BufferGeometry[] = [];
  for (let i = 0; i < count; i++) {
    const t = Math.min(1, Math.max(0, (i + 0.5 + (rnd() - 0.5) * jitter * 0.8) / count));
    const len = pitch * (0.62 + (rnd() - 0.5) * jitter * 0.6);
    const at = path.getPointAt(t);
    const dir = path.getTangentAt(t);
    const s = new THREE.BoxGeometry(len, width, width * 0.6);
    const basis = new THREE.Matrix4().makeBasis(dir, normal.clone().cross(dir).normalize(), normal);
    s.applyMatrix4(basis);
    s.translate(at.x + normal.x * width * 0.2, at.y + normal.y * width * 0.2, at.z + normal.z * width * 0.2);
    pieces.push(s.toNonIndexed());
  }
  return mergeGeometries(pieces)!;
}

export function tube(points: [number, number, number][], radius: number, segments = 32, radial = 8, closed = false): THREE.BufferGeometry {
  const curve = new THREE.CatmullRomCurve3(points.map((p) => new THREE.Vector3(...p)), closed);
  return new THREE.TubeGeometry(curve, segments, radius, radial, closed);
}

export { THREE };
