/** Bramble Bear: a sitting plush teddy with law label, ear button, embroidered nose, safety eyes. */
import { ModelBuilder, type MaterialSpec } from '../../lib/model';
import { THREE, decal, lathe, roundedSlab, stitchRow, tube } from '../../lib/shapes';
import { buttonEmblem, fur, lawLabel, LABEL_MM, PX, type LabelSpec } from './textures';

export interface BearSpec {
  label: LabelSpec;
  uvThread: boolean;
  /** Label fabric fluoresces under UV. */
  labelGlow?: string;
  /** Foot-pad seam stitches per metre and their irregularity. */
  padStitches: number;
  padJitter: number;
  nose: 'embroidered' | 'plastic';
  /** Safety-eye radius, metres; glued eyes sit proud with a glue ring. */
  eyeRadius: number;
  gluedEyes: boolean;
  button: 'brass' | 'plain';
}

export const GENUINE: BearSpec = {
  label: { wordmark: 'BRAMBLEWORTH', traceable: true, markMm: 7, markAspect: 1 },
  uvThread: true, padStitches: 470, padJitter: 0, nose: 'embroidered', eyeRadius: 0.006, gluedEyes: false, button: 'brass',
};

type V3 = [number, number, number];
export const BODY = { c: [0, 0.092, -0.005] as V3, r: [0.072, 0.088, 0.064] as V3 };
export const HEAD = { c: [0, 0.212, 0.004] as V3, r: 0.062 };
export const MUZZLE = { c: [0, 0.197, 0.05] as V3, r: [0.03, 0.023, 0.03] as V3 };
export const EAR = { c: [0.046, 0.256, -0.004] as V3, r: [0.026, 0.0234, 0.0099] as V3 };
export const BUTTON_AT = [0.011, -0.009] as const; // ear-local x, y of the ear button
export const LABEL = { c: [0.093, 0.1205, -0.022] as V3, w: LABEL_MM.w / 1000, h: LABEL_MM.h / 1000, t: 0.0006 };
export const PAD = { x: 0.045, y: 0.034, z: 0.0772, r: 0.026 };
const EYE_DIR = new THREE.Vector3(0.36, 0.33, 0.87).normalize();

/** Point and normal on an axis-aligned ellipsoid's front (+z) side above (x, y). */
export function onEllipsoid(c: V3, r: V3, x: number, y: number): { p: V3; n: V3 } {
  const dx = (x - c[0]) / r[0], dy = (y - c[1]) / r[1];
  const z = c[2] + r[2] * Math.sqrt(Math.max(0, 1 - dx * dx - dy * dy));
  const n = new THREE.Vector3((x - c[0]) / r[0] ** 2, (y - c[1]) / r[1] ** 2, (z - c[2]) / r[2] ** 2).normalize();
  return { p: [x, y, z], n: [n.x, n.y, n.z] };
}

/** Label texture millimetres (from its top-left) -> model position on the label's front face. */
export function labelPoint(uMm: number, vMm: number): V3 {
  return [LABEL.c[0] - LABEL.w / 2 + uMm / 1000, LABEL.c[1] + LABEL.h / 2 - vMm / 1000, LABEL.c[2] + LABEL.t];
}

function ellipsoid(c: V3, r: V3, ws = 40, hs = 28): THREE.BufferGeometry {
  const g = new THREE.SphereGeometry(1, ws, hs);
  g.scale(...r);
  g.translate(...c);
  return g;
}

function capsule(a: V3, b: V3, r: number): THREE.BufferGeometry {
  const va = new THREE.Vector3(...a), vb = new THREE.Vector3(...b);
  const g = new THREE.CapsuleGeometry(r, va.distanceTo(vb), 10, 24);
  g.applyQuaternion(new THREE.Quaternion().setFromUnitVectors(new THREE.Vector3(0, 1, 0), vb.clone().sub(va).normalize()));
  const m = va.add(vb).multiplyScalar(0.5);
  g.translate(m.x, m.y, m.z);
  return g;
}

function oriented(g: THREE.BufferGeometry, n: THREE.Vector3, at: THREE.Vector3): THREE.BufferGeometry {
  g.applyQuaternion(new THREE.Quaternion().setFromUnitVectors(new THREE.Vector3(0, 0, 1), n));
  g.translate(at.x, at.y, at.z);
  return g;
}

export function eyeCentre(side: number): { at: THREE.Vector3; n: THREE.Vector3 } {
  const n = EYE_DIR.clone().setX(EYE_DIR.x * side);
  return { at: new THREE.Vector3(...HEAD.c).addScaledVector(n, HEAD.r), n };
}

export function build(spec: BearSpec): ModelBuilder {
  const m = new ModelBuilder();
  const FUR: MaterialSpec = { color: '#ffffff', roughness: 1, map: fur('#8a5a33') };
  const LIGHT: MaterialSpec = { color: '#ffffff', roughness: 1, map: fur('#c39a68', 8) };
  const THREAD: MaterialSpec = { color: '#2a1810', roughness: 0.5 };

  m.add('fur', ellipsoid(BODY.c, BODY.r), FUR);
  m.add('fur', ellipsoid(HEAD.c, [HEAD.r, HEAD.r, HEAD.r]), FUR);
  for (const s of [-1, 1]) {
    m.add('fur', capsule([s * 0.062, 0.15, 0.012], [s * 0.07, 0.085, 0.066], 0.021), FUR);
    const leg = lathe([[0, 0], [0.02, 0.004], [0.03, 0.014], [0.033, 0.03], [0.033, 0.074], [0.031, 0.088], [0.027, 0.092], [0, 0.0922]], 32);
    leg.rotateX(Math.PI / 2);
    m.add('fur', leg, FUR, { position: [s * PAD.x, PAD.y, PAD.z - 0.0922] });
    m.add('fur', ellipsoid([s * EAR.c[0], EAR.c[1], EAR.c[2]], EAR.r, 24, 16), FUR);
    m.add('light-fur', ellipsoid([s * (EAR.c[0] - 0.003), EAR.c[1] + 0.002, EAR.c[2] + 0.0035], [0.015, 0.014, 0.007], 20, 14), LIGHT);
    // Foot pads and the seam around them.
    m.add('foot-pads', new THREE.CircleGeometry(PAD.r, 40), { color: '#d8c29b', roughness: 1 }, { position: [s * PAD.x, PAD.y, PAD.z + 0.0002] });
    const ring: V3[] = [];
    for (let i = 0; i <= 48; i++) {
      const a = (i / 48) * Math.PI * 2;
      ring.push([s * PAD.x + Math.cos(a) * (PAD.r - 0.0012), PAD.y + Math.sin(a) * (PAD.r - 0.0012), PAD.z + 0.0003]);
    }
    m.add('foot-stitching', stitchRow(ring, { perMetre: spec.padStitches, jitter: spec.padJitter, width: 0.0011, seed: 5 + s }), { color: '#5a3a22', roughness: 0.8 });
    // Safety eyes, locked through the fabric; glued counterfeit eyes sit proud on a glue ring.
    const { at, n } = eyeCentre(s);
    const eye = new THREE.SphereGeometry(spec.eyeRadius, 24, 16);
    eye.scale(1, 1, 0.62);
    m.add('eyes', oriented(eye, n, at.clone().addScaledVector(n, spec.gluedEyes ? 0.0016 : 0)), { color: '#0b0806', roughness: 0.06 });
    if (spec.gluedEyes) {
      const glue = new THREE.TorusGeometry(spec.eyeRadius + 0.0006, 0.0009, 8, 28);
      m.add('glue', oriented(glue, n, at.clone().addScaledVector(n, 0.0004)), { color: '#e8dca0', roughness: 0.15, opacity: 0.8 });
    }
  }
  m.add('light-fur', ellipsoid(MUZZLE.c, MUZZLE.r, 32, 22), LIGHT);

  // Nose: satin-stitched embroidery, or a moulded plastic nose on the counterfeit.
  if (spec.nose === 'embroidered') {
    for (let x = -0.011; x <= 0.0111; x += 0.0011) {
      const yb = 0.195 + Math.abs(x) * 1.1, yt = 0.209 - (x / 0.011) ** 2 * 0.0015;
      const pts: V3[] = [0, 0.33, 0.66, 1].map((t) => {
        const { p, n } = onEllipsoid(MUZZLE.c, MUZZLE.r, x, yb + (yt - yb) * t);
        return [p[0] + n[0] * 0.0007, p[1] + n[1] * 0.0007, p[2] + n[2] * 0.0007];
      });
      m.add('nose', tube(pts, 0.00075, 6, 5), THREAD);
    }
  } else {
    const sh = new THREE.Shape([new THREE.Vector2(-0.011, 0.007), new THREE.Vector2(0.011, 0.007), new THREE.Vector2(0, -0.007)]);
    const g = new THREE.ExtrudeGeometry(sh, { depth: 0.0035, bevelEnabled: true, bevelSize: 0.0018, bevelThickness: 0.0015, bevelSegments: 4 });
    m.add('nose', g, { color: '#050505', roughness: 0.08 }, { position: [0, 0.202, onEllipsoid(MUZZLE.c, MUZZLE.r, 0, 0.202).p[2] - 0.003] });
  }
  const mouth = (pts: [number, number][]) => tube(pts.map(([x, y]) => {
    const { p, n } = onEllipsoid(MUZZLE.c, MUZZLE.r, x, y);
    return [p[0] + n[0] * 0.0005, p[1] + n[1] * 0.0005, p[2] + n[2] * 0.0005] as V3;
  }), 0.0006, 12, 5);
  m.add('mouth', mouth([[0, 0.195], [0, 0.189], [0, 0.185]]), THREAD);
  for (const s of [-1, 1]) m.add('mouth', mouth([[0, 0.185], [s * 0.004, 0.1825], [s * 0.008, 0.1838], [s * 0.0105, 0.1865]]), THREAD);

  // Brand button in the left ear (+x).
  const bp = onEllipsoid(EAR.c, EAR.r, EAR.c[0] + BUTTON_AT[0], EAR.c[1] + BUTTON_AT[1]);
  const bn = new THREE.Vector3(...bp.n), bAt = new THREE.Vector3(...bp.p);
  const btn = new THREE.CylinderGeometry(0.0045, 0.0045, 0.0016, 28);
  btn.rotateX(Math.PI / 2);
  btn.translate(0, 0, 0.0004);
  const brass = spec.button === 'brass';
  m.add('ear-button', oriented(btn, bn, bAt), brass ? { color: '#c39a45', metalness: 1, roughness: 0.3 } : { color: '#cfd0d2', metalness: 1, roughness: 0.45 });
  if (brass) m.add('ear-button-mark', decal(0.0086, 0.0086, bAt.clone().addScaledVector(bn, 0.0012).toArray() as V3, [bn.x, bn.y, bn.z]), { color: '#ffffff', transparent: true, metalness: 1, roughness: 0.4, map: buttonEmblem() });

  // Law label sewn into the left side seam, standing out like a flag.
  const label = roundedSlab(LABEL.w, LABEL.h, LABEL.t, 0.0012, 0);
  m.add('law-label', label, { color: '#ffffff', roughness: 0.7, map: lawLabel(spec.label) }, { position: [LABEL.c[0], LABEL.c[1], LABEL.c[2]], ...(spec.labelGlow ? { uvGlow: spec.labelGlow } : {}) });
  if (spec.uvThread) {
    const [x0, y0, z0] = labelPoint(41, 40.5);
    m.add('label-uv-thread', decal(0.052, 0.0009, [x0, y0, z0], [0, 0, 1]), { color: '#ffffff', opacity: 0.9, transparent: true }, { uvOnly: true, uvGlow: '#ffa040' });
  }
  void PX;
  return m;
}
