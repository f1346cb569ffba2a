/**
 * How a model's materials answer the examiner's UV lamp. Parts carry glTF extras from the asset
 * generator: `uvGlow` (colour it fluoresces) and `uvOnly` (covert ink, unseen in daylight).
 */
import { Color, Material, Mesh, MeshStandardMaterial, type Object3D } from 'three';

interface Saved {
  daylight: Material | Material[];
  uv: Material;
  uvOnly: boolean;
}

const saved = new WeakMap<Mesh, Saved>();
const dark = new Color('#0b0418');

function uvMaterialFor(mesh: Mesh, glow: string | undefined): Material {
  const base = (Array.isArray(mesh.material) ? mesh.material[0] : mesh.material) as MeshStandardMaterial;
  const m = base.clone() as MeshStandardMaterial;
  if (glow) {
    m.emissive = new Color(glow);
    m.emissiveIntensity = 2.2;
    m.color = new Color(glow).multiplyScalar(0.3);
  } else {
    m.color = base.color.clone().lerp(dark, 0.85);
    m.emissive = new Color(0x000000);
  }
  m.map = glow ? base.map : null;
  return m;
}

/** Remembers each mesh's daylight material and prepares its look under UV. Call once per loaded model. */
export function prepareUv(root: Object3D): void {
  root.traverse((o) => {
    const mesh = o as Mesh;
    if (!mesh.isMesh || saved.has(mesh)) return;
    const extras = (mesh.userData ?? {}) as { uvGlow?: string; uvOnly?: boolean };
    saved.set(mesh, { daylight: mesh.material, uv: uvMaterialFor(mesh, extras.uvGlow), uvOnly: !!extras.uvOnly });
    if (extras.uvOnly) mesh.visible = false;
  });
}

/** Switches a prepared model between daylight and the UV lamp. */
export function applyUv(root: Object3D, on: boolean): void {
  root.traverse((o) => {
    const s = saved.get(o as Mesh);
    if (!s) return;
    const mesh = o as Mesh;
    mesh.material = on ? s.uv : s.daylight;
    if (s.uvOnly) mesh.visible = on;
  });
}

/** Ghosts a model for the overlay view (see-through), or restores it. */
export function applyGhost(root: Object3D, opacity: number | null): void {
  root.traverse((o) => {
    const mesh = o as Mesh;
    if (!mesh.isMesh) return;
    for (const m of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) {
      if (m.userData.baseOpacity === undefined) m.userData.baseOpacity = m.opacity;
      if (m.userData.baseTransparent === undefined) m.userData.baseTransparent = m.transparent;
      m.transparent = opacity !== null ? true : (m.userData.baseTransparent as boolean);
      m.opacity = opacity ?? (m.userData.baseOpacity as number);
      m.depthWrite = opacity === null;
    }
  });
}
