/**
 * Shared live sessions: the one protocol the client and the server speak over the realtime room.
 * The server is the authority; clients send intents, each with a sequence number, and get an `ack`
 * or a typed `refused`. Presence (heads, hands, pointer rays) travels apart from the session's state
 * and is never stored. Bump LIVE_PROTOCOL_VERSION on any change a client of the old version would
 * misread; the server refuses older clients with `client_too_old`.
 */
import { z } from 'zod';
import { DrillAnswer, DrillKind, type DrillResult, type RevealedItem } from './drill';
import type { Tell } from './catalogue';

export const LIVE_PROTOCOL_VERSION = 1;
/** The Colyseus room type. */
export const LIVE_ROOM = 'live';

/** Message types on the wire (Colyseus message names). */
export const MSG = {
  intent: 'intent',
  presence: 'presence',
  ack: 'ack',
  refused: 'refused',
  welcome: 'welcome',
  result: 'result',
} as const;

export const PHASES = ['lobby', 'inspect', 'answer', 'reveal', 'leaderboard', 'ended'] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

/** Where the instructor may move the class from each phase. `inspect` from a later phase starts a new round. */
export const PHASE_MOVES: Record<Phase, readonly Phase[]> = {
  lobby: ['inspect', 'ended'],
  inspect: ['answer', 'ended'],
  answer: ['reveal', 'ended'],
  reveal: ['leaderboard', 'inspect', 'ended'],
  leaderboard: ['inspect', 'ended'],
  ended: [],
};

export const PARTICIPANT_ROLES = ['instructor', 'trainee'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const Device = z.enum(['desktop', 'ar', 'vr']);
export type Device = z.infer<typeof Device>;

/** Join codes: 9 characters from 31 that cannot be misread (no 0/O, 1/I/L): 31⁹ ≈ 2.6·10¹³. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 9;
/** Normalises what a person typed ("k7p 4qx-9mz") to the stored form, or null when it cannot be a code. */
export function normaliseJoinCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const c of code) if (!JOIN_CODE_ALPHABET.includes(c)) return null;
  return code;
}
/** "K7P4QX9MZ" → "K7P-4QX-9MZ", for reading aloud. */
export const formatJoinCode = (code: string): string => code.match(/.{1,3}/g)!.join('-');

/** The largest intent or presence message accepted, as JSON (a find-the-tells answer of 30 pins is ~3 kB). */
export const MAX_MESSAGE_BYTES = 8192;
/** The largest presence update accepted, as JSON: a head, two hands and a ray at full precision are ~800 bytes. */
export const MAX_PRESENCE_BYTES = 1024;
/** Presence: clients send at most this often; the server relays on a tick of PRESENCE_TICK_MS. */
export const PRESENCE_HZ = 20;
export const PRESENCE_TICK_MS = 50;
/** A dropped client's seat is held this long. */
export const RECONNECT_HOLD_S = 60;

const n = z.number().finite();
const Vec3 = z.tuple([n, n, n]);
const Quat = z.tuple([n, n, n, n]);
export const Pose = z.object({ p: Vec3, q: Quat });
export type Pose = z.infer<typeof Pose>;
export const Ray = z.object({ origin: Vec3, direction: Vec3 });
export type Ray = z.infer<typeof Ray>;

const base = { v: z.number().int(), seq: z.number().int().nonnegative() };
const productId = z.string().min(1).max(100);

/** What a client may ask for. Instructor intents are all but `answer` and `device`. */
export const Intent = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('phase'), to: Phase }),
  z.object({ ...base, type: z.literal('product'), productId, kind: DrillKind.optional() }),
  z.object({ ...base, type: z.literal('follow'), on: z.boolean() }),
  z.object({ ...base, type: z.literal('turn'), rotation: Quat }),
  z.object({ ...base, type: z.literal('spotlight'), tellId: z.string().min(1).max(100).nullable() }),
  z.object({ ...base, type: z.literal('mute-pointers'), on: z.boolean() }),
  z.object({ ...base, type: z.literal('remove'), participantId: z.string().min(1).max(100) }),
  z.object({ ...base, type: z.literal('answer'), round: z.number().int().positive(), answer: DrillAnswer }),
  z.object({ ...base, type: z.literal('device'), device: Device }),
]);
export type Intent = z.infer<typeof Intent>;
export type IntentType = Intent['type'];
/** An intent as a client builds it, before the version and sequence number are added. */
export type IntentBody = Intent extends infer I ? (I extends Intent ? Omit<I, 'v' | 'seq'> : never) : never;

export const TRAINEE_INTENTS: readonly IntentType[] = ['answer', 'device'];
export const INSTRUCTOR_INTENTS: readonly IntentType[] = ['phase', 'product', 'follow', 'turn', 'spotlight', 'mute-pointers', 'remove', 'device'];

/** What a client sends about itself, up to PRESENCE_HZ times a second, in the scene's frame (metres). */
export const PresenceUpdate = z.object({
  /** The sender's clock, ms: receivers on the same clock measure latency with it. */
  t: n,
  head: Pose.optional(),
  left: Pose.optional(),
  right: Pose.optional(),
  /** A desktop pointer or a controller's ray; null when not pointing. */
  ray: Ray.nullable().optional(),
});
export type PresenceUpdate = z.infer<typeof PresenceUpdate>;

/** One tick's relay: the latest presence of every participant who sent one since the last tick. */
export interface PresenceBatch {
  peers: (PresenceUpdate & { id: string })[];
}

export const REFUSAL_CODES = [
  'invalid_message',
  'unknown_type',
  'too_large',
  'client_too_old',
  'forbidden',
  'wrong_phase',
  'stale_round',
  'already_answered',
  'not_found',
  'rate_limited',
  'server_error',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  /** The refused intent's sequence number, where it could be read. */
  seq: number | null;
  code: RefusalCode;
  message: string;
}

export interface Ack {
  seq: number;
}

/** Sent to a client when it joins or rejoins: who it is and what it already answered. */
export interface Welcome {
  protocol: number;
  you: string;
  role: ParticipantRole;
  /** The answer this participant gave in the current round, if any. */
  answer: { round: number; answer: DrillAnswer } | null;
}

/** Sent privately to each trainee at the reveal (and on rejoin after it): their own marked answer. */
export interface RoundResult {
  round: number;
  result: DrillResult;
}

/** What the state's `reveal` field holds (JSON), set at the reveal and never before. */
export interface RoundReveal {
  revealed: RevealedItem[];
  tells: Tell[];
}

/** A refusal as thrown by the room's handlers. */
export class IntentRefused extends Error {
  override name = 'IntentRefused';
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** Reads one intent off the wire: too large, malformed, of an unknown type, or from an old client are refused. */
export function parseIntent(raw: unknown): Intent {
  let size: number;
  try {
    size = JSON.stringify(raw ?? null).length;
  } catch {
    throw new IntentRefused('invalid_message', 'the message is not plain data');
  }
  if (size > MAX_MESSAGE_BYTES) throw new IntentRefused('too_large', `the message is ${size} bytes; at most ${MAX_MESSAGE_BYTES}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new IntentRefused('invalid_message', 'the message must be an object');
  const { v, type } = raw as { v?: unknown; type?: unknown };
  if (typeof v === 'number' && v < LIVE_PROTOCOL_VERSION) {
    throw new IntentRefused('client_too_old', `this client speaks protocol ${v}; the server needs ${LIVE_PROTOCOL_VERSION}: reload the page`);
  }
  if (typeof type === 'string' && !Intent.options.some((o) => o.shape.type.value === type)) {
    throw new IntentRefused('unknown_type', `unknown intent type "${type.slice(0, 40)}"`);
  }
  const parsed = Intent.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IntentRefused('invalid_message', `${issue.path.join('.') || 'message'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Reads one presence update; null when it is malformed or too large (presence is dropped, not refused). */
export function parsePresence(raw: unknown): PresenceUpdate | null {
  try {
    if (JSON.stringify(raw ?? null).length > MAX_PRESENCE_BYTES) return null;
  } catch {
    return null;
  }
  const parsed = PresenceUpdate.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A roster entry as the leaderboard ranks it: most points first, then most right, then name. */
export interface Standing {
  id: string;
  name: string;
  points: number;
  correct: number;
  answered: number;
}
export function rankStandings<T extends Standing>(rows: T[]): T[] {
  return [...rows].sort((a, b) => b.points - a.points || b.correct - a.correct || a.name.localeCompare(b.name));
}

/** One participant as every client sees them (the room state's `participants` entries). */
export interface ParticipantView extends Standing {
  role: ParticipantRole;
  device: Device;
  connected: boolean;
  /** Whether they answered the current round (not what, nor whether it was right). */
  answeredRound: boolean;
}

/** The room's state as plain data (what `room.state.toJSON()` gives on either side). */
export interface LiveStateView {
  protocol: number;
  sessionId: string;
  code: string;
  title: string;
  phase: Phase;
  round: number;
  /** The drill kind and product of the current round (or of the next, in the lobby). */
  kind: DrillKind;
  productId: string;
  productName: string;
  /** JSON of the round's DrillQuestion (items with opaque model URLs); '' before the first round. */
  question: string;
  /** JSON of a RoundReveal; '' until the reveal. */
  reveal: string;
  follow: boolean;
  /** The models' shared rotation, a quaternion [x, y, z, w], applied while `follow` is on. */
  rotation: number[];
  /** A tell id the instructor spotlights for everyone ('' none); only after the reveal. */
  spotlight: string;
  pointersMuted: boolean;
  participants: Record<string, ParticipantView>;
}
