/**
 * A room's hold on its live session in the database (live-db claimRoom): one room per session, across
 * processes. The room takes it before it opens, renews it every third of the lease while it runs, and
 * lets it go when it closes; a process that dies leaves a lease that lapses by itself.
 */
import type { LiveDb } from './live-db';

/** How long a claim holds without renewal. */
export const ROOM_LEASE_S = 15;
/** The matchmaker's code when a session already has its room: the client asks again and joins that one. */
export const ROOM_TAKEN_CODE = 409;

export class RoomClaim {
  /** The session held ('' before the claim, after its release, or once lost). */
  private sessionId = '';

  constructor(
    private readonly liveDb: LiveDb,
    private readonly roomId: string,
    private readonly log: ((message: string, err?: unknown) => void) | undefined,
  ) {}

  async take(sessionId: string): Promise<boolean> {
    if (!(await this.liveDb.claimRoom(sessionId, this.roomId, ROOM_LEASE_S))) return false;
    this.sessionId = sessionId;
    return true;
  }

  /** False when another room holds the session now (this one stalled past its lease): the room must close. */
  async renew(): Promise<boolean> {
    if (!this.sessionId) return true;
    try {
      if (await this.liveDb.claimRoom(this.sessionId, this.roomId, ROOM_LEASE_S)) return true;
    } catch (err) {
      // The database is unreachable: keep the room; the next renewal tries again.
      this.log?.('live: could not renew the room’s hold on its session', err);
      return true;
    }
    this.log?.(`live: room ${this.roomId} lost session ${this.sessionId} to another room; closing it`);
    this.sessionId = '';
    return false;
  }

  async release(): Promise<void> {
    const sessionId = this.sessionId;
    this.sessionId = '';
    if (sessionId) await this.liveDb.releaseRoom(sessionId, this.roomId).catch((err: unknown) => this.log?.('live: could not release the session’s room', err));
  }
}
