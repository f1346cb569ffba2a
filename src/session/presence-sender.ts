/**
 * Sends this client's presence at most PRESENCE_HZ times a second and only when it changed (by more
 * than a tenth of a millimetre or of a milliradian), with a heartbeat each second so that someone who
 * joins later sees a participant who keeps still. Call offer() every frame with the same object,
 * filled in place: nothing is allocated unless it is sent.
 */
import { PRESENCE_HZ, type Pose, type PresenceUpdate } from '../domain/live-protocol';

const EPSILON = 1e-4;
/** head, left, right: 7 numbers each (p, q) and a present flag; ray: 6 numbers and a flag. */
const SIZE = 3 * 8 + 7;

function writePose(out: Float64Array, at: number, pose: Pose | undefined): void {
  if (!pose) {
    out[at] = 0;
    return;
  }
  out[at] = 1;
  for (let i = 0; i < 3; i++) out[at + 1 + i] = pose.p[i]!;
  for (let i = 0; i < 4; i++) out[at + 4 + i] = pose.q[i]!;
}

/** Flattens an update into `out` (what is compared between frames). */
export function flattenPresence(u: PresenceUpdate, out: Float64Array): Float64Array {
  writePose(out, 0, u.head);
  writePose(out, 8, u.left);
  writePose(out, 16, u.right);
  const r = u.ray;
  out[24] = r ? 1 : 0;
  for (let i = 0; i < 3; i++) {
    out[25 + i] = r ? r.origin[i]! : 0;
    out[28 + i] = r ? r.direction[i]! : 0;
  }
  return out;
}

export function presenceChanged(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < SIZE; i++) if (Math.abs(a[i]! - b[i]!) > EPSILON) return true;
  return false;
}

export class PresenceSender {
  private lastSentAt = -Infinity;
  private last = new Float64Array(SIZE).fill(NaN);
  private scratch = new Float64Array(SIZE);

  constructor(
    private readonly send: (update: PresenceUpdate) => boolean,
    private readonly now: () => number = Date.now,
    private readonly minIntervalMs = 1000 / PRESENCE_HZ,
    private readonly heartbeatMs = 1000,
  ) {}

  /** Sends `update` (its `t` set to now) if due and changed; true when it was sent. */
  offer(update: PresenceUpdate): boolean {
    const t = this.now();
    const since = t - this.lastSentAt;
    if (since < this.minIntervalMs) return false;
    flattenPresence(update, this.scratch);
    if (since < this.heartbeatMs && !presenceChanged(this.scratch, this.last)) return false;
    update.t = t;
    if (!this.send(update)) return false;
    this.lastSentAt = t;
    const swap = this.last;
    this.last = this.scratch;
    this.scratch = swap;
    return true;
  }

  /** Forgets what was sent: the next offer goes out (after a reconnection). */
  reset(): void {
    this.lastSentAt = -Infinity;
    this.last.fill(NaN);
  }
}

/**
 * Throttles the instructor's turning of the models to at most PRESENCE_HZ 'turn' intents a second,
 * sent only when the rotation moved (by more than about a tenth of a degree).
 */
export class TurnSender {
  private lastSentAt = -Infinity;
  private readonly last = [NaN, NaN, NaN, NaN];

  constructor(
    private readonly send: (rotation: [number, number, number, number]) => void,
    private readonly now: () => number = Date.now,
    private readonly minIntervalMs = 1000 / PRESENCE_HZ,
  ) {}

  offer(x: number, y: number, z: number, w: number): boolean {
    const t = this.now();
    if (t - this.lastSentAt < this.minIntervalMs) return false;
    const l = this.last;
    // |dot| of unit quaternions near 1 means the same orientation (q and -q included).
    const dot = Math.abs(l[0]! * x + l[1]! * y + l[2]! * z + l[3]! * w);
    if (dot > 1 - 1e-6) return false;
    l[0] = x;
    l[1] = y;
    l[2] = z;
    l[3] = w;
    this.lastSentAt = t;
    this.send([x, y, z, w]);
    return true;
  }

  /** The next offer goes out whatever it is (follow turned on: send where the models stand). */
  reset(): void {
    this.lastSentAt = -Infinity;
    this.last.fill(NaN);
  }
}
