/**
 * Cardiolex 10 mg (Meridia Pharma, fictional): a tablet carton standing on its long edge with one
 * foil blister strip leaning beside it. One builder; the counterfeits are specs that differ only
 * where their tells are. `anchors` gives the tell points, computed from the same constants.
 */
import { ModelBuilder, type MaterialSpec } from '../../lib/model';
import { THREE, decal, lathe, roundedSlab, planarUV } from '../../lib/shapes';
import * as tex from './textures';

export interface PackSpec {
  seed: number;
  /** Carton width along X, metres (genuine 96 mm). */
  cartonW: number;
  tamperSeal: boolean;
  code: '2d' | 'linear';
  serialLines: string[];
  strengthBold: boolean;
  /** Board fluorescence under UV (optical brightener), or none. */
  boardGlow?: string;
  /** Covert UV emblem colour, or null when absent. */
  uvMark: string | null;
  foilLot: string;
  foilRoughness: number;
  foilColor: string;
  tabletDia: number;
}

export interface Anchor {
  position: [number, number, number];
  normal: [number, number, number];
  node: string;
}

export const H = 0.058, D = 0.032, CARTON_X0 = 0.004;
const CARD_W = 0.09, CARD_H = 0.044, FOIL_T = 0.0004, BEVEL = 0.0001;
const LEAN = -0.2; // blister leans back (radians about X)
const BLISTER_POS: [number, number, number] = [-0.052, 0.0225, -0.003];
const COLS = [-0.032, -0.016, 0, 0.016, 0.032], ROWS = [0.01, -0.01];
const SEAL_Y = 0.029, SEAL_H = 0.018, SEAL_W = 0.008;

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const pt = (p: THREE.Vector3 | number[], n: THREE.Vector3 | number[], node: string): Anchor => {
  const a = Array.isArray(p) ? p : p.toArray();
  const b = Array.isArray(n) ? n : n.toArray();
  return { position: a.map(r6) as Anchor['position'], normal: b.map(r6) as Anchor['normal'], node };
};

/** A plane whose UVs cover the atlas rect [x0, y0, x1, y1] (pixels of a 1024 canvas). */
function atlasPlane(w: number, h: number, rect: readonly number[]): THREE.BufferGeometry {
  const g = new THREE.PlaneGeometry(w, h);
  const uv = g.getAttribute('uv');
  const [x0, y0, x1, y1] = rect as [number, number, number, number];
  for (let i = 0; i < uv.count; i++) {
    uv.setXY(i, (x0 + uv.getX(i) * (x1 - x0)) / 1024, 1 - (y1 - uv.getY(i) * (y1 - y0)) / 1024);
  }
  return g;
}

function carton(W: number): THREE.BufferGeometry[] {
  const A = tex.ATLAS;
  const faces: THREE.BufferGeometry[] = [];
  const f = atlasPlane(W, H, A.front);
  f.translate(0, 0, D / 2);
  const b = atlasPlane(W, H, A.back);
  b.rotateY(Math.PI);
  b.translate(0, 0, -D / 2);
  const t = atlasPlane(W, D, A.top);
  t.rotateX(-Math.PI / 2);
  t.translate(0, H / 2, 0);
  const u = atlasPlane(W, D, A.bottom);
  u.rotateX(Math.PI / 2);
  u.translate(0, -H / 2, 0);
  const r = atlasPlane(D, H, A.end);
  r.rotateY(Math.PI / 2);
  r.translate(W / 2, 0, 0);
  const l = atlasPlane(D, H, A.end);
  l.rotateY(-Math.PI / 2);
  l.translate(-W / 2, 0, 0);
  faces.push(f, b, t, u, r, l);
  for (const g of faces) g.translate(CARTON_X0 + W / 2, H / 2, 0);
  return faces;
}

export function build(spec: PackSpec): { model: ModelBuilder; anchors: Record<string, Anchor> } {
  const m = new ModelBuilder();
  const W = spec.cartonW, cx = CARTON_X0 + W / 2;
  const anchors: Record<string, Anchor> = {};
  const front = (fx: number, fy: number): [number, number, number] => [cx - W / 2 + fx * W, H - fy * H, D / 2];

  // Carton board
  const board: MaterialSpec = { color: '#ffffff', roughness: 0.55, map: tex.cartonAtlas({ strengthBold: spec.strengthBold, seed: spec.seed }) };
  for (const g of carton(W)) m.add('carton', g, board, spec.boardGlow ? { uvGlow: spec.boardGlow } : {});
  anchors.strength = pt(front(tex.STRENGTH_BOX.fx, tex.STRENGTH_BOX.fy), [0, 0, 1], 'carton');
  anchors.cartonTop = pt([cx - W * 0.25, H, 0], [0, 1, 0], 'carton');
  anchors.cartonEnd = pt([cx + W / 2, 0.046, -0.008], [1, 0, 0], 'carton');
  anchors.sealSpot = pt([cx + W / 2 - SEAL_W / 2, SEAL_Y, D / 2], [0, 0, 1], 'carton');

  // Serialisation block on the top face (right half)
  const sbW = 0.044, sbD = 0.026, sbX = cx + W / 2 - 0.004 - sbW / 2;
  const serialMat: MaterialSpec = { color: '#ffffff', roughness: 0.6, map: tex.serialBlock({ code: spec.code, lines: spec.serialLines, seed: spec.seed + 3 }) };
  m.add('serial-block', decal(sbW, sbD, [sbX, H, 0], [0, 1, 0]), serialMat);
  anchors.serial = pt([sbX, H + 0.0003, 0], [0, 1, 0], 'serial-block');
  // second text line (SN) in texture px: x 250..500 of 512, y 124 of 304 -> plane coords
  anchors.serialSn = pt([sbX - sbW / 2 + (370 / 512) * sbW, H + 0.0003, -sbD / 2 + (124 / 304) * sbD], [0, 1, 0], 'serial-block');

  // Tamper-evident seal over the right tuck flap
  if (spec.tamperSeal) {
    const sealMat: MaterialSpec = { color: '#ffffff', roughness: 0.35, map: tex.sealTexture(), transparent: true };
    m.add('tamper-seal', decal(SEAL_W, SEAL_H, [cx + W / 2 - SEAL_W / 2, SEAL_Y, D / 2], [0, 0, 1]), sealMat);
    m.add('tamper-seal', decal(SEAL_W, SEAL_H, [cx + W / 2, SEAL_Y, D / 2 - SEAL_W / 2], [1, 0, 0]), sealMat);
    anchors.seal = pt([cx + W / 2 - SEAL_W / 2, SEAL_Y, D / 2 + 0.0003], [0, 0, 1], 'tamper-seal');
  }

  // Colour-shift patch (genuine: metallic optically variable foil)
  const pFx = 0.845, pFy = 0.3, pS = 0.012;
  const patchMat: MaterialSpec = { color: '#ffffff', metalness: 1, roughness: 0.22, map: tex.patchTexture() };
  m.add('colour-patch', decal(pS, pS, front(pFx, pFy), [0, 0, 1]), patchMat);

  // Covert UV emblem, invisible in daylight
  const uvAt = front(0.44, 0.6);
  if (spec.uvMark) {
    m.add('uv-mark', decal(0.014, 0.014, uvAt, [0, 0, 1]), { color: '#ffffff', map: tex.uvMarkTexture(), transparent: true }, { uvOnly: true, uvGlow: spec.uvMark });
    anchors.uvMark = pt([uvAt[0], uvAt[1], uvAt[2] + 0.0003], [0, 0, 1], 'uv-mark');
  }
  anchors.uvSpot = pt(uvAt, [0, 0, 1], 'carton');

  // Blister strip: foil card, PVC pockets, tablets, print on the foil back; all in card space then leaned.
  const blister = { position: BLISTER_POS, rotation: [LEAN, 0, 0] as [number, number, number] };
  const mtx = new THREE.Matrix4().compose(new THREE.Vector3(...BLISTER_POS), new THREE.Quaternion().setFromEuler(new THREE.Euler(LEAN, 0, 0)), new THREE.Vector3(1, 1, 1));
  const nrm = (v: [number, number, number]) => new THREE.Vector3(...v).transformDirection(mtx);
  const at = (v: [number, number, number]) => new THREE.Vector3(...v).applyMatrix4(mtx);

  const foil = roundedSlab(CARD_W, CARD_H, FOIL_T, 0.004, BEVEL);
  m.add('blister-foil', foil, { color: spec.foilColor, metalness: 0.9, roughness: spec.foilRoughness }, blister);
  anchors.foilFront = pt(at([0.038, 0, FOIL_T + BEVEL]), nrm([0, 0, 1]), 'blister-foil');
  const printMat: MaterialSpec = { color: '#ffffff', roughness: 0.5, map: tex.foilPrint({ lot: spec.foilLot, exp: '2027-11' }), transparent: true };
  m.add('foil-print', decal(CARD_W - 0.002, CARD_H - 0.002, [0, 0, -BEVEL], [0, 0, -1]), printMat, blister);
  // lot line: texture x 170..470 of 512 (centre ~320), y 234 of 256; seen from behind, x is mirrored
  const lotX = -(-(CARD_W - 0.002) / 2 + (340 / 512) * (CARD_W - 0.002));
  const lotY = (CARD_H - 0.002) / 2 - (234 / 256) * (CARD_H - 0.002);
  anchors.foilLot = pt(at([lotX, lotY, -BEVEL - 0.0003]), nrm([0, 0, -1]), 'foil-print');

  const R = spec.tabletDia / 2, rp = R + 0.001, base = FOIL_T + BEVEL;
  const dome = lathe([[rp + 0.0009, 0], [rp, 0.0004], [rp * 0.97, 0.0032], [rp * 0.82, 0.0042], [rp * 0.45, 0.0047], [0, 0.0048]], 28);
  dome.rotateX(Math.PI / 2);
  const tablet = lathe([[0, -0.0017], [R * 0.55, -0.00155], [R * 0.9, -0.0011], [R, -0.0006], [R, 0.0006], [R * 0.9, 0.0011], [R * 0.55, 0.00155], [0, 0.0017]], 24);
  tablet.rotateX(Math.PI / 2);
  planarUV(tablet, 2 * R, 2 * R);
  const pvc: MaterialSpec = { color: '#eef4f8', roughness: 0.08, opacity: 0.35, doubleSided: true };
  const pill: MaterialSpec = { color: '#ffffff', roughness: 0.45, map: tex.tabletTexture(true) };
  for (const y of ROWS)
    for (const x of COLS) {
      m.add('blister-pockets', dome.clone().translate(x, y, base), pvc, blister);
      m.add('tablets', tablet.clone().translate(x, y, base + 0.0019), pill, blister);
    }
  anchors.tablet = pt(at([COLS[2]!, ROWS[0]!, base + 0.0019 + 0.0017]), nrm([0, 0, 1]), 'tablets');
  return { model: m, anchors };
}
