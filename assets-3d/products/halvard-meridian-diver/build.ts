/** One parameterised builder for every variant of the Halvard Meridian diver. */
import { ModelBuilder, type MaterialSpec } from '../../lib/model';
import { THREE, lathe, roundedBox, decal, tube } from '../../lib/shapes';
import type { WatchSpec } from './spec';
import * as K from './spec';
import { bezelTexture, casebackTexture, dialTexture, etchTexture, movementTexture, rehautTexture } from './textures';

const steel: MaterialSpec = { color: '#c4c7cc', metalness: 1, roughness: 0.3, doubleSided: true };
const brushed: MaterialSpec = { color: '#b3b6bb', metalness: 1, roughness: 0.45 };
const polished: MaterialSpec = { color: '#dadcdf', metalness: 1, roughness: 0.12 };
const lumeMat: MaterialSpec = { color: '#ece8d6', roughness: 0.6 };
const glass: MaterialSpec = { color: '#e8f1f8', roughness: 0.04, metalness: 0, opacity: 0.14, transparent: true };

const HEAD = { position: [0, K.CY, K.CZ] as [number, number, number], rotation: [Math.PI / 2, 0, 0] as [number, number, number] };
const front = (z: number): [number, number, number] => [0, K.CY, K.CZ + z];

/** A flat shape in the dial plane, extruded `t` towards the viewer. */
function flat(shape: THREE.Shape, t: number): THREE.BufferGeometry {
  return new THREE.ExtrudeGeometry(shape, { depth: t, bevelEnabled: false, curveSegments: 12 });
}

function hand(len: number, width: number, tail: number): THREE.Shape {
  const s = new THREE.Shape();
  s.moveTo(-width * 0.35, -tail);
  s.lineTo(width * 0.35, -tail);
  s.lineTo(width / 2, len * 0.75);
  s.lineTo(0, len);
  s.lineTo(-width / 2, len * 0.75);
  s.closePath();
  return s;
}

function addDialSide(m: ModelBuilder, s: WatchSpec): void {
  const dial = new THREE.CircleGeometry(K.DIAL_R, 96);
  m.add('dial', dial, { color: '#ffffff', roughness: 0.5, map: dialTexture(s) }, { position: front(K.DIAL_H) });
  // sloped chapter ring: a ring whose outer edge rises towards the crystal (planar UVs kept)
  const ring = new THREE.RingGeometry(K.DIAL_R, K.REHAUT_R1, 96, 1);
  const p = ring.getAttribute('position');
  for (let i = 0; i < p.count; i++) p.setZ(i, (Math.hypot(p.getX(i), p.getY(i)) - K.DIAL_R) * K.REHAUT_SLOPE);
  ring.computeVertexNormals();
  m.add('rehaut', ring, { color: '#ffffff', metalness: 0.3, roughness: 0.45, map: rehautTexture(s) }, { position: front(K.DIAL_H) });
  // applied luminous markers: triangle at 12, batons at 6 and 9, dots elsewhere, 3 is the date
  const lume = { uvGlow: s.lumeGlow };
  const tri = new THREE.Shape([new THREE.Vector2(-0.0016, 0.0133), new THREE.Vector2(0.0016, 0.0133), new THREE.Vector2(0, 0.0106)]);
  m.add('lume', flat(tri, K.LUME_T), lumeMat, { ...lume, position: front(K.DIAL_H) });
  for (let h = 1; h < 12; h++) {
    if (h === 3) continue;
    const a = (h * Math.PI) / 6;
    const g = h % 3 === 0 ? roundedBox(0.0016, 0.0042, K.LUME_T, 0.0003, 1) : new THREE.CylinderGeometry(0.0012, 0.0012, K.LUME_T, 24).rotateX(Math.PI / 2);
    const rr = h === 6 ? 0.0114 : 0.0121; // the 6 o'clock baton sits lower, leaving room for the crystal etch
    g.rotateZ(-a).translate(Math.sin(a) * rr, Math.cos(a) * rr, K.LUME_T / 2);
    m.add('lume', g, lumeMat, { ...lume, position: front(K.DIAL_H) });
  }
  // hands at 10:10:35, each with a lume fill; pinion cap on top
  const hands: [number, number, number, number, number][] = [
    [-Math.PI / 3, 0.0082, 0.0024, 0.0015, 0.0004],
    [Math.PI / 3, 0.0122, 0.0018, 0.0018, 0.0008],
    [Math.PI * 1.17, 0.0135, 0.0005, 0.003, 0.0012],
  ];
  hands.forEach(([ang, len, w, tail, z]) => {
    m.add('hands', flat(hand(len, w, tail), 0.0002).rotateZ(-ang), { color: '#e4e6ea', metalness: 1, roughness: 0.2 }, { position: front(K.DIAL_H + z) });
    if (w > 0.001) m.add('lume', flat(hand(len * 0.8, w * 0.55, -len * 0.25), 0.00006).rotateZ(-ang), lumeMat, { ...lume, position: front(K.DIAL_H + z + 0.0002) });
  });
  m.add('hands', new THREE.CylinderGeometry(0.0008, 0.0008, 0.0006, 20).rotateX(Math.PI / 2), { color: '#e4e6ea', metalness: 1, roughness: 0.2 }, { position: front(K.DIAL_H + 0.0015) });
  // crystal, magnifier over the date, etched emblem at 6
  m.add('crystal', new THREE.CylinderGeometry(K.CRYSTAL_R, K.CRYSTAL_R, K.CRYSTAL_TOP - 0.009, 96), glass, { ...HEAD, position: front((0.009 + K.CRYSTAL_TOP) / 2) });
  m.add('cyclops', roundedBox(K.CYCLOPS.w, K.CYCLOPS.h, K.CYCLOPS.t * 2, 0.0012, 4).translate(0, 0, 0), { ...glass, opacity: 0.22 }, { position: [K.DATE_X, K.CY + s.cyclopsDy, K.CZ + K.CRYSTAL_TOP] });
  if (s.etch !== 'none') m.add('crystal-etch', decal(0.0012, 0.0012, front(K.CRYSTAL_TOP).map((v, i) => (i === 1 ? v - K.ETCH_R : v)) as [number, number, number], [0, 0, 1]), { color: '#ffffff', map: etchTexture(s.etch), transparent: true, roughness: 0.3 });
}

function addCase(m: ModelBuilder, s: WatchSpec): void {
  m.add('case', lathe([[0.0185, 0], [0.0198, 0.0004], [K.CASE_R, 0.0018], [K.CASE_R, 0.0052], [0.0199, 0.0066], [0.019, 0.0071], [0.016, 0.0071]], 64), steel, HEAD);
  for (const sy of [1, -1]) for (const sx of [1, -1]) {
    const lug = roundedBox(0.0036, 0.0095, 0.0056, 0.0012, 3);
    m.add('case', lug, steel, { position: [sx * 0.01175, K.CY + sy * 0.0195, K.CZ + 0.0036] });
  }
  for (const sy of [1, -1]) m.add('case', roundedBox(0.0018, 0.0062, 0.0042, 0.0007, 2), steel, { position: [0.0205, K.CY + sy * 0.0045, K.CZ + 0.0036] });
  // screw-down crown with a knurled edge and the emblem on its face
  const crown = new THREE.CylinderGeometry(0.0033, 0.0033, 0.0036, 48, 1);
  const cp = crown.getAttribute('position');
  for (let i = 0; i < cp.count; i++) {
    const x = cp.getX(i), z = cp.getZ(i), r = Math.hypot(x, z);
    if (r > 0.003) { const k = (r - (Math.round((Math.atan2(z, x) / Math.PI) * 24) % 2 ? 0.0003 : 0)) / r; cp.setX(i, x * k); cp.setZ(i, z * k); }
  }
  crown.computeVertexNormals();
  m.add('crown', crown.rotateZ(-Math.PI / 2), polished, { position: [0.0232, K.CY, K.CZ + 0.0036] });
  m.add('crown', new THREE.CylinderGeometry(0.0016, 0.0016, 0.003, 20).rotateZ(-Math.PI / 2), polished, { position: [0.0205, K.CY, K.CZ + 0.0036] });
  // unidirectional bezel with coin edge and black insert
  const bezel = lathe([[K.BEZEL_R0 - 0.0004, 0.0071], [0.0204, 0.0071], [0.0207, 0.0078], [0.0207, 0.0089], [0.0201, K.BEZEL_TOP], [K.BEZEL_R1, K.BEZEL_TOP], [K.BEZEL_R0, K.BEZEL_TOP], [K.CRYSTAL_R, 0.0092], [K.CRYSTAL_R, 0.0072]], 120);
  const bp = bezel.getAttribute('position');
  for (let i = 0; i < bp.count; i++) {
    const x = bp.getX(i), z = bp.getZ(i), r = Math.hypot(x, z);
    if (r > 0.0206) { const k = (r - (Math.round((Math.atan2(z, x) / Math.PI) * 60) % 2 ? 0.00035 : 0)) / r; bp.setX(i, x * k); bp.setZ(i, z * k); }
  }
  bezel.computeVertexNormals();
  m.add('bezel', bezel, steel, HEAD);
  m.add('bezel-insert', new THREE.RingGeometry(K.BEZEL_R0, K.BEZEL_R1, 120, 1), { color: '#ffffff', roughness: 0.25, map: bezelTexture() }, { position: front(K.BEZEL_TOP + 0.00005) });
  m.add('lume', new THREE.CylinderGeometry(0.0009, 0.0009, 0.0004, 24).rotateX(Math.PI / 2), lumeMat, { uvGlow: s.lumeGlow, position: [0, K.CY + 0.018, K.CZ + K.BEZEL_TOP + 0.0002] });
  // caseback: solid engraved steel, or the counterfeit's display window
  const d = s.backDepth;
  m.add('caseback', lathe([[0, -d], [0.0155, -d], [0.0172, -d + 0.0006], [0.0188, -0.0003], [0.0188, 0.0001]], 64), steel, HEAD);
  m.add('caseback-engraving', decal(K.BACK_DECAL, K.BACK_DECAL, [0, K.CY, K.CZ - d], [0, 0, -1]), { color: '#ffffff', map: casebackTexture(s), transparent: true, metalness: 1, roughness: 0.5 });
  if (!s.solidBack) {
    const win = new THREE.CircleGeometry(0.0095, 64).rotateY(Math.PI);
    m.add('caseback-window', win, { color: '#ffffff', metalness: 0.6, roughness: 0.15, map: movementTexture() }, { position: [0, K.CY, K.CZ - d - 0.0004] });
  }
}

function addBracelet(m: ModelBuilder): void {
  const L = K.LOOP;
  const phi1 = Math.asin((K.CY + 0.024 - L.cy) / L.ay);
  const at = (phi: number) => new THREE.Vector3(0, L.cy + L.ay * Math.sin(phi), L.az * Math.cos(phi));
  // even arc-length spacing of links around the back of the loop
  const samples: THREE.Vector3[] = [];
  const N = 600;
  for (let i = 0; i <= N; i++) samples.push(at(phi1 + ((2 * Math.PI - 2 * phi1) * i) / N));
  const cum = [0];
  for (let i = 1; i <= N; i++) cum.push(cum[i - 1]! + samples[i]!.distanceTo(samples[i - 1]!));
  const total = cum[N]!;
  const links = Math.round(total / 0.0052);
  const pitch = total / links;
  // the bracelet is shown unclasped: a gap at the back leaves the caseback in view
  const GAP = 0.85;
  let claspDone = false;
  for (let k = 0; k < links; k++) {
    const target = (k + 0.5) * pitch;
    const i = cum.findIndex((c) => c >= target);
    const phi = phi1 + ((2 * Math.PI - 2 * phi1) * i) / N;
    if (Math.abs(phi - Math.PI) < GAP) continue;
    const p = samples[i]!;
    const tan = samples[Math.min(N, i + 1)]!.clone().sub(samples[Math.max(0, i - 1)]!).normalize();
    const nrm = new THREE.Vector3(1, 0, 0).cross(tan).normalize();
    const basis = new THREE.Matrix4().makeBasis(new THREE.Vector3(1, 0, 0), tan, nrm).setPosition(p);
    const put = (name: string, g: THREE.BufferGeometry, mat: MaterialSpec) => m.add(name, g.applyMatrix4(basis), mat);
    if (phi > Math.PI && !claspDone) {
      claspDone = true;
      put('clasp', roundedBox(0.0188, pitch * 1.9, L.t * 1.2, 0.0012, 2).translate(0, -pitch * 0.4, 0), polished);
      continue;
    }
    put('bracelet', roundedBox(0.0064, pitch * 0.94, L.t, 0.0011, 2).translate(0.0068, 0, 0), brushed);
    put('bracelet', roundedBox(0.0064, pitch * 0.94, L.t, 0.0011, 2).translate(-0.0068, 0, 0), brushed);
    put('bracelet-centre', roundedBox(0.0066, pitch * 0.94, L.t * 0.9, 0.0012, 2), polished);
  }
  // end links fitted between the lugs
  for (const sy of [1, -1]) m.add('bracelet', roundedBox(0.0198, 0.004, 0.0034, 0.0012, 2), brushed, { position: [0, K.CY + sy * 0.0222, K.CZ + 0.0035] });
  m.add('bracelet', tube([[-0.0099, K.CY + 0.02, K.CZ + 0.0035], [0.0099, K.CY + 0.02, K.CZ + 0.0035]], 0.0006, 2, 8), polished);
}

export async function buildWatch(s: WatchSpec): Promise<ModelBuilder> {
  const m = new ModelBuilder();
  addCase(m, s);
  addDialSide(m, s);
  addBracelet(m);
  return m;
}
