/**
 * One participant's connection to a live session's room: joins it, numbers each intent and waits
 * for its ack, surfaces refusals, relays presence, and when the network drops comes back by itself
 * (the room's reconnection token first, then a fresh join with the session's id, which the server
 * recognises as the same account), waiting 0.25 s doubling to 4 s between attempts. Framework-free:
 * the transport (Colyseus in the browser, a fake in unit tests) and the listener are handed in.
 */
import {
  LIVE_PROTOCOL_VERSION,
  MSG,
  type Ack,
  type Device,
  type IntentBody,
  type LiveStateView,
  type PresenceBatch,
  type PresenceUpdate,
  type Refusal,
  type RoundResult,
  type Welcome,
} from '../domain/live-protocol';
import { backoffDelay, joinFailure, leaveOutcome, PendingIntents, STOP_MESSAGES, type LiveResume, type LiveStatus, type StopReason } from './live-rules';

/** What the connection needs of a joined room (colyseus.js' Room has all of it). */
export interface RoomLike {
  readonly reconnectionToken: string;
  readonly state: { toJSON(): unknown } | undefined;
  onStateChange(cb: (state: { toJSON(): unknown }) => void): unknown;
  onMessage(type: string, cb: (message: never) => void): unknown;
  onLeave(cb: (code: number, reason?: string) => void): unknown;
  send(type: string, message: unknown): void;
  leave(consented?: boolean): Promise<number>;
  removeAllListeners(): void;
}

export interface JoinOptions {
  sessionId: string;
  v: number;
  device: Device;
}

export interface LiveTransport {
  join(options: JoinOptions): Promise<RoomLike>;
  reconnect(reconnectionToken: string): Promise<RoomLike>;
}

/** What the connection tells whoever holds it (the live store). */
export interface LiveListener {
  /** `reason`: why it stopped, where the client knows (the page words it); null while it runs, or for a server's own message. */
  status(status: LiveStatus, message: string | null, attempt: number, reason: StopReason | null): void;
  state(view: LiveStateView): void;
  welcome(welcome: Welcome): void;
  refused(refusal: Refusal): void;
  presence(batch: PresenceBatch): void;
  result(result: RoundResult): void;
  /** A room was joined or rejoined: where a reload can rejoin from. */
  resumable(resume: LiveResume): void;
}

export interface ConnectionOptions {
  random?: () => number;
}

export class LiveConnection {
  private room: RoomLike | null = null;
  private token: string | null;
  private readonly pending = new PendingIntents();
  private status: LiveStatus = 'idle';
  private phase: string | null = null;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private leaving = false;

  constructor(
    private readonly transport: LiveTransport,
    private readonly listener: LiveListener,
    readonly sessionId: string,
    private device: Device,
    resumeToken: string | null = null,
    private readonly options: ConnectionOptions = {},
  ) {
    this.token = resumeToken;
  }

  get currentStatus(): LiveStatus {
    return this.status;
  }

  /** Joins (or, given a token from before a reload, rejoins at once). */
  start(): void {
    this.setStatus('connecting', null, 0);
    void this.attempt(0);
  }

  /** Sends an intent; resolves on its ack, rejects with a LiveRefusedError. Queued while reconnecting. */
  intent(body: IntentBody): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the session is over'));
    const { intent, settled } = this.pending.add(body);
    if (this.status === 'connected') this.room?.send(MSG.intent, intent);
    return settled;
  }

  /** Sends presence now if connected; presence is never queued (the next one replaces it). */
  presence(update: PresenceUpdate): boolean {
    if (this.status !== 'connected' || !this.room) return false;
    this.room.send(MSG.presence, update);
    return true;
  }

  /** The device this client is on (entering or leaving a headset session); the room is told at once. */
  setDevice(device: Device): void {
    if (device === this.device) return;
    this.device = device;
    if (!this.closed) void this.intent({ type: 'device', device }).catch(() => {});
  }

  /** Leaves on purpose: no reconnection. */
  async leave(): Promise<void> {
    this.leaving = true;
    this.stop('idle', null);
    const room = this.room;
    this.room = null;
    if (room) await room.leave(true).catch(() => 0);
  }

  private setStatus(status: LiveStatus, message: string | null, attempt: number, reason: StopReason | null = null): void {
    this.status = status;
    this.listener.status(status, message, attempt, reason);
  }

  private stop(status: LiveStatus, message: string | null, reason: StopReason | null = null): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.failAll(message ?? 'the session is over');
    this.setStatus(status, message, 0, reason);
  }

  private async attempt(n: number): Promise<void> {
    if (this.closed) return;
    const options: JoinOptions = { sessionId: this.sessionId, v: LIVE_PROTOCOL_VERSION, device: this.device };
    let room: RoomLike | null = null;
    let failure: unknown = null;
    if (this.token) {
      try {
        room = await this.transport.reconnect(this.token);
      } catch (e) {
        failure = e;
      }
    }
    if (!room && !this.closed && !(failure && !joinFailure(failure).retry)) {
      try {
        room = await this.transport.join(options);
      } catch (e) {
        failure = e;
      }
    }
    if (this.closed) {
      if (room) void room.leave(true).catch(() => 0);
      return;
    }
    if (room) return this.attach(room);
    const verdict = joinFailure(failure);
    if (!verdict.retry) return this.stop(verdict.status, verdict.message, verdict.reason);
    this.setStatus(this.status === 'connecting' && n === 0 ? 'connecting' : 'reconnecting', null, n + 1);
    this.timer = setTimeout(() => void this.attempt(n + 1), backoffDelay(n, this.options.random));
  }

  private attach(room: RoomLike): void {
    this.room = room;
    this.token = room.reconnectionToken;
    this.listener.resumable({ sessionId: this.sessionId, reconnectionToken: room.reconnectionToken });
    room.onMessage(MSG.welcome, (w: never) => this.listener.welcome(w as Welcome));
    room.onMessage(MSG.ack, (a: never) => void this.pending.ack((a as Ack).seq));
    room.onMessage(MSG.refused, (r: never) => {
      this.pending.refuse(r as Refusal);
      const refusal = r as Refusal;
      // A resent answer that had been taken before the drop is no news to the trainee.
      if (refusal.code !== 'already_answered') this.listener.refused(refusal);
    });
    room.onMessage(MSG.presence, (b: never) => this.listener.presence(b as PresenceBatch));
    room.onMessage(MSG.result, (r: never) => this.listener.result(r as RoundResult));
    room.onStateChange((s) => {
      const view = s.toJSON() as LiveStateView;
      this.phase = view.phase;
      this.listener.state(view);
    });
    room.onLeave((code) => this.onLeave(room, code));
    this.setStatus('connected', null, 0);
    if (room.state) {
      const view = room.state.toJSON() as LiveStateView;
      if (view && typeof view === 'object' && 'phase' in view) {
        this.phase = view.phase;
        this.listener.state(view);
      }
    }
    // What was sent and not acknowledged before the drop goes again (the server ignores a repeat).
    for (const intent of this.pending.resendable()) room.send(MSG.intent, intent);
  }

  private onLeave(room: RoomLike, code: number): void {
    if (room !== this.room) return;
    this.room = null;
    room.removeAllListeners();
    const outcome = leaveOutcome(code, this.leaving, this.phase);
    if (outcome === 'left') return;
    if (outcome === 'removed') return this.stop('removed', STOP_MESSAGES.removed, 'removed');
    if (outcome === 'ended') return this.stop('ended', STOP_MESSAGES.ended, 'ended');
    if (outcome === 'replaced') return this.stop('failed', STOP_MESSAGES.replaced, 'replaced');
    this.setStatus('reconnecting', null, 1);
    this.timer = setTimeout(() => void this.attempt(1), backoffDelay(0, this.options.random));
  }
}
