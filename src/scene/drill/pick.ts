/**
 * From a click on the suspect to a pin in the suspect GLB's own space: the server scores pins against
 * Tell.at.position, which is in that space (metres), so the turntable's turn, the display scale and
 * the centring must all be undone — by inverting the model root's world matrix.
 */
import { Matrix4, Raycaster, Vector2, Vector3, type Camera, type Face, type Intersection, type Object3D } from 'three';
import type { DroppedPin } from '../state/drill-store';

type Vec3 = [number, number, number];

const inverse = new Matrix4();
const local = new Vector3();
const normal = new Vector3();

/** 10 µm: far finer than any tell's tolerance, and it keeps the answer's JSON short. */
const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** Whether an object and all its ancestors are drawn (covert UV-only marks are hidden in daylight). */
export function isShown(o: Object3D | null): boolean {
  for (let x = o; x; x = x.parent) if (!x.visible) return false;
  return true;
}

export interface Hit {
  /** World space. */
  point: Vector3;
  object: Object3D;
  /** In the hit object's own space, as three's raycaster gives it. */
  face?: Face | null;
}

export function pinFromHit(hit: Hit, root: Object3D): DroppedPin {
  root.updateWorldMatrix(true, false);
  inverse.copy(root.matrixWorld).invert();
  local.copy(hit.point).applyMatrix4(inverse);
  const pin: DroppedPin = { position: [round(local.x), round(local.y), round(local.z)] };
  const name = hit.object.name.trim().slice(0, 200);
  if (name) pin.node = name;
  if (hit.face) {
    hit.object.updateWorldMatrix(true, false);
    normal.copy(hit.face.normal).transformDirection(hit.object.matrixWorld).transformDirection(inverse);
    pin.normal = [round(normal.x), round(normal.y), round(normal.z)];
  }
  return pin;
}

/** Where to lift a pin's badge: its own normal, or else away from the model's centre (pins dropped by the test hook have none). */
export function liftedPosition(position: Vec3, normalOf: Vec3 | undefined, centre: Vector3, lift: number, out: Vector3): Vector3 {
  out.set(...position);
  if (normalOf) normal.set(...normalOf);
  else normal.copy(out).sub(centre);
  if (normal.lengthSq() < 1e-12) return out;
  return out.addScaledVector(normal.normalize(), lift);
}

const raycaster = new Raycaster();
const pointer = new Vector2();

/** The nearest hit on a drawn part of `target` along the ray through `ndc` (and one `accept` takes, if given), or null. */
export function firstShownHit(target: Object3D, camera: Camera, ndc: { x: number; y: number }, accept?: (o: Object3D) => boolean): Intersection | null {
  target.updateWorldMatrix(true, true);
  raycaster.setFromCamera(pointer.set(ndc.x, ndc.y), camera);
  // A hidden covert mark lies on the surface: the surface under it takes the pin, as with a click.
  return raycaster.intersectObject(target, true).find((h) => isShown(h.object) && (!accept || accept(h.object))) ?? null;
}

const projected = new Vector3();

/** Where a point in `root`'s own space (a pin's, a ruler mark's) stands on the screen, as normalised device coordinates. */
export function projectToNdc(root: Object3D, position: Vec3, camera: Camera): { x: number; y: number; z: number } {
  root.updateWorldMatrix(true, false);
  projected.set(...position).applyMatrix4(root.matrixWorld).project(camera);
  return { x: projected.x, y: projected.y, z: projected.z };
}
