/** xAPI statements for an attempt follow the cmi5 verb order and the xAPI 1.0.3 rules, and name no email. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../src/domain/attempt';
import {
  extensionIri,
  isoDuration,
  REGISTRATION_NAMESPACE,
  statementsForAttempt,
  VERBS,
  type XapiStatement,
} from '../../../src/domain/xapi';
import { uuidV5 } from '../../../src/domain/uuid-v5';
import { validateStatement } from '../../../src/domain/xapi-rules';

const base = 'https://twinspect.example/xapi';
const ctx = { homePage: 'https://accounts.customs.example', accountName: 'officer-0042', activityBase: base };

function attempt(over: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id: 'drill_7f3a9c',
    userId: 'user_1',
    kind: 'find-the-tells',
    productId: 'watch-chrono',
    productName: 'Chronograph watch',
    catalogueVersion: 'sha256-abc123',
    issuedAt: '2025-03-01T10:00:00.000Z',
    answeredAt: '2025-03-01T10:00:12.500Z',
    correct: true,
    scaled: 0.75,
    passed: true,
    confidence: null,
    brier: null,
    tellsTotal: 4,
    tellsFound: 3,
    falseAlarms: 1,
    hintsUsed: 1,
    durationMs: 12_500,
    outcomes: [],
    ...over,
  };
}

const verbs = (list: XapiStatement[]) => list.map((s) => s.verb.id.split('/').pop());

describe('statementsForAttempt', () => {
  it('gives find-the-tells the full cmi5-style sequence, with interacted', () => {
    const list = statementsForAttempt(attempt(), ctx);
    expect(verbs(list)).toEqual(['initialized', 'experienced', 'interacted', 'answered', 'passed', 'completed', 'terminated']);
    const interacted = list[2]!;
    expect(interacted.result?.extensions).toMatchObject({ [extensionIri(base, 'pins')]: 4, [extensionIri(base, 'tells-found')]: 3 });
  });

  it('gives a failed verdict failed, and no interacted', () => {
    const list = statementsForAttempt(
      attempt({ kind: 'verdict', correct: false, passed: false, scaled: 0, confidence: 0.9, brier: 0.81 }),
      { ...ctx, answer: { kind: 'verdict', verdict: 'genuine', confidence: 0.9 } },
    );
    expect(verbs(list)).toEqual(['initialized', 'experienced', 'answered', 'failed', 'completed', 'terminated']);
    const answered = list[2]!;
    expect(answered.result).toMatchObject({ success: false, response: 'genuine', duration: 'PT12.5S' });
    expect(answered.result?.extensions).toMatchObject({
      [extensionIri(base, 'confidence')]: 0.9,
      [extensionIri(base, 'brier')]: 0.81,
      [extensionIri(base, 'catalogue-version')]: 'sha256-abc123',
    });
    expect(answered.object.definition.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
  });

  it('makes statements that are all valid, share one registration, and name the account, not an email', () => {
    for (const kind of ['find-the-tells', 'verdict', 'spot-the-fake'] as const) {
      const list = statementsForAttempt(attempt({ kind }), ctx);
      for (const s of list) expect(validateStatement(s), `${kind} ${s.verb.id}`).toEqual([]);
      expect(new Set(list.map((s) => s.id)).size).toBe(list.length);
      expect(new Set(list.map((s) => s.context.registration)).size).toBe(1);
      expect(list.every((s) => s.actor.account.name === 'officer-0042')).toBe(true);
      expect(JSON.stringify(list)).not.toContain('@');
      expect(list[0]!.object.id).toBe(`${base}/drills/${kind}/products/watch-chrono`);
      expect(list[0]!.object.definition.type).toBe('http://adlnet.gov/expapi/activities/assessment');
      for (const s of list) expect(Object.values(VERBS)).toContain(s.verb.id);
    }
  });

  it('scores passed/failed with scaled in [0, 1], also from an out-of-range attempt', () => {
    for (const scaled of [0, 0.333333333, 1, 1.2, -0.1]) {
      const list = statementsForAttempt(attempt({ scaled }), ctx);
      const score = list.find((s) => s.verb.id === VERBS.passed)!.result!.score!;
      expect(score.scaled).toBeGreaterThanOrEqual(0);
      expect(score.scaled).toBeLessThanOrEqual(1);
      expect(score).toMatchObject({ min: 0, max: 1, raw: score.scaled });
    }
  });

  it('stamps initialized at issue and the rest at answer time', () => {
    const list = statementsForAttempt(attempt(), ctx);
    expect(list[0]!.timestamp).toBe('2025-03-01T10:00:00.000Z');
    expect(list.at(-1)!.timestamp).toBe('2025-03-01T10:00:12.500Z');
  });

  it('derives the registration from the attempt id: a UUID as is, anything else as a stable UUIDv5', () => {
    const uuid = '0b7e4f1e-3c7a-4b8e-9d2f-6a1c2e3d4f50';
    expect(statementsForAttempt(attempt({ id: uuid }), ctx)[0]!.context.registration).toBe(uuid);
    const a = statementsForAttempt(attempt(), ctx)[0]!.context.registration;
    const b = statementsForAttempt(attempt(), ctx)[0]!.context.registration;
    expect(a).toBe(b);
    expect(a).toBe(uuidV5('drill_7f3a9c', REGISTRATION_NAMESPACE));
  });

  it('uses the given id function', () => {
    let n = 0;
    const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    expect(statementsForAttempt(attempt(), { ...ctx, newId }).map((s) => s.id.slice(-2))).toEqual(['01', '02', '03', '04', '05', '06', '07']);
  });
});

describe('uuidV5', () => {
  it('matches RFC 4122 (the DNS example) and a SHA-1 computed by node:crypto', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    const name = 'é'.repeat(100);
    const ns = REGISTRATION_NAMESPACE.replace(/-/g, '');
    const hex = createHash('sha1').update(Buffer.concat([Buffer.from(ns, 'hex'), Buffer.from(name)])).digest('hex');
    expect(uuidV5(name, REGISTRATION_NAMESPACE).replace(/-/g, '').slice(0, 12)).toBe(hex.slice(0, 12));
  });
});

describe('isoDuration', () => {
  it('writes seconds to the hundredth', () => {
    expect(isoDuration(12_500)).toBe('PT12.5S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(61_234)).toBe('PT61.23S');
  });
});

describe('validateStatement', () => {
  const valid = () => structuredClone(statementsForAttempt(attempt(), ctx).find((s) => s.verb.id === VERBS.passed)!) as unknown as Record<string, any>;

  it('accepts a valid statement', () => {
    expect(validateStatement(valid())).toEqual([]);
  });

  const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
    ['a missing actor', (s) => delete s.actor, /^actor: is required/],
    ['an Agent with two identifiers', (s) => (s.actor.mbox = 'mailto:someone@example.org'), /^actor: an Agent must have exactly one identifier/],
    ['an Agent with none', (s) => delete s.actor.account, /^actor: an Agent must have exactly one identifier/],
    ['an account homePage that is no IRL', (s) => (s.actor.account.homePage = 'urn:twinspect:accounts'), /^actor\.account\.homePage: must be an IRL/],
    ['a relative verb IRI', (s) => (s.verb.id = 'verbs/passed'), /^verb\.id: must be an absolute IRI/],
    ['a relative object IRI', (s) => (s.object.id = '/drills/x'), /^object\.id: must be an absolute IRI/],
    ['scaled 1.5', (s) => (s.result.score.scaled = 1.5), /^result\.score\.scaled: must be between -1 and 1/],
    ['raw above max', (s) => (s.result.score.raw = 2), /^result\.score\.raw: must be at most max/],
    ['raw below min', (s) => (s.result.score.raw = -1), /^result\.score\.raw: must be at least min/],
    ['min not below max', (s) => (s.result.score.min = 1), /^result\.score\.min: must be less than max/],
    ['a bad duration', (s) => (s.result.duration = '12.5 seconds'), /^result\.duration: must be an ISO 8601 duration/],
    ['an empty duration', (s) => (s.result.duration = 'PT'), /^result\.duration/],
    ['a bad registration', (s) => (s.context.registration = 'drill_7f3a9c'), /^context\.registration: must be a UUID/],
    ['a statement id that is no UUID', (s) => (s.id = 'abc'), /^id: must be a UUID/],
    ['a timestamp without a time zone', (s) => (s.timestamp = '2025-03-01T10:00:00'), /^timestamp: must be an ISO 8601/],
    ['an extension key that is no IRI', (s) => (s.result.extensions = { pins: 3 }), /^result\.extensions: key "pins" must be an absolute IRI/],
    ['an unknown property', (s) => (s.email = 'x'), /^email: is not a statement property/],
  ];
  it.each(cases)('catches %s', (_name, spoil, message) => {
    const s = valid();
    spoil(s);
    const errors = validateStatement(s);
    expect(errors.some((e) => message.test(e)), errors.join('\n')).toBe(true);
  });

  it('rejects what is not an object', () => {
    expect(validateStatement(null)).toEqual(['statement: must be a JSON object']);
    expect(validateStatement([])).toEqual(['statement: must be a JSON object']);
  });
});
