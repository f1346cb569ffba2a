/**
 * fast-check arbitraries of what a careless or hostile client sends to a live room that is in round 2's
 * answer phase, with "Follow me" off: each probe says who sends it, how, and which refusal it must get.
 * None of them may change the session. Rooms are set up by the property test (live-property.test.ts).
 */
import fc from 'fast-check';
import { DrillKind } from '../../../src/domain/drill';
import { LIVE_PROTOCOL_VERSION, MAX_MESSAGE_BYTES, MSG, PHASE_MOVES, PHASES, type IntentType, type RefusalCode } from '../../../src/domain/live-protocol';

/** Who sends: the instructor, a trainee who has not answered round 2, and one who has. */
export type Sender = 'ines' | 'tess' | 'tom';

export type Wire =
  /** room.send(type, body): msgpack on Colyseus' ROOM_DATA. */
  | { how: 'message'; type: string | number; body: unknown }
  /** room.sendBytes(type, bytes): ROOM_DATA_BYTES, the body reaches the handler as a Buffer. */
  | { how: 'bytes'; type: string; bytes: Uint8Array }
  /** A WebSocket frame whose first byte is no Colyseus code the room acts on. */
  | { how: 'frame'; bytes: Uint8Array };

export interface Probe {
  by: Sender;
  wire: Wire;
  /** The refusal code it must get; 'any' (one refusal, any code); 'none' (dropped without a reply). */
  expect: RefusalCode | 'any' | 'none';
  label: string;
}

/** The round the room is in when the probes arrive. */
export const CURRENT_ROUND = 2;
const INTENT_TYPES: IntentType[] = ['phase', 'product', 'follow', 'turn', 'spotlight', 'mute-pointers', 'remove', 'answer', 'device'];

const intent = (body: Record<string, unknown>): Wire => ({ how: 'message', type: MSG.intent, body: { v: LIVE_PROTOCOL_VERSION, ...body } });
/** A probe prints as its sender and label in a counterexample (its body can be 40 kB). */
const probe = (by: Sender, expect: Probe['expect'], label: string) => (wire: Wire): Probe & { [fc.toStringMethod]: () => string } => ({
  by,
  wire,
  expect,
  label,
  [fc.toStringMethod]: () => `${by}: ${label} (${expect})`,
});

const finite = fc.double({ min: -10, max: 10, noNaN: true });
const quat = fc.tuple(finite, finite, finite, finite);
const spotTheFake = fc.record({ kind: fc.constant('spot-the-fake'), counterfeit: fc.constantFrom('A', 'B'), confidence: fc.double({ min: 0.5, max: 1, noNaN: true }) });
const productId = fc.constantFrom('test-tote', 'test-watch', 'no-such-product');

/** Intents only the instructor may send, each well formed. */
const instructorIntent = fc.oneof(
  fc.record({ type: fc.constant('phase'), to: fc.constantFrom(...PHASES) }),
  fc.record({ type: fc.constant('product'), productId, kind: fc.constantFrom(...DrillKind.options) }),
  fc.record({ type: fc.constant('follow'), on: fc.boolean() }),
  fc.record({ type: fc.constant('turn'), rotation: quat }),
  fc.record({ type: fc.constant('spotlight'), tellId: fc.option(fc.constantFrom('logo-font', 'side-colour'), { nil: null }) }),
  fc.record({ type: fc.constant('mute-pointers'), on: fc.boolean() }),
  fc.record({ type: fc.constant('remove'), participantId: fc.uuid() }),
);

/** Random values of every shape msgpack carries: nested objects, arrays, odd numbers, dates, bytes. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withBigInt: false, withBoxedValues: false, withMap: false, withSet: false, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: false }),
  fc.constantFrom(Number.NaN, Infinity, -0, '', [], {}),
);

/** One field of a trainee's answer replaced by a value of the wrong type. */
const wrongTyped = fc
  .tuple(
    fc.constantFrom('round', 'answer', 'type', 'seq', 'v'),
    fc.oneof(fc.string({ maxLength: 8 }).map((s) => `x${s}`), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 })),
  )
  .map(([field, value]) => ({ field, value }));

const huge = fc.integer({ min: MAX_MESSAGE_BYTES + 1, max: 40_000 }).map((n) => 'x'.repeat(n));

/** Everything the property throws at the room. */
export const badProbe: fc.Arbitrary<Probe> = fc.oneof(
  // Random data as an intent, from a trainee.
  anyValue.map((body) => probe('tess', 'any', 'random data as an intent')({ how: 'message', type: MSG.intent, body })),
  // A well-formed answer with one field of the wrong type.
  fc.tuple(wrongTyped, spotTheFake).map(([{ field, value }, answer]) =>
    probe('tess', field === 'type' ? 'any' : 'invalid_message', `answer with ${field} of the wrong type`)(intent({ type: 'answer', round: CURRENT_ROUND, answer, [field]: value })),
  ),
  // Older protocol versions.
  fc.tuple(fc.oneof(fc.integer({ min: -5, max: LIVE_PROTOCOL_VERSION - 1 }), fc.constant(0.5)), instructorIntent).map(([v, body]) =>
    probe('ines', 'client_too_old', `protocol ${v}`)({ how: 'message', type: MSG.intent, body: { ...body, v } }),
  ),
  // Over MAX_MESSAGE_BYTES (and under the transport's frame limit, which closes the socket).
  fc.tuple(huge, fc.constantFrom<Sender>('ines', 'tess')).map(([text, by]) => probe(by, 'too_large', `${text.length} characters`)(intent({ type: 'product', productId: text }))),
  huge.map((text) => probe('tess', 'none', 'oversized presence')({ how: 'message', type: MSG.presence, body: { t: 1, junk: text } })),
  // Intent types the protocol does not know.
  fc.string({ minLength: 1, maxLength: 30 }).filter((t) => !(INTENT_TYPES as string[]).includes(t)).map((type) => probe('tess', 'unknown_type', `intent type "${type}"`)(intent({ type }))),
  // Message types the room does not know, Colyseus' and JavaScript's special names among them.
  fc
    .tuple(fc.oneof(fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 1e6 }), fc.constantFrom('*', '__no_message_handler', 'constructor', 'toString', '__proto__', 'ack', 'welcome')), anyValue)
    .filter(([type]) => type !== MSG.intent && type !== MSG.presence)
    .map(([type, body]) => probe('tess', 'unknown_type', `message type ${JSON.stringify(type)}`)({ how: 'message', type, body })),
  // Instructor intents from a trainee; an answer from the instructor.
  instructorIntent.map((body) => probe('tess', 'forbidden', `trainee sends "${body.type}"`)(intent(body))),
  spotTheFake.map((answer) => probe('ines', 'forbidden', 'instructor answers')(intent({ type: 'answer', round: CURRENT_ROUND, answer }))),
  // Answers for another round; a second answer to this one.
  fc.tuple(fc.oneof(fc.constant(1), fc.integer({ min: CURRENT_ROUND + 1, max: 1000 })), spotTheFake).map(([round, answer]) =>
    probe('tess', 'stale_round', `answer for round ${round}`)(intent({ type: 'answer', round, answer })),
  ),
  spotTheFake.map((answer) => probe('tom', 'already_answered', 'a second answer')(intent({ type: 'answer', round: CURRENT_ROUND, answer }))),
  // The instructor out of order: phase moves not allowed from "answer", and what this phase forbids.
  fc.constantFrom(...PHASES.filter((p) => !PHASE_MOVES.answer.includes(p))).map((to) => probe('ines', 'wrong_phase', `answer → ${to}`)(intent({ type: 'phase', to }))),
  productId.map((id) => probe('ines', 'wrong_phase', 'product while answering')(intent({ type: 'product', productId: id }))),
  quat.map((rotation) => probe('ines', 'wrong_phase', 'turn without "Follow me"')(intent({ type: 'turn', rotation }))),
  fc.constantFrom('logo-font', null).map((tellId) => probe('ines', 'wrong_phase', 'spotlight before the reveal')(intent({ type: 'spotlight', tellId }))),
  fc.uuid().map((participantId) => probe('ines', 'not_found', 'remove a stranger')(intent({ type: 'remove', participantId }))),
  // Binary payloads.
  fc.tuple(fc.constantFrom(MSG.intent, MSG.presence, 'binary'), fc.uint8Array({ maxLength: 2000 })).map(([type, bytes]) =>
    probe('tess', type === MSG.presence ? 'none' : 'any', `${bytes.length} bytes as "${type}"`)({ how: 'bytes', type, bytes }),
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 255 }).filter((b) => ![10, 12, 13, 17].includes(b)), fc.uint8Array({ maxLength: 200 }))
    .map(([first, rest]) => probe('tess', 'none', `a frame starting ${first}`)({ how: 'frame', bytes: Uint8Array.of(first, ...rest) })),
  // Presence: malformed is dropped, well formed is relayed; neither is state.
  anyValue.map((body) => probe('tess', 'none', 'random presence')({ how: 'message', type: MSG.presence, body })),
  fc.tuple(fc.integer(), quat).map(([t, q]) => probe('tom', 'none', 'presence')({ how: 'message', type: MSG.presence, body: { t, head: { p: [0, 1.6, 0], q } } })),
);
