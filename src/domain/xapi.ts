/**
 * xAPI (Experience API 1.0.3) statements for one answered drill, in the order a cmi5 session reads:
 * initialized, experienced, (interacted), answered, passed|failed, completed, terminated.
 *
 * Why cmi5-style and not cmi5: the verbs and their meaning follow cmi5 so an agency's LRS reports read
 * naturally, but Twinspect is not launched by an LMS, so the statements carry no cmi5 context category
 * (claiming it would make a cmi5-aware LRS enforce launch rules we cannot meet).
 *
 * People are named only by the account id their agency chose (users.account_name), never by email:
 * statements leave the building and must not carry personal contact data.
 *
 * Pure TypeScript (browser-safe): the UUIDv5 below uses a small SHA-1 of its own so it stays synchronous.
 */
import type { AttemptRecord } from './attempt';
import type { DrillAnswer, DrillKind } from './drill';

export type LanguageMap = Record<string, string>;

export interface XapiAgent {
  objectType: 'Agent';
  account: { homePage: string; name: string };
}

export interface XapiVerb {
  id: string;
  display: LanguageMap;
}

export interface XapiActivityDefinition {
  name: LanguageMap;
  description?: LanguageMap;
  type: string;
  interactionType?: 'choice' | 'other';
  choices?: { id: string; description: LanguageMap }[];
  extensions?: Record<string, unknown>;
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition: XapiActivityDefinition;
}

export interface XapiResult {
  score?: { scaled: number; raw?: number; min?: number; max?: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface XapiContext {
  registration: string;
  contextActivities: { parent?: XapiActivity[]; grouping?: XapiActivity[]; category?: XapiActivity[] };
  revision?: string;
  platform: string;
  language: string;
  extensions?: Record<string, unknown>;
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: XapiVerb;
  object: XapiActivity;
  result?: XapiResult;
  context: XapiContext;
  timestamp: string;
}

/** ADL verbs, as cmi5 uses them. */
export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  interacted: 'http://adlnet.gov/expapi/verbs/interacted',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  media: 'http://adlnet.gov/expapi/activities/media',
  product: 'http://activitystrea.ms/schema/1.0/product',
} as const;

/** Extension keys are IRIs under the deployment's activity base (`<base>/extensions/<name>`). */
export const EXTENSION_NAMES = [
  'drill-id',
  'confidence',
  'brier',
  'tells-found',
  'tells-total',
  'false-alarms',
  'hints-used',
  'catalogue-version',
  'pins',
] as const;
export type ExtensionName = (typeof EXTENSION_NAMES)[number];

export function extensionIri(activityBase: string, name: ExtensionName): string {
  return `${trimSlash(activityBase)}/extensions/${name}`;
}

export interface StatementContext {
  /** The agency's account system (an IRL), xAPI actor.account.homePage. */
  homePage: string;
  /** The person's agency-chosen account id (users.account_name): never an email. */
  accountName: string;
  /** Activity ids live under it, e.g. https://twinspect.example/xapi. */
  activityBase: string;
  /** A fresh statement id each call; crypto.randomUUID by default. */
  newId?: () => string;
  /** The trainee's answer, when known: gives `answered` its response (A/B, genuine/counterfeit, pin count). */
  answer?: DrillAnswer;
}

const KIND_TITLES: Record<DrillKind, string> = {
  'spot-the-fake': 'Spot the fake',
  'find-the-tells': 'Find the tells',
  verdict: 'Verdict',
};

/** An arbitrary fixed namespace for Twinspect's name-based (v5) registration UUIDs. */
export const REGISTRATION_NAMESPACE = '5d0e3b8a-7f0c-4d1e-9a3b-2c6f4e8d1a70';

/** The statements for one attempt, in session order. Every statement is valid per validateStatement. */
export function statementsForAttempt(attempt: AttemptRecord, ctx: StatementContext): XapiStatement[] {
  const newId = ctx.newId ?? (() => globalThis.crypto.randomUUID());
  const base = trimSlash(ctx.activityBase);
  const ext = (name: ExtensionName) => extensionIri(base, name);
  const title = `${KIND_TITLES[attempt.kind]}: ${attempt.productName}`;

  const drill: XapiActivity = {
    objectType: 'Activity',
    id: `${base}/drills/${attempt.kind}/products/${encodeURIComponent(attempt.productId)}`,
    definition: { name: { 'en-US': title }, type: ACTIVITY_TYPES.assessment },
  };
  const product: XapiActivity = {
    objectType: 'Activity',
    id: `${base}/products/${encodeURIComponent(attempt.productId)}`,
    definition: { name: { 'en-US': attempt.productName }, type: ACTIVITY_TYPES.product },
  };
  const actor: XapiAgent = { objectType: 'Agent', account: { homePage: ctx.homePage, name: ctx.accountName } };
  const registration = isUuid(attempt.id) ? attempt.id.toLowerCase() : uuidV5(attempt.id, REGISTRATION_NAMESPACE);
  const issuedAt = isoTime(attempt.issuedAt);
  const answeredAt = isoTime(attempt.answeredAt);
  const duration = isoDuration(attempt.durationMs);
  const scaled = clamp01(round(attempt.scaled, 4));

  const make = (verb: VerbName, object: XapiActivity, timestamp: string, result?: XapiResult): XapiStatement => ({
    id: newId(),
    actor,
    verb: { id: VERBS[verb], display: { 'en-US': verb } },
    object,
    ...(result ? { result } : {}),
    context: {
      registration,
      contextActivities: object === drill ? { grouping: [product] } : { parent: [drill], grouping: [product] },
      revision: attempt.catalogueVersion,
      platform: 'Twinspect',
      language: 'en-US',
      extensions: { [ext('drill-id')]: attempt.id },
    },
    timestamp,
  });

  const sub = (suffix: string, name: string, type: string, more: Partial<XapiActivityDefinition> = {}): XapiActivity => ({
    objectType: 'Activity',
    id: `${drill.id}/${suffix}`,
    definition: { name: { 'en-US': `${name}: ${attempt.productName}` }, type, ...more },
  });

  const pins =
    ctx.answer?.kind === 'find-the-tells' ? ctx.answer.pins.length : attempt.tellsFound + attempt.falseAlarms;
  const counts = {
    [ext('tells-found')]: attempt.tellsFound,
    [ext('tells-total')]: attempt.tellsTotal,
    [ext('false-alarms')]: attempt.falseAlarms,
  };

  const statements: XapiStatement[] = [
    make('initialized', drill, issuedAt),
    make('experienced', sub('models', '3D models', ACTIVITY_TYPES.media), issuedAt),
  ];
  if (attempt.kind === 'find-the-tells') {
    statements.push(
      make('interacted', sub('pins', 'Pins on the suspect', ACTIVITY_TYPES.interaction, { interactionType: 'other' }), answeredAt, {
        extensions: { [ext('pins')]: pins, ...counts },
      }),
    );
  }
  const response = responseOf(attempt, ctx.answer, pins);
  statements.push(
    make('answered', sub('question', 'Question', ACTIVITY_TYPES.interaction, questionDefinition(attempt.kind)), answeredAt, {
      success: attempt.correct,
      ...(response !== undefined ? { response } : {}),
      duration,
      extensions: {
        ...(attempt.confidence !== null ? { [ext('confidence')]: attempt.confidence } : {}),
        ...(attempt.brier !== null ? { [ext('brier')]: attempt.brier } : {}),
        ...counts,
        [ext('hints-used')]: attempt.hintsUsed,
        [ext('catalogue-version')]: attempt.catalogueVersion,
      },
    }),
    make(attempt.passed ? 'passed' : 'failed', drill, answeredAt, {
      score: { scaled, raw: scaled, min: 0, max: 1 },
      success: attempt.passed,
      duration,
    }),
    make('completed', drill, answeredAt, { completion: true, duration }),
    make('terminated', drill, answeredAt, { duration }),
  );
  return statements;
}

function questionDefinition(kind: DrillKind): Partial<XapiActivityDefinition> {
  const choice = (ids: [string, string][]) => ({
    interactionType: 'choice' as const,
    choices: ids.map(([id, text]) => ({ id, description: { 'en-US': text } })),
  });
  if (kind === 'spot-the-fake') return choice([['A', 'Item A is the counterfeit'], ['B', 'Item B is the counterfeit']]);
  if (kind === 'verdict') return choice([['genuine', 'Genuine'], ['counterfeit', 'Counterfeit']]);
  return { interactionType: 'other' };
}

function responseOf(attempt: AttemptRecord, answer: DrillAnswer | undefined, pins: number): string | undefined {
  if (attempt.kind === 'find-the-tells') return `pins=${pins};found=${attempt.tellsFound}/${attempt.tellsTotal};false-alarms=${attempt.falseAlarms}`;
  if (answer?.kind === 'spot-the-fake') return answer.counterfeit;
  if (answer?.kind === 'verdict') return answer.verdict;
  return undefined;
}

/** ISO 8601 duration in seconds to the hundredth (what an LRS keeps), e.g. 12500 ms → PT12.5S. */
export function isoDuration(ms: number): string {
  const seconds = Math.round(Math.max(0, Number.isFinite(ms) ? ms : 0) / 10) / 100;
  return `PT${seconds}S`;
}

function isoTime(value: string): string {
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString();
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

// ---------------------------------------------------------------------------------------------------
// Name-based UUIDs (RFC 4122 v5): the same attempt always gets the same registration, on any server.

/** UUID version 5 of `name` (UTF-8) in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const ns = namespace.replace(/-/g, '');
  const nsBytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) nsBytes[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(nsBytes);
  input.set(nameBytes, 16);
  const hash = sha1(input).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function sha1(bytes: Uint8Array): Uint8Array {
  const padded = new Uint8Array(((bytes.length + 8) >> 6) * 64 + 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = bytes.length * 8;
  view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(padded.length - 4, bits >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (rotl(a, 5) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30) >>> 0;
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setUint32(i * 4, v));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Validation: the xAPI 1.0.3 statement rules an LRS enforces (the parts Twinspect's statements touch,
// plus the common ones), each reported with its JSON path. Used by tests and by the LRS stand-in.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const DURATION =
  /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const LANGUAGE_TAG = /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i;
const STATEMENT_KEYS = new Set(['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIri = (v: unknown): v is string => typeof v === 'string' && IRI.test(v);
function isIrl(v: unknown): boolean {
  if (typeof v !== 'string' || !/^https?:\/\//i.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

/** The rule violations of a statement, each as "path: what is wrong"; empty when it is valid. */
export function validateStatement(s: unknown): string[] {
  const errors: string[] = [];
  const err = (path: string, message: string) => errors.push(`${path}: ${message}`);
  if (!isObj(s)) return ['statement: must be a JSON object'];

  for (const key of Object.keys(s)) if (!STATEMENT_KEYS.has(key)) err(key, 'is not a statement property');
  // Optional in xAPI, but Twinspect's outbox and idempotent resends depend on it.
  if (!isUuid(s.id)) err('id', `must be a UUID, got ${show(s.id)}`);
  if (s.actor === undefined) err('actor', 'is required');
  else checkActor(s.actor, 'actor', err);
  checkVerb(s.verb, err);
  checkObject(s.object, err);
  if (s.result !== undefined) checkResult(s.result, err);
  if (s.context !== undefined) checkContext(s.context, s.object, err);
  if (s.timestamp !== undefined) checkTimestamp(s.timestamp, 'timestamp', err);
  if (s.stored !== undefined) checkTimestamp(s.stored, 'stored', err);
  if (s.authority !== undefined) checkActor(s.authority, 'authority', err);
  return errors;
}

type Err = (path: string, message: string) => void;

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function checkActor(actor: unknown, path: string, err: Err): void {
  if (!isObj(actor)) return err(path, 'must be an Agent or Group object');
  const type = actor.objectType ?? 'Agent';
  if (type !== 'Agent' && type !== 'Group') return err(`${path}.objectType`, `must be "Agent" or "Group", got ${show(type)}`);
  const ifis = IFIS.filter((k) => actor[k] !== undefined);
  if (type === 'Agent' && ifis.length !== 1) {
    err(path, `an Agent must have exactly one identifier (mbox, mbox_sha1sum, openid, account), has ${ifis.length}`);
  }
  if (type === 'Group') {
    if (ifis.length > 1) err(path, `a Group has at most one identifier, has ${ifis.length}`);
    if (ifis.length === 0 && (!Array.isArray(actor.member) || actor.member.length === 0)) {
      err(`${path}.member`, 'an anonymous Group must list its members');
    }
    if (Array.isArray(actor.member)) {
      actor.member.forEach((m, i) => {
        if (isObj(m) && m.objectType === 'Group') err(`${path}.member[${i}]`, 'must be an Agent, not a Group');
        else checkActor(m, `${path}.member[${i}]`, err);
      });
    }
  }
  if (actor.name !== undefined && typeof actor.name !== 'string') err(`${path}.name`, 'must be a string');
  if (actor.mbox !== undefined && !(typeof actor.mbox === 'string' && /^mailto:[^@\s]+@[^@\s]+$/.test(actor.mbox))) {
    err(`${path}.mbox`, 'must be a mailto: IRI');
  }
  if (actor.mbox_sha1sum !== undefined && !(typeof actor.mbox_sha1sum === 'string' && /^[0-9a-f]{40}$/i.test(actor.mbox_sha1sum))) {
    err(`${path}.mbox_sha1sum`, 'must be 40 hex digits');
  }
  if (actor.openid !== undefined && !isIri(actor.openid)) err(`${path}.openid`, 'must be an absolute URI');
  if (actor.account !== undefined) {
    const account = actor.account;
    if (!isObj(account)) err(`${path}.account`, 'must be an object with homePage and name');
    else {
      if (!isIrl(account.homePage)) err(`${path}.account.homePage`, `must be an IRL (absolute http(s) URL), got ${show(account.homePage)}`);
      if (typeof account.name !== 'string' || account.name === '') err(`${path}.account.name`, 'must be a non-empty string');
    }
  }
}

function checkLanguageMap(v: unknown, path: string, err: Err): void {
  if (!isObj(v)) return err(path, 'must be a language map');
  for (const [tag, text] of Object.entries(v)) {
    if (!LANGUAGE_TAG.test(tag)) err(`${path}.${tag}`, 'is not a language tag');
    if (typeof text !== 'string') err(`${path}.${tag}`, 'must be a string');
  }
}

function checkExtensions(v: unknown, path: string, err: Err): void {
  if (!isObj(v)) return err(path, 'must be an object');
  for (const key of Object.keys(v)) if (!isIri(key)) err(`${path}`, `key ${show(key)} must be an absolute IRI`);
}

function checkVerb(verb: unknown, err: Err): void {
  if (!isObj(verb)) return err('verb', 'is required (an object with an id IRI)');
  if (!isIri(verb.id)) err('verb.id', `must be an absolute IRI, got ${show(verb.id)}`);
  if (verb.display !== undefined) checkLanguageMap(verb.display, 'verb.display', err);
}

function checkActivity(activity: unknown, path: string, err: Err): void {
  if (!isObj(activity)) return err(path, 'must be an Activity object');
  if (activity.objectType !== undefined && activity.objectType !== 'Activity') err(`${path}.objectType`, 'must be "Activity"');
  if (!isIri(activity.id)) err(`${path}.id`, `must be an absolute IRI, got ${show(activity.id)}`);
  const def = activity.definition;
  if (def === undefined) return;
  if (!isObj(def)) return err(`${path}.definition`, 'must be an object');
  if (def.name !== undefined) checkLanguageMap(def.name, `${path}.definition.name`, err);
  if (def.description !== undefined) checkLanguageMap(def.description, `${path}.definition.description`, err);
  if (def.type !== undefined && !isIri(def.type)) err(`${path}.definition.type`, `must be an absolute IRI, got ${show(def.type)}`);
  if (def.moreInfo !== undefined && !isIrl(def.moreInfo)) err(`${path}.definition.moreInfo`, 'must be an IRL');
  if (def.extensions !== undefined) checkExtensions(def.extensions, `${path}.definition.extensions`, err);
}

function checkObject(object: unknown, err: Err): void {
  if (!isObj(object)) return err('object', 'is required');
  const type = object.objectType ?? 'Activity';
  if (type === 'Activity') checkActivity(object, 'object', err);
  else if (type === 'Agent' || type === 'Group') checkActor(object, 'object', err);
  else if (type === 'StatementRef') {
    if (!isUuid(object.id)) err('object.id', 'a StatementRef must name a statement by UUID');
  } else if (type === 'SubStatement') {
    for (const key of ['actor', 'verb', 'object'] as const) if (object[key] === undefined) err(`object.${key}`, 'is required in a SubStatement');
  } else err('object.objectType', `must be Activity, Agent, Group, StatementRef or SubStatement, got ${show(type)}`);
}

function checkResult(result: unknown, err: Err): void {
  if (!isObj(result)) return err('result', 'must be an object');
  const score = result.score;
  if (score !== undefined) {
    if (!isObj(score)) err('result.score', 'must be an object');
    else {
      const { scaled, raw, min, max } = score;
      for (const [k, v] of Object.entries({ scaled, raw, min, max })) {
        if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) err(`result.score.${k}`, 'must be a number');
      }
      const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
      if (num(scaled) && (scaled < -1 || scaled > 1)) err('result.score.scaled', `must be between -1 and 1, got ${scaled}`);
      // xAPI 1.0.3: min is "less than max".
      if (num(min) && num(max) && min >= max) err('result.score.min', `must be less than max (${max}), got ${min}`);
      if (num(raw) && num(min) && raw < min) err('result.score.raw', `must be at least min (${min}), got ${raw}`);
      if (num(raw) && num(max) && raw > max) err('result.score.raw', `must be at most max (${max}), got ${raw}`);
    }
  }
  for (const key of ['success', 'completion'] as const) {
    if (result[key] !== undefined && typeof result[key] !== 'boolean') err(`result.${key}`, 'must be true or false');
  }
  if (result.response !== undefined && typeof result.response !== 'string') err('result.response', 'must be a string');
  if (result.duration !== undefined && !(typeof result.duration === 'string' && DURATION.test(result.duration))) {
    err('result.duration', `must be an ISO 8601 duration like PT12.5S, got ${show(result.duration)}`);
  }
  if (result.extensions !== undefined) checkExtensions(result.extensions, 'result.extensions', err);
}

function checkContext(context: unknown, object: unknown, err: Err): void {
  if (!isObj(context)) return err('context', 'must be an object');
  if (context.registration !== undefined && !isUuid(context.registration)) {
    err('context.registration', `must be a UUID, got ${show(context.registration)}`);
  }
  const activities = context.contextActivities;
  if (activities !== undefined) {
    if (!isObj(activities)) err('context.contextActivities', 'must be an object');
    else {
      for (const [key, value] of Object.entries(activities)) {
        const path = `context.contextActivities.${key}`;
        if (!['parent', 'grouping', 'category', 'other'].includes(key)) err(path, 'must be parent, grouping, category or other');
        if (Array.isArray(value)) value.forEach((a, i) => checkActivity(a, `${path}[${i}]`, err));
        else checkActivity(value, path, err);
      }
    }
  }
  if (context.instructor !== undefined) checkActor(context.instructor, 'context.instructor', err);
  if (context.team !== undefined) {
    if (!isObj(context.team) || context.team.objectType !== 'Group') err('context.team', 'must be a Group');
    else checkActor(context.team, 'context.team', err);
  }
  const isActivity = isObj(object) && (object.objectType ?? 'Activity') === 'Activity';
  for (const key of ['revision', 'platform'] as const) {
    if (context[key] === undefined) continue;
    if (typeof context[key] !== 'string') err(`context.${key}`, 'must be a string');
    if (!isActivity) err(`context.${key}`, 'is only allowed when the object is an Activity');
  }
  if (context.language !== undefined && !(typeof context.language === 'string' && LANGUAGE_TAG.test(context.language))) {
    err('context.language', 'must be a language tag like en-US');
  }
  if (context.statement !== undefined) {
    if (!isObj(context.statement) || context.statement.objectType !== 'StatementRef' || !isUuid(context.statement.id)) {
      err('context.statement', 'must be a StatementRef with a UUID id');
    }
  }
  if (context.extensions !== undefined) checkExtensions(context.extensions, 'context.extensions', err);
}

function checkTimestamp(v: unknown, path: string, err: Err): void {
  if (typeof v !== 'string' || !TIMESTAMP.test(v) || Number.isNaN(Date.parse(v))) {
    return err(path, `must be an ISO 8601 date and time with a time zone, got ${show(v)}`);
  }
  if (/-00(:?00)?$/.test(v)) err(path, 'must not use the offset -00:00');
}
