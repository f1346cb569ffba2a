/**
 * The Colyseus room of one live session: who may join (a signed-in account that joined with the
 * code, or the session's instructor), intents checked for role and applied one at a time, presence
 * relayed on a 50 ms tick apart from the state, and a dropped client's seat held for 60 s.
 */
import fastifyCookie from '@fastify/cookie';
import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import {
  INSTRUCTOR_INTENTS,
  IntentRefused,
  LIVE_PROTOCOL_VERSION,
  MSG,
  PRESENCE_HZ,
  PRESENCE_TICK_MS,
  RECONNECT_HOLD_S,
  TRAINEE_INTENTS,
  parseIntent,
  parsePresence,
  type ParticipantRole,
  type PresenceBatch,
  type RefusalCode,
  type Welcome,
} from '../../domain/live-protocol';
import type { SessionUser } from '../../domain/roles';
import { SESSION_COOKIE, type SessionStore } from '../auth/session-store';
import { FloodGate } from './flood';
import { RoomClaim, ROOM_LEASE_S, ROOM_TAKEN_CODE } from './room-claim';
import { LiveSession, type LiveSessionDeps } from './live-session';
import { LiveState } from './live-state';

/** Close codes a client acts on: removed (do not retry), replaced by a newer connection of the same account. */
export const CLOSE_REMOVED = 4003;
export const CLOSE_REPLACED = 4009;
/** A client that flooded the room with messages far past the limits (a page of ours never does). */
export const CLOSE_FLOODING = 4029;
export const FLOODING_MESSAGE = 'Too many messages from this page: the connection was closed.';
/** The server is restarting: the session is saved and goes on; the client joins again (any code but 4000 means retry). */
export const CLOSE_RESTARTING = 4012;
/** The account's sign-in ended (deactivated, password reset): the client's retry finds no session and stops. */
export const CLOSE_SIGNED_OUT = 4401;
export const RESTARTING_MESSAGE = 'The server is restarting: the session and its answers are kept. Joining again in a moment.';

export interface LiveRoomDeps extends LiveSessionDeps {
  sessions: SessionStore;
  log?: (message: string, err?: unknown) => void;
  /** False once the process is shutting down: new joins are refused (503, the client retries). */
  accepting?: () => boolean;
}

// Colyseus constructs rooms itself (and, with Redis, on whichever process hosts them): the process's
// dependencies are set once, when the realtime server starts.
let deps: LiveRoomDeps | undefined;
export function provideLiveRoomDeps(d: LiveRoomDeps): void {
  deps = d;
}
/** The live rooms this process hosts, so that an account whose sign-in ends leaves them at once. */
const hosted = new Set<LiveRoom>();
/** Closes the account's connections to the rooms of this process (with Redis, other processes' rooms keep theirs until they drop). */
export function endLiveConnectionsOf(userId: string): void {
  for (const room of hosted) room.endAccount(userId);
}
function need(): LiveRoomDeps {
  if (!deps) throw new Error('live rooms started before their dependencies were provided');
  return deps;
}

interface Seat {
  user: SessionUser;
  role: ParticipantRole;
  /** Against a flood: intents (and messages of unknown types), and presence, per second. */
  intents: FloodGate;
  presence: FloodGate;
}

/** More intents than this in a second from one client are refused (a person sends a few). */
export const MAX_INTENTS_PER_SECOND = 40;
/** More presence updates than this in a second from one client are dropped (a page sends PRESENCE_HZ). */
export const MAX_PRESENCE_PER_SECOND = 2 * PRESENCE_HZ;

/** The sequence number of a message that may be anything. */
const seqOf = (raw: unknown): number | null => {
  const seq = (raw as { seq?: unknown } | null)?.seq;
  return typeof seq === 'number' && Number.isFinite(seq) ? seq : null;
};

/** A message type as text for a refusal: a string or number, and nothing else. */
const nameOf = (type: unknown): string => (typeof type === 'string' || typeof type === 'number' ? String(type).slice(0, 40) : typeof type);

export class LiveRoom extends Room<InstanceType<typeof LiveState>, unknown, Seat, SessionUser> {
  override maxClients = 250;
  private session!: LiveSession;
  /** The live connection of each account (a newer one replaces an older). */
  private readonly connections = new Map<string, Client<Seat, SessionUser>>();
  /** Presence received since the last tick, latest per participant. */
  private readonly pending = new Map<string, PresenceBatch['peers'][number]>();
  private queue: Promise<void> = Promise.resolve();
  /** The room's hold on its session in the database: one room per session. */
  private claim: RoomClaim | undefined;
  /** Accounts whose sign-in ended: their dropped connection is not held for a reconnection. */
  private readonly signedOut = new Set<string>();

  /** Runs at matchmaking, on the process that takes the request: the session cookie must be valid. */
  static override async onAuth(_token: string, _options: unknown, context: AuthContext): Promise<SessionUser> {
    if (need().accepting?.() === false) throw new ServerError(503, RESTARTING_MESSAGE);
    const cookie = fastifyCookie.parse(String(context.headers.cookie ?? ''))[SESSION_COOKIE];
    const user = await need().sessions.user(cookie);
    if (!user) throw new ServerError(401, 'Sign in to join a live session.');
    if (user.mustChangePassword) throw new ServerError(403, 'Choose a new password first, then join the session.');
    return user;
  }

  endAccount(userId: string): void {
    const client = this.connections.get(userId);
    if (!client) return;
    this.signedOut.add(userId);
    client.leave(CLOSE_SIGNED_OUT, 'This account was signed out.');
  }

  override async onCreate(options: { sessionId?: unknown }): Promise<void> {
    try {
      await this.open(options);
    } catch (err) {
      // Colyseus started this room's timers before onCreate and forgets a room refused here: stop them.
      this.patchRate = null as unknown as number;
      this.clock.clear();
      this.clock.stop();
      clearTimeout((this as unknown as { _autoDisposeTimeout?: NodeJS.Timeout })._autoDisposeTimeout);
      await this.claim?.release();
      throw err;
    }
  }

  private async open(options: { sessionId?: unknown }): Promise<void> {
    const d = need();
    const row = typeof options?.sessionId === 'string' ? await d.liveDb.get(options.sessionId) : undefined;
    if (!row) throw new ServerError(404, 'There is no such live session.');
    if (row.endedAt) throw new ServerError(410, 'This live session has ended.');
    // One room per session, whichever process or matchmaking call asks: the database holds the claim.
    this.claim = new RoomClaim(d.liveDb, this.roomId, d.log);
    if (!(await this.claim.take(row.id))) throw new ServerError(ROOM_TAKEN_CODE, 'This live session is already open in another room: join it.');
    this.state = new LiveState();
    this.session = await LiveSession.load(d, row, this.state);
    hosted.add(this);
    this.onMessage(MSG.intent, (client, message) => this.enqueue(client, message));
    this.onMessage(MSG.presence, (client, message) => this.takePresence(client, message));
    // A message sent as type "*" reaches this handler with its body where the type is: name it safely.
    this.onMessage('*', (client, type) => this.unknown(client, `unknown message type "${nameOf(type)}"`));
    // Colyseus' own handler of this name formats the body into a string, which can throw out of the process.
    this.onMessage('__no_message_handler', (client) => this.unknown(client, 'unknown message type "__no_message_handler"'));
    this.clock.setInterval(() => this.relayPresence(), PRESENCE_TICK_MS);
    // A room that lost its hold (it stalled past the lease and another took over) closes; its clients join that one.
    this.clock.setInterval(() => void this.claim!.renew().then((held) => held || this.disconnect(CLOSE_RESTARTING)), (ROOM_LEASE_S * 1000) / 3);
    this.broadcastPatch();
  }

  override async onJoin(client: Client<Seat, SessionUser>, options: { v?: unknown; device?: unknown } = {}, user?: SessionUser): Promise<void> {
    if (!user) throw new ServerError(401, 'Sign in to join a live session.');
    if (typeof options.v !== 'number' || options.v < LIVE_PROTOCOL_VERSION) {
      throw new ServerError(426, `This page is older than the server (protocol ${LIVE_PROTOCOL_VERSION}): reload it.`);
    }
    const role: ParticipantRole = user.id === this.session.instructorId ? 'instructor' : 'trainee';
    if (role === 'trainee') {
      const membership = await need().liveDb.membership(this.session.id, user.id);
      if (membership === 'removed') throw new ServerError(403, 'The instructor removed you from this session.');
      if (!membership) throw new ServerError(403, 'Join this session with its code first.');
    }
    client.userData = { user, role, intents: new FloodGate(MAX_INTENTS_PER_SECOND), presence: new FloodGate(MAX_PRESENCE_PER_SECOND) };
    const older = this.connections.get(user.id);
    this.connections.set(user.id, client);
    older?.leave(CLOSE_REPLACED, 'This account joined the session from another page.');
    const p = this.session.arrive(user, role);
    if (options.device === 'ar' || options.device === 'vr' || options.device === 'desktop') p.device = options.device;
    await this.welcome(client);
  }

  override async onLeave(client: Client<Seat, SessionUser>, consented: boolean): Promise<void> {
    const seat = client.userData;
    if (!seat || this.connections.get(seat.user.id) !== client) return;
    const p = this.session.participant(seat.user.id);
    if (p) p.connected = false;
    this.pending.delete(seat.user.id);
    if (this.signedOut.delete(seat.user.id) || consented || !p) {
      this.connections.delete(seat.user.id);
      return;
    }
    try {
      const back = await this.allowReconnection(client, RECONNECT_HOLD_S);
      // Removed or replaced while away: the seat is no longer theirs.
      if (this.connections.get(seat.user.id) !== client) return;
      if (!this.session.participant(seat.user.id)) return void back.leave(CLOSE_REMOVED, 'The instructor removed you from this session.');
      this.connections.set(seat.user.id, back);
      this.session.participant(seat.user.id)!.connected = true;
      await this.welcome(back);
    } catch {
      if (this.connections.get(seat.user.id) === client) this.connections.delete(seat.user.id);
    }
  }

  /** A handler that throws is a bug: it is logged, and the room and the process go on (Colyseus would let it crash the process). */
  override onUncaughtException(err: Error, method: string): void {
    // A refused join is thrown on purpose; the client already has its answer.
    if (err.cause instanceof ServerError) return;
    need().log?.(`live: ${method} failed`, err.cause ?? err);
  }

  /** A graceful shutdown: clients are told the server restarts (they come back), not that the session ended. */
  override onBeforeShutdown(): void {
    void this.disconnect(CLOSE_RESTARTING);
  }

  override async onDispose(): Promise<void> {
    hosted.delete(this);
    // Intents already taken finish (an answer being stored is stored) before the last save.
    await this.queue;
    // The rotation is kept in memory while it is being turned; keep its last value.
    await this.session?.save().catch((err: unknown) => need().log?.('live: could not save the session on close', err));
    await this.claim?.release();
  }

  private async welcome(client: Client<Seat, SessionUser>): Promise<void> {
    const { user, role } = client.userData!;
    const welcome: Welcome = { protocol: LIVE_PROTOCOL_VERSION, you: user.id, role, answer: await this.session.answerOf(user.id) };
    client.send(MSG.welcome, welcome);
    const result = (await this.session.results()).get(user.id);
    if (result) client.send(MSG.result, { round: this.state.round, result });
  }

  /** Intents run one at a time, in the order they came, so that each sees the state the last one left. */
  private enqueue(client: Client<Seat, SessionUser>, raw: unknown): void {
    if (!this.withinLimit(client, 'intents', seqOf(raw))) return;
    this.queue = this.queue.then(() => this.handle(client, raw));
  }

  /** A message of a type the room does not know: refused, and counted as an intent against a flood. */
  private unknown(client: Client<Seat, SessionUser>, message: string): void {
    if (this.withinLimit(client, 'intents', null)) this.refuse(client, null, 'unknown_type', message);
  }

  /**
   * Whether a client's message of this kind may be taken now. Past the limit it is dropped: an intent
   * is refused each time (its sender waits on it), presence once a second; a flood closes the connection.
   */
  private withinLimit(client: Client<Seat, SessionUser>, kind: 'intents' | 'presence', seq: number | null): boolean {
    const seat = client.userData;
    if (!seat) return true;
    const verdict = seat[kind].check();
    if (verdict === 'take') return true;
    if (verdict === 'close') {
      need().log?.(`live: closed ${seat.user.id}'s connection: a flood of ${kind}`);
      client.leave(CLOSE_FLOODING, FLOODING_MESSAGE);
      // Frames already on their way are not even decoded; a client that ignores the close is cut off.
      const ws = (client as unknown as { ref?: { removeAllListeners(event: string): void; terminate(): void } }).ref;
      ws?.removeAllListeners('message');
      setTimeout(() => ws?.terminate(), 1000).unref();
      return false;
    }
    const limit = kind === 'intents' ? MAX_INTENTS_PER_SECOND : MAX_PRESENCE_PER_SECOND;
    if (kind === 'intents' || verdict === 'warn') {
      this.refuse(client, seq, 'rate_limited', `more than ${limit} ${kind === 'intents' ? 'intents' : 'presence updates'} in a second; ${kind === 'intents' ? 'slow down' : 'the extra ones are dropped'}`);
    }
    return false;
  }

  private async handle(client: Client<Seat, SessionUser>, raw: unknown): Promise<void> {
    const seq = seqOf(raw);
    const seat = client.userData;
    try {
      if (!seat) throw new IntentRefused('forbidden', 'not joined');
      const intent = parseIntent(raw);
      const allowed = seat.role === 'instructor' ? INSTRUCTOR_INTENTS : TRAINEE_INTENTS;
      if (!allowed.includes(intent.type)) throw new IntentRefused('forbidden', `only ${seat.role === 'instructor' ? 'a trainee' : 'the instructor'} may send "${intent.type}"`);
      const effects = await this.session.apply(seat.user, intent);
      client.send(MSG.ack, { seq: intent.seq });
      if (effects.removed) this.connections.get(effects.removed)?.leave(CLOSE_REMOVED, 'The instructor removed you from this session.');
      if (effects.results) await this.sendResults();
    } catch (err) {
      if (err instanceof IntentRefused) return this.refuse(client, seq, err.code, err.message);
      need().log?.('live: an intent failed', err);
      this.refuse(client, seq, 'server_error', 'The server could not apply this; nothing changed. Try again.');
    }
  }

  private refuse(client: Client, seq: number | null, code: RefusalCode, message: string): void {
    client.send(MSG.refused, { seq, code, message });
  }

  private async sendResults(): Promise<void> {
    const results = await this.session.results();
    for (const [userId, client] of this.connections) {
      const result = results.get(userId);
      if (result) client.send(MSG.result, { round: this.state.round, result });
    }
  }

  private takePresence(client: Client<Seat, SessionUser>, raw: unknown): void {
    const seat = client.userData;
    // The limit first, so that a dropped update costs no parsing.
    if (!seat || !this.withinLimit(client, 'presence', null)) return;
    const update = parsePresence(raw);
    if (!update) return;
    if (this.state.pointersMuted && seat.role === 'trainee') delete update.ray;
    this.pending.set(seat.user.id, { ...update, id: seat.user.id });
  }

  /** One batch a tick to everyone (a client skips its own entry): encoded once, not once per receiver. */
  private relayPresence(): void {
    if (this.pending.size === 0) return;
    const batch: PresenceBatch = { peers: [...this.pending.values()] };
    this.pending.clear();
    this.broadcast(MSG.presence, batch);
  }
}
