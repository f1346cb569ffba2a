/** Sonique Pods Pro: earbuds in a charging case with its lid open. One builder; variants are specs. */
import { ModelBuilder, type MaterialSpec } from '../../lib/model';
import { THREE, decal, lathe, roundedSlab } from '../../lib/shapes';
import { toCreasedNormals } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { lidPrint, serialPrint, serialSticker, uvMark } from './textures';

export interface PodsSpec {
  /** Case width (x) and body height (y), metres. */
  width: number;
  bodyHeight: number;
  lidHeight: number;
  wordmark: string;
  fuzzyPrint: boolean;
  serial: string;
  /** Serial on a peel-off paper sticker instead of printed on the plastic. */
  sticker: boolean;
  led: boolean;
  uvMark: boolean;
  port: 'usb-c' | 'micro-usb';
  /** Case plastic fluoresces under UV (optical brightener). */
  plasticGlow?: string;
}

export const GENUINE: PodsSpec = {
  width: 0.062, bodyHeight: 0.0345, lidHeight: 0.0135, wordmark: 'Sonique', fuzzyPrint: false,
  serial: 'SQ-K537-7HT2W-4', sticker: false, led: true, uvMark: true, port: 'usb-c',
};

export const DEPTH = 0.0215;
const INSET = 0.0014; // hinge axis inside the back face
const LID_ANGLE = -1.8; // lid swung open ~107 degrees
const SERIAL_Z = 0.0068; // serial line, lid-local

/** A rounded-rectangle (stadium-ended) plastic shell from y = 0 to h, rounded by rB at the bottom and rT at the top. */
function pebble(w: number, d: number, h: number, rB: number, rT: number): THREE.BufferGeometry {
  const rc = (d / 2) * 0.95;
  const s = new THREE.Shape();
  const x = -w / 2, y = -d / 2;
  s.moveTo(x + rc, y);
  s.lineTo(x + w - rc, y);
  s.absarc(x + w - rc, y + rc, rc, -Math.PI / 2, 0, false);
  s.lineTo(x + w, y + d - rc);
  s.absarc(x + w - rc, y + d - rc, rc, 0, Math.PI / 2, false);
  s.lineTo(x + rc, y + d);
  s.absarc(x + rc, y + d - rc, rc, Math.PI / 2, Math.PI, false);
  s.lineTo(x, y + rc);
  s.absarc(x + rc, y + rc, rc, Math.PI, Math.PI * 1.5, false);
  const g = new THREE.ExtrudeGeometry(s, { depth: h, bevelEnabled: false, steps: 36, curveSegments: 14 });
  g.rotateX(-Math.PI / 2);
  const pos = g.getAttribute('position');
  const inner = new THREE.Vector2(w / 2 - rc, d / 2 - rc);
  for (let i = 0; i < pos.count; i++) {
    const py = pos.getY(i);
    let o = 0;
    if (py < rB) o = rB - Math.sqrt(Math.max(0, rB * rB - (rB - py) ** 2));
    else if (py > h - rT) o = rT - Math.sqrt(Math.max(0, rT * rT - (py - (h - rT)) ** 2));
    if (!o) continue;
    const p = new THREE.Vector2(pos.getX(i), pos.getZ(i));
    const c = new THREE.Vector2(THREE.MathUtils.clamp(p.x, -inner.x, inner.x), THREE.MathUtils.clamp(p.y, -inner.y, inner.y));
    const dir = p.clone().sub(c);
    if (dir.length() < 1e-9) continue;
    p.addScaledVector(dir.normalize(), -o);
    pos.setXYZ(i, p.x, py, p.y);
  }
  g.deleteAttribute('normal');
  return toCreasedNormals(g, Math.PI / 5);
}

function disc(r: number, at: [number, number, number], n: [number, number, number], thick = 0.0002): THREE.BufferGeometry {
  const g = new THREE.CylinderGeometry(r, r, thick, 24);
  g.rotateX(Math.PI / 2);
  g.translate(0, 0, thick / 2);
  g.applyQuaternion(new THREE.Quaternion().setFromUnitVectors(new THREE.Vector3(0, 0, 1), new THREE.Vector3(...n).normalize()));
  g.translate(...at);
  return g;
}

function trapezoid(top: number, bottom: number, h: number, depth: number): THREE.BufferGeometry {
  const s = new THREE.Shape([new THREE.Vector2(-bottom / 2, -h / 2), new THREE.Vector2(bottom / 2, -h / 2), new THREE.Vector2(top / 2, h / 2), new THREE.Vector2(-top / 2, h / 2)]);
  return new THREE.ExtrudeGeometry(s, { depth, bevelEnabled: false });
}

/** Lid-local frame -> model frame (the lid hinges about its back edge). */
export function lidMatrix(spec: PodsSpec): THREE.Matrix4 {
  const pre = new THREE.Matrix4().makeTranslation(0, 0, DEPTH / 2 - INSET);
  const rot = new THREE.Matrix4().makeRotationX(LID_ANGLE);
  const post = new THREE.Matrix4().makeTranslation(0, spec.bodyHeight, -DEPTH / 2 + INSET);
  return post.multiply(rot).multiply(pre);
}

const PLASTIC: MaterialSpec = { color: '#f3f3f0', roughness: 0.3 };
const SILICONE: MaterialSpec = { color: '#e4e4e0', roughness: 0.75 };
const CRADLE: MaterialSpec = { color: '#dcdcd7', roughness: 0.55 };
const METAL: MaterialSpec = { color: '#c9c9c9', metalness: 1, roughness: 0.22 };
const DARK: MaterialSpec = { color: '#151515', roughness: 0.6 };
const GRILLE: MaterialSpec = { color: '#2b2b2b', roughness: 0.9 };

export function build(spec: PodsSpec): ModelBuilder {
  const m = new ModelBuilder();
  const W = spec.width, Hb = spec.bodyHeight, D = DEPTH;
  const glow = spec.plasticGlow ? { uvGlow: spec.plasticGlow } : {};
  m.add('case-body', pebble(W, D, Hb, 0.0068, 0.0006), PLASTIC, glow);

  // Lid, built closed around its own centre, then swung open about the hinge.
  const lidM = lidMatrix(spec);
  const lid = (g: THREE.BufferGeometry) => g.applyMatrix4(lidM);
  const lidGeom = pebble(W, D, spec.lidHeight, 0.0006, 0.0058);
  m.add('case-lid', lid(lidGeom), PLASTIC, glow);
  m.add('lid-print', lid(decal(0.042, 0.0116, [0, 0, -0.0022], [0, -1, 0])), { color: '#ffffff', transparent: true, roughness: 0.4, map: lidPrint(spec.wordmark, spec.fuzzyPrint) });
  if (spec.sticker) {
    const st = roundedSlab(0.024, 0.0052, 0.00022, 0.0007, 0);
    st.rotateX(Math.PI / 2);
    st.translate(0, 0, SERIAL_Z);
    m.add('serial-sticker', lid(st), { color: '#ffffff', roughness: 0.9, map: serialSticker(spec.serial) });
  } else {
    m.add('lid-serial', lid(decal(0.03, 0.00375, [0, 0, SERIAL_Z], [0, -1, 0])), { color: '#ffffff', transparent: true, roughness: 0.4, map: serialPrint(spec.serial) });
  }
  const hinge = new THREE.CylinderGeometry(0.0016, 0.0016, 0.0095, 20);
  hinge.rotateZ(Math.PI / 2);
  m.add('hinge', hinge, METAL, { position: [0, Hb + 0.0002, -D / 2 + INSET - 0.0002] });

  // Cradle insert with the two buds standing in it.
  const insert = pebble(W - 0.0034, D - 0.0034, 0.0003, 0, 0);
  m.add('cradle', insert, CRADLE, { position: [0, Hb - 0.0001, 0] });
  for (const s of [-1, 1]) {
    m.add('cradle', disc(0.0094, [s * 0.0135, Hb + 0.0002, 0.0012], [0, 1, 0], 0.0001), { color: '#b4b4ae', roughness: 0.7 });
    const head = new THREE.SphereGeometry(0.0088, 28, 18);
    head.scale(1, 0.85, 0.95);
    m.add('earbuds', head, PLASTIC, { position: [s * 0.0135, Hb + 0.0012, 0.0012] });
    const tipDir = new THREE.Vector3(-s * 0.7, 0.3, -0.65).normalize();
    const tip = lathe([[0, 0.0062], [0.0028, 0.0059], [0.005, 0.0047], [0.0061, 0.0025], [0.0058, 0.0]], 28);
    tip.applyQuaternion(new THREE.Quaternion().setFromUnitVectors(new THREE.Vector3(0, 1, 0), tipDir));
    const c = new THREE.Vector3(s * 0.0135, Hb + 0.0012, 0.0012).addScaledVector(tipDir, 0.0042);
    m.add('ear-tips', tip, SILICONE, { position: [c.x, c.y, c.z] });
    const gd = new THREE.Vector3(s * 0.75, 0.45, 0.5).normalize();
    const k = 1 / Math.sqrt((gd.x / 0.0088) ** 2 + (gd.y / (0.0088 * 0.85)) ** 2 + (gd.z / (0.0088 * 0.95)) ** 2);
    const gp = gd.clone().multiplyScalar(k).add(new THREE.Vector3(s * 0.0135, Hb + 0.0012, 0.0012));
    const gn = new THREE.Vector3(gd.x / 0.0088 ** 2, gd.y / (0.0088 * 0.85) ** 2, gd.z / (0.0088 * 0.95) ** 2).normalize();
    m.add('bud-grilles', disc(0.0016, [gp.x, gp.y, gp.z], [gn.x, gn.y, gn.z], 0.0003), GRILLE);
  }
  if (spec.uvMark) {
    m.add('uv-mark', decal(0.0052, 0.0052, [0, Hb + 0.0002, 0.0062], [0, 1, 0]), { color: '#ffffff', transparent: true, map: uvMark() }, { uvOnly: true, uvGlow: '#7dffb0' });
  }

  // Front status light, back port and setup button.
  if (spec.led) m.add('status-led', disc(0.0011, [0, 0.022, D / 2 - 0.0001], [0, 0, 1], 0.0003), { color: '#46d673', roughness: 0.15 });
  m.add('setup-button', disc(0.0021, [0, 0.019, -D / 2 - 0.0001], [0, 0, -1], 0.0003), { color: '#e6e6e2', roughness: 0.4 });
  const portY = 0.0078;
  if (spec.port === 'usb-c') {
    const rim = roundedSlab(0.0089, 0.0032, 0.0002, 0.0016, 0);
    const hole = roundedSlab(0.0079, 0.0023, 0.0002, 0.00115, 0);
    const tongue = roundedSlab(0.0054, 0.0007, 0.0002, 0.0003, 0);
    m.add('port', rim, METAL, { position: [0, portY, -D / 2 + 0.0001], rotation: [0, Math.PI, 0] });
    m.add('port-opening', hole, DARK, { position: [0, portY, -D / 2 - 0.00005], rotation: [0, Math.PI, 0] });
    m.add('port-tongue', tongue, { color: '#9a9a96', roughness: 0.5 }, { position: [0, portY, -D / 2 - 0.0002], rotation: [0, Math.PI, 0] });
  } else {
    m.add('port', trapezoid(0.0078, 0.0062, 0.0029, 0.0002), METAL, { position: [0, portY, -D / 2 + 0.0001], rotation: [0, Math.PI, 0] });
    m.add('port-opening', trapezoid(0.0069, 0.0054, 0.0019, 0.0002), DARK, { position: [0, portY, -D / 2 - 0.00005], rotation: [0, Math.PI, 0] });
  }
  return m;
}

export interface Anchor { node: string; origin: THREE.Vector3; dir: THREE.Vector3 }

/** Ray starts for the tell points: each ray hits the named node at the tell. */
export function anchors(spec: PodsSpec): Record<string, Anchor> {
  const lidM = lidMatrix(spec);
  const lidRay = (node: string, z: number, x = 0): Anchor => {
    const o = new THREE.Vector3(x, -0.01, z).applyMatrix4(lidM);
    const t = new THREE.Vector3(x, 0, z).applyMatrix4(lidM);
    return { node, origin: o, dir: t.sub(o).normalize() };
  };
  const D = DEPTH;
  const ray = (node: string, o: [number, number, number], d: [number, number, number]): Anchor => ({ node, origin: new THREE.Vector3(...o), dir: new THREE.Vector3(...d).normalize() });
  return {
    wordmark: lidRay('lid-print', 0.0002),
    serial: lidRay(spec.sticker ? 'serial-sticker' : 'lid-serial', SERIAL_Z),
    uvMark: ray(spec.uvMark ? 'uv-mark' : 'cradle', [0, spec.bodyHeight + 0.01, 0.0062], [0, -1, 0]),
    port: ray('port-opening', [0, 0.0078, -D], [0, 0, 1]),
    led: ray(spec.led ? 'status-led' : 'case-body', [0, 0.022, D], [0, 0, -1]),
    front: ray('case-body', [0, spec.bodyHeight / 2, D], [0, 0, -1]),
    side: ray('case-body', [spec.width, spec.bodyHeight / 2, 0], [-1, 0, 0]),
  };
}
