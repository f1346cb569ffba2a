/**
 * Maison Aurèle No. 7 eau de parfum (fictional): a chamfered glass block bottle with liquid, dip
 * tube, gold crimp collar and spray button; its faceted metal cap stands beside it. One builder;
 * the counterfeits are specs that differ only where their tells are.
 */
import { ModelBuilder, type MaterialSpec } from '../../lib/model';
import { THREE, decal, lathe } from '../../lib/shapes';
import * as tex from './textures';

export interface BottleSpec {
  seed: number;
  wordmark: string;
  origin: string;
  /** Thickness of the glass base, metres (genuine 10 mm). */
  baseT: number;
  batchCode: string;
  codeOnSticker: boolean;
  capH: number;
  capPlating: 'solid' | 'patchy';
  capEngraved: boolean;
  actuator: 'metal' | 'plastic';
  /** Covert UV monogram on the label, or null. */
  uvMark: string | null;
  /** Label paper fluorescence (optical brightener), or none. */
  labelGlow?: string;
}

export interface Anchor {
  position: [number, number, number];
  normal: [number, number, number];
  node: string;
}

export const BX = -0.012, CAPX = 0.046;
export const BW = 0.054, BD = 0.032, BH = 0.068;
const CH = 0.005, BS = 0.0025, BT = 0.003, WALL = 0.004;
const LW = 0.036, LH = 0.031, LY = 0.037;
const COLLAR_TOP = BH + 0.011, ACT_TOP = BH + 0.0225, ACT_R = 0.0068;

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const pt = (p: number[], n: number[], node: string): Anchor => ({
  position: p.map(r6) as Anchor['position'],
  normal: n.map(r6) as Anchor['normal'],
  node,
});

/** A chamfered rectangle (octagon) in XY. */
function chamfered(w: number, d: number, c: number): THREE.Shape {
  const s = new THREE.Shape();
  const x = w / 2, y = d / 2;
  s.moveTo(-x + c, -y);
  s.lineTo(x - c, -y);
  s.lineTo(x, -y + c);
  s.lineTo(x, y - c);
  s.lineTo(x - c, y);
  s.lineTo(-x + c, y);
  s.lineTo(-x, y - c);
  s.lineTo(-x, -y + c);
  s.closePath();
  return s;
}

/** A vertical prism of the chamfered outline from y0 to y1; optional rounded (bevelled) edges. */
function block(w: number, d: number, c: number, y0: number, y1: number, bevel: number, bevelT: number): THREE.BufferGeometry {
  const g = new THREE.ExtrudeGeometry(chamfered(w - 2 * bevel, d - 2 * bevel, c), {
    depth: y1 - y0 - 2 * bevelT,
    bevelEnabled: bevel > 0,
    bevelSize: bevel,
    bevelThickness: bevelT,
    bevelSegments: 4,
  });
  g.rotateX(-Math.PI / 2);
  g.translate(0, y0 + bevelT, 0);
  return g;
}

/** Faceted (eight flat sides) solid of revolution, one flat side facing +Z. */
function faceted(profile: [number, number][]): THREE.BufferGeometry {
  const g = lathe(profile, 8).toNonIndexed();
  g.rotateY(Math.PI / 8);
  g.computeVertexNormals();
  return g;
}

export function build(spec: BottleSpec): { model: ModelBuilder; anchors: Record<string, Anchor> } {
  const m = new ModelBuilder();
  const anchors: Record<string, Anchor> = {};
  const at = (p: [number, number, number]) => ({ position: [BX + p[0], p[1], p[2]] as [number, number, number] });

  // Glass: chamfered block with rounded top/bottom edges, plus a short round neck.
  const glass: MaterialSpec = { color: '#eef6f6', roughness: 0.04, opacity: 0.3, doubleSided: true };
  m.add('glass', block(BW, BD, CH, 0, BH, BS, BT), glass, at([0, 0, 0]));
  m.add('glass', lathe([[0.0085, BH - 0.001], [0.0078, BH + 0.002], [0.0078, BH + 0.004], [0, BH + 0.004]], 32), glass, at([0, 0, 0]));
  anchors.glassFront = pt([BX, 0.007, BD / 2], [0, 0, 1], 'glass');

  // Liquid: inner prism from the top of the base glass to the fill line.
  const liquid: MaterialSpec = { color: '#f0c46a', roughness: 0.1, opacity: 0.72 };
  m.add('liquid', block(BW - 2 * WALL, BD - 2 * WALL, CH * 0.6, spec.baseT, BH - 0.009, 0.001, 0.001), liquid, at([0, 0, 0]));
  m.add('dip-tube', new THREE.CylinderGeometry(0.0011, 0.0011, BH + 0.008 - spec.baseT - 0.001, 10, 1, true), { color: '#f4f4f0', roughness: 0.3, opacity: 0.6 }, at([0, (BH + 0.008 + spec.baseT + 0.001) / 2, 0]));

  // Crimp collar (gold) and spray button.
  const gold: MaterialSpec = { color: '#f0d48c', metalness: 1, roughness: 0.22 };
  const collar = lathe([[0.0079, BH + 0.0005], [0.0095, BH + 0.001], [0.0097, BH + 0.006], [0.0093, BH + 0.0095], [0.0075, COLLAR_TOP], [0.0028, COLLAR_TOP], [0.0024, BH + 0.0125], [0, BH + 0.0125]], 40);
  m.add('collar', collar, gold, at([0, 0, 0]));
  const act: MaterialSpec = spec.actuator === 'metal' ? gold : { color: '#f2f0ea', roughness: 0.45 };
  const button = lathe([[0.0024, BH + 0.0125], [ACT_R, BH + 0.013], [ACT_R, ACT_TOP - 0.0012], [ACT_R - 0.0008, ACT_TOP - 0.0002], [ACT_R - 0.0016, ACT_TOP], [0, ACT_TOP]], 40);
  m.add('actuator', button, act, at([0, 0, 0]));
  anchors.actuatorTop = pt([BX, ACT_TOP, 0], [0, 1, 0], 'actuator');
  const nozzle = new THREE.CylinderGeometry(0.0009, 0.0009, 0.0006, 16);
  nozzle.rotateX(Math.PI / 2);
  m.add('nozzle', nozzle, { color: '#1a1714', roughness: 0.7 }, at([0, ACT_TOP - 0.0045, ACT_R + 0.0001]));
  if (spec.actuator === 'metal') {
    m.add('actuator-mark', decal(0.0095, 0.0095, [BX, ACT_TOP, 0], [0, 1, 0]), { color: '#ffffff', metalness: 1, roughness: 0.4, map: tex.monogramTexture(), transparent: true });
  }

  // Front label and covert UV monogram.
  const lab = (fx: number, fy: number, lift = 0): [number, number, number] => [BX - LW / 2 + fx * LW, LY + LH / 2 - fy * LH, BD / 2 + lift];
  const labelMat: MaterialSpec = { color: '#ffffff', roughness: 0.7, map: tex.labelTexture({ wordmark: spec.wordmark, origin: spec.origin, seed: spec.seed }) };
  m.add('label', decal(LW, LH, [BX, LY, BD / 2], [0, 0, 1]), labelMat, spec.labelGlow ? { uvGlow: spec.labelGlow } : {});
  anchors.wordmark = pt(lab(0.5, tex.LABEL.wordmark, 0.0003), [0, 0, 1], 'label');
  anchors.origin = pt(lab(0.5, tex.LABEL.origin, 0.0003), [0, 0, 1], 'label');
  anchors.labelCentre = pt(lab(0.5, 0.5, 0.0003), [0, 0, 1], 'label');
  const uvAt = lab(tex.LABEL.uvMark.fx, tex.LABEL.uvMark.fy, 0.0003);
  anchors.uvSpot = pt(uvAt, [0, 0, 1], 'label');
  if (spec.uvMark) {
    m.add('uv-mark', decal(0.008, 0.008, uvAt, [0, 0, 1]), { color: '#ffffff', map: tex.uvMarkTexture(), transparent: true }, { uvOnly: true, uvGlow: spec.uvMark });
    anchors.uvMark = pt([uvAt[0], uvAt[1], uvAt[2] + 0.0003], [0, 0, 1], 'uv-mark');
  }

  // Batch code under the base: etched into the glass, or a paper sticker.
  const cw = spec.codeOnSticker ? 0.026 : 0.024, chh = spec.codeOnSticker ? 0.01 : 0.008;
  const code = tex.baseCodeTexture({ code: spec.batchCode, sticker: spec.codeOnSticker });
  const codeMat: MaterialSpec = spec.codeOnSticker
    ? { color: '#ffffff', roughness: 0.8, map: code }
    : { color: '#ffffff', roughness: 0.9, map: code, transparent: true, doubleSided: true };
  m.add('base-code', decal(cw, chh, [BX, 0, 0], [0, -1, 0]), codeMat);
  if (spec.codeOnSticker) {
    // the sticker's plain paper back, seen through the glass from above
    const back = decal(cw, chh, [BX, -0.0001, 0], [0, 1, 0]);
    const uv = back.getAttribute('uv');
    for (let i = 0; i < uv.count; i++) uv.setXY(i, 0.02, 0.04);
    m.add('base-code', back, codeMat);
  }
  anchors.baseCode = pt([BX, -0.0003, 0], [0, -1, 0], 'base-code');

  // Cap standing beside the bottle.
  const capMat: MaterialSpec =
    spec.capPlating === 'solid' ? gold : { color: '#ffffff', metalness: 0.55, roughness: 0.45, map: tex.patchyPlating() };
  const h = spec.capH, cr = 0.0135;
  m.add('cap', faceted([[0, 0], [cr - 0.001, 0], [cr, 0.0012], [cr, h - 0.0025], [cr - 0.002, h], [0, h]]), capMat, { position: [CAPX, 0, 0] });
  if (spec.capEngraved) {
    m.add('cap-mark', decal(0.016, 0.016, [CAPX, h, 0], [0, 1, 0]), { color: '#ffffff', metalness: 1, roughness: 0.4, map: tex.monogramTexture(), transparent: true });
  }
  anchors.capTop = pt([CAPX, h, 0], [0, 1, 0], 'cap');
  // front facet of the cap at mid-height (apothem of the octagon)
  anchors.capSide = pt([CAPX, h / 2, cr * Math.cos(Math.PI / 8)], [0, 0, 1], 'cap');
  return { model: m, anchors };
}
