/**
 * Each model stands on a turntable: the examiner turns the item itself, the way one turns a real
 * item in the hand. Rotations live outside React (read every frame); linked views share one rotation.
 */
import { Quaternion, Vector3 } from 'three';
import type { Side } from './state/compare-store';
import { prefersReducedMotion } from './reduced-motion';

const rotations: Record<Side, Quaternion> = { A: new Quaternion(), B: new Quaternion() };
const targets: Record<Side, Quaternion | null> = { A: null, B: null };
const axis = new Vector3();
const step = new Quaternion();

export function rotationOf(side: Side): Quaternion {
  return rotations[side];
}

/** Turns a side (or both, when linked) by a drag: dx around world up, dy around the camera's right. */
export function turn(side: Side, linked: boolean, dx: number, dy: number, cameraRight: Vector3): void {
  const sides: Side[] = linked ? ['A', 'B'] : [side];
  for (const s of sides) {
    targets[s] = null;
    step.setFromAxisAngle(axis.set(0, 1, 0), dx);
    rotations[s].premultiply(step);
    step.setFromAxisAngle(cameraRight, dy);
    rotations[s].premultiply(step);
  }
  if (linked) rotations[side === 'A' ? 'B' : 'A'].copy(rotations[side]);
}

/** Starts a smooth turn so that `normal` (model space) faces `towards` (world direction). */
export function turnToFace(side: Side, normal: Vector3, towards: Vector3): void {
  targets[side] = new Quaternion().setFromUnitVectors(normal.clone().normalize(), towards.clone().normalize());
}

/** Advances smooth turns; call once per frame. Returns true while anything moves. With reduced motion a turn is done in one frame. */
export function animateTurntables(dt: number): boolean {
  let moving = false;
  const k = prefersReducedMotion() ? 1 : Math.min(1, dt * 6);
  for (const s of ['A', 'B'] as Side[]) {
    const t = targets[s];
    if (!t) continue;
    rotations[s].slerp(t, k);
    if (rotations[s].angleTo(t) < 0.001) {
      rotations[s].copy(t);
      targets[s] = null;
    } else moving = true;
  }
  return moving;
}

export function resetTurntables(): void {
  rotations.A.identity();
  rotations.B.identity();
  targets.A = targets.B = null;
}

/** Half the height of a box of `size` turned by `q`: how far its centre stands above what it rests on. */
export function restingHeight(q: Quaternion, size: Vector3): number {
  const { x, y, z, w } = q;
  // The rotation matrix's second row: how much of each of the box's axes points up.
  const r0 = 2 * (x * y + w * z);
  const r1 = 1 - 2 * (x * x + z * z);
  const r2 = 2 * (y * z - w * x);
  return (Math.abs(r0) * size.x + Math.abs(r1) * size.y + Math.abs(r2) * size.z) / 2;
}
