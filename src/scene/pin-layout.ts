/**
 * Where the pins stand: beside the feature, not on it. Each pin's head is lifted off its point along
 * the surface normal and leans across the surface, up and to the right of the feature as the item
 * stands (so a face seen head-on still shows the feature, with a short leader line to its pin), and
 * heads closer than `spacing` are pushed apart, so a cluster of tells reads as separate numbers.
 * Pure and deterministic: the same tells give the same layout on every side and every visit.
 */
export type Vec3 = [number, number, number];

export interface PinAnchor {
  position: readonly [number, number, number];
  normal: readonly [number, number, number];
}

export interface PinLayoutOptions {
  /** Head distance from the surface along the normal (model units). */
  offset: number;
  /** Head distance across the surface, up and to the right (model units); 0 keeps it over the point. */
  lean?: number;
  /** Least distance between two heads (model units): about a pin's width on screen. */
  spacing: number;
}

const ROUNDS = 200;

const sub = (a: readonly number[], b: readonly number[]): Vec3 => [a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!];
const len = (a: readonly number[]) => Math.hypot(a[0]!, a[1]!, a[2]!);

/** A unit vector across `normal`, turned by `angle`: the way apart for two heads that coincide. */
function across(normal: readonly number[], angle: number): Vec3 {
  const helper = Math.abs(normal[1]!) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  // u = normal × helper, v = normal × u: two directions in the surface's plane.
  const u: Vec3 = [normal[1]! * helper[2]! - normal[2]! * helper[1]!, normal[2]! * helper[0]! - normal[0]! * helper[2]!, normal[0]! * helper[1]! - normal[1]! * helper[0]!];
  const lu = len(u) || 1;
  const un: Vec3 = [u[0] / lu, u[1] / lu, u[2] / lu];
  const v: Vec3 = [normal[1]! * un[2] - normal[2]! * un[1], normal[2]! * un[0] - normal[0]! * un[2], normal[0]! * un[1] - normal[1]! * un[0]];
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [un[0] * c + v[0] * s, un[1] * c + v[1] * s, un[2] * c + v[2] * s];
}

/** Across the surface, up and to the right as the item stands: up (or, on a top face, back) less its part along the normal, then leaned right. */
export function leanDirection(n: readonly number[]): Vec3 {
  const up = Math.abs(n[1]!) < 0.95 ? [0, 1, 0] : [0, 0, -1];
  const along = up[0]! * n[0]! + up[1]! * n[1]! + up[2]! * n[2]!;
  const t: Vec3 = [up[0]! - n[0]! * along, up[1]! - n[1]! * along, up[2]! - n[2]! * along];
  // right = up × normal, in the surface's plane.
  const r: Vec3 = [t[1] * n[2]! - t[2] * n[1]!, t[2] * n[0]! - t[0] * n[2]!, t[0] * n[1]! - t[1] * n[0]!];
  const lt = len(t) || 1;
  const lr = len(r) || 1;
  const d: Vec3 = [0.8 * (t[0] / lt) + 0.6 * (r[0] / lr), 0.8 * (t[1] / lt) + 0.6 * (r[1] / lr), 0.8 * (t[2] / lt) + 0.6 * (r[2] / lr)];
  const ld = len(d) || 1;
  return [d[0] / ld, d[1] / ld, d[2] / ld];
}

/** The head of each pin, in the anchors' space. */
export function layoutPins(anchors: readonly PinAnchor[], { offset, lean = 0, spacing }: PinLayoutOptions): Vec3[] {
  const heads: Vec3[] = anchors.map(({ position: p, normal: n }) => {
    const d = lean ? leanDirection(n) : [0, 0, 0];
    return [p[0] + n[0] * offset + d[0]! * lean, p[1] + n[1] * offset + d[1]! * lean, p[2] + n[2] * offset + d[2]! * lean];
  });
  for (let round = 0; round < ROUNDS; round++) {
    let moved = false;
    for (let i = 0; i < heads.length; i++) {
      for (let j = i + 1; j < heads.length; j++) {
        let d = sub(heads[j]!, heads[i]!);
        let dist = len(d);
        if (dist >= spacing) continue;
        // Coincident heads part across the surface, each pair its own way round (golden angle).
        if (dist < 1e-9) {
          d = across(anchors[i]!.normal, (i + j) * 2.39996);
          dist = 1;
        }
        const push = (spacing - len(sub(heads[j]!, heads[i]!))) / 2 + spacing * 0.01;
        for (let k = 0; k < 3; k++) {
          heads[i]![k]! -= (d[k]! / dist) * push;
          heads[j]![k]! += (d[k]! / dist) * push;
        }
        moved = true;
      }
    }
    if (!moved) break;
  }
  return heads;
}
