import { describe, expect, it } from 'vitest';
import {
  IntentRefused,
  LIVE_PROTOCOL_VERSION,
  MAX_MESSAGE_BYTES,
  MAX_PRESENCE_BYTES,
  formatJoinCode,
  normaliseJoinCode,
  parseIntent,
  parsePresence,
  rankStandings,
  type RefusalCode,
} from '../../../src/domain/live-protocol';

const v = LIVE_PROTOCOL_VERSION;

function refusalOf(raw: unknown): { code: RefusalCode; message: string } {
  try {
    parseIntent(raw);
  } catch (err) {
    if (err instanceof IntentRefused) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('not refused');
}

describe('join codes', () => {
  it('reads what a person typed, in any case and with separators, and refuses what cannot be a code', () => {
    expect(normaliseJoinCode('k7p-4qx 9mz')).toBe('K7P4QX9MZ');
    expect(normaliseJoinCode('K7P4QX9M')).toBeNull(); // too short
    expect(normaliseJoinCode('K7P4QX9M0')).toBeNull(); // 0 is not in the alphabet
    expect(formatJoinCode('K7P4QX9MZ')).toBe('K7P-4QX-9MZ');
  });
});

describe('parseIntent', () => {
  it('takes a well-formed intent', () => {
    expect(parseIntent({ v, seq: 3, type: 'phase', to: 'answer' })).toEqual({ v, seq: 3, type: 'phase', to: 'answer' });
  });

  it('refuses with a typed code that names what is wrong', () => {
    expect(refusalOf('hello').code).toBe('invalid_message');
    expect(refusalOf({ v, seq: 1, type: 'teleport' })).toEqual({ code: 'unknown_type', message: 'unknown intent type "teleport"' });
    expect(refusalOf({ v: 0, seq: 1, type: 'phase', to: 'answer' }).code).toBe('client_too_old');
    expect(refusalOf({ v, seq: 1, type: 'phase', to: 'party' })).toMatchObject({ code: 'invalid_message', message: expect.stringMatching(/^to: /) });
    expect(refusalOf({ v, seq: 1, type: 'answer', round: 1, answer: { kind: 'verdict', verdict: 'genuine', confidence: 2 } })).toMatchObject({
      code: 'invalid_message',
      message: expect.stringMatching(/^answer\.confidence: must be at most 1/),
    });
    expect(refusalOf({ v, seq: 1, type: 'device', device: 'x'.repeat(MAX_MESSAGE_BYTES) }).code).toBe('too_large');
  });
});

describe('parsePresence', () => {
  it('keeps a pose and drops what is malformed or too large', () => {
    const head = { p: [0, 1.6, 0.4], q: [0, 0, 0, 1] };
    expect(parsePresence({ t: 1, head })).toEqual({ t: 1, head });
    expect(parsePresence({ t: 1, head: { p: [0, Number.NaN, 0], q: [0, 0, 0, 1] } })).toBeNull();
    expect(parsePresence({ t: 1, junk: 'x'.repeat(MAX_MESSAGE_BYTES) })).toBeNull();
  });

  it('takes the largest real update (head, hands and ray at full precision) and drops one padded past MAX_PRESENCE_BYTES', () => {
    const v = -0.12345678901234568;
    const pose = { p: [v, v, v], q: [v, v, v, v] };
    const full = { t: 1_751_700_000_000.123, head: pose, left: pose, right: pose, ray: { origin: [v, v, v], direction: [v, v, v] } };
    expect(JSON.stringify(full).length).toBeLessThan(MAX_PRESENCE_BYTES);
    expect(parsePresence(full)).toEqual(full);
    // Unknown fields are stripped when taken, so an update padded with them would be relayed small: the size is checked first.
    expect(parsePresence({ t: 1, head: pose, junk: 'x'.repeat(MAX_PRESENCE_BYTES) })).toBeNull();
  });
});

describe('rankStandings', () => {
  it('ranks by points, then right calls, then name', () => {
    const row = (name: string, points: number, correct: number) => ({ id: name, name, points, correct, answered: 2 });
    expect(rankStandings([row('Bo', 100, 1), row('Al', 100, 1), row('Cy', 100, 2), row('Di', 150, 1)]).map((r) => r.name)).toEqual(['Di', 'Cy', 'Al', 'Bo']);
  });
});
