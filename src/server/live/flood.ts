/**
 * A per-client limit on messages of one kind (intents, presence): up to `perSecond` in each second are
 * taken, the rest are dropped. A client far past the limit in one second (ABUSE_FACTOR times it), or
 * past it SUSTAINED_SECONDS seconds in a row, is no page of ours: the room closes its connection.
 */

/** This many times the limit in one second is a flood, not a slow page. */
export const ABUSE_FACTOR = 10;
/** Seconds in a row over the limit before the connection is closed. */
export const SUSTAINED_SECONDS = 5;

/** 'take' the message; 'drop' it, telling the client ('warn', once a second) or not; 'close' the connection. */
export type FloodVerdict = 'take' | 'warn' | 'drop' | 'close';

export class FloodGate {
  private start = Number.NEGATIVE_INFINITY;
  private count = 0;
  /** Seconds in a row (so far) in which something was dropped. */
  private overRun = 0;

  constructor(readonly perSecond: number) {}

  check(now: number = Date.now()): FloodVerdict {
    if (now - this.start >= 1000) {
      const wasOver = this.count > this.perSecond;
      // A second that follows straight on from one over the limit continues the run.
      this.overRun = wasOver && now - this.start < 2000 ? this.overRun : 0;
      this.start = now;
      this.count = 0;
    }
    this.count++;
    if (this.count <= this.perSecond) return 'take';
    if (this.count > this.perSecond * ABUSE_FACTOR) return 'close';
    if (this.count === this.perSecond + 1) {
      this.overRun++;
      return this.overRun >= SUSTAINED_SECONDS ? 'close' : 'warn';
    }
    return 'drop';
  }
}
