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
 * Pure TypeScript (browser-safe); the rules statements must keep are in ./xapi-rules.
 */
import type { AttemptRecord } from './attempt';
import type { DrillAnswer, DrillKind } from './drill';
import { uuidV5 } from './uuid-v5';
import { isUuid } from './xapi-rules';

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
