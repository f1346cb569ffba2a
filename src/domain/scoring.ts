/**
 * Scoring: how one answer to a drill is marked. Pure, so the server, a guest's sealed drill and the
 * tests all mark an answer the same way.
 */
import type { TellCategory } from './catalogue';
import type { Box3Like, DrillAnswer, DrillKey, DrillKind, DrillScore, KeyTell, Pin, PinMatch } from './drill';

/** Each hint costs this much of a spot-the-fake or verdict score: a hinted call is worth less. */
const HINT_PENALTY_CALL = 0.15;
/** Each hint costs this much of a find-the-tells score (taken off the F1). */
const HINT_PENALTY_TELLS = 0.1;
/** The F1 a find-the-tells answer needs to pass. */
const TELLS_PASS_MARK = 0.6;

export interface ScoreInput {
  kind: DrillKind;
  key: DrillKey;
  answer: DrillAnswer;
  /** The counterfeit's tells; [] for a genuine verdict. */
  tells: KeyTell[];
  hintsUsed: number;
  durationMs: number;
}

type Outcome = DrillScore['outcomes'][number];

/**
 * Brier score of a stated confidence c, the probability the trainee gave that their call is right:
 * (c − outcome)². 0 is a sure call that was right, 1 a sure call that was wrong; it rewards officers
 * who know when they are unsure.
 */
export function brierScore(confidence: number, correct: boolean): number {
  const outcome = correct ? 1 : 0;
  return (confidence - outcome) ** 2;
}

function distance(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Distance from `p` to the box (0 inside it). */
function boxDistance(p: readonly [number, number, number], box: Box3Like): number {
  const out = [0, 1, 2].map((k) => Math.max(box.min[k]! - p[k]!, 0, p[k]! - box.max[k]!));
  return Math.hypot(out[0]!, out[1]!, out[2]!);
}

/** How far a pin is from a tell: from its point, or from its part where the tell is the whole part. */
export function distanceToTell(p: readonly [number, number, number], tell: KeyTell): number {
  const d = distance(p, tell.at.position);
  return tell.wholePart && tell.partBox ? Math.min(d, boxDistance(p, tell.partBox)) : d;
}

/**
 * Matches pins to tells one-to-one, greedily by distance: of all (pin, tell) pairs within the tell's
 * tolerance, the closest pairs are taken first (ties: lower pin index, then tell order) as long as
 * neither side is already taken. So scattering pins around one tell finds it once and the rest are
 * false alarms, and a pin between two tells goes to the nearer one, leaving the other to another pin.
 */
export function matchPins(pins: Pin[], tells: KeyTell[]): { matches: PinMatch[]; found: Set<string> } {
  const pairs: { pin: number; tell: number; d: number }[] = [];
  pins.forEach((pin, pi) => {
    tells.forEach((tell, ti) => {
      const d = distanceToTell(pin.position, tell);
      if (d <= tell.tolerance) pairs.push({ pin: pi, tell: ti, d });
    });
  });
  pairs.sort((a, b) => a.d - b.d || a.pin - b.pin || a.tell - b.tell);

  const tellOfPin = new Map<number, number>();
  const takenTells = new Set<number>();
  for (const pair of pairs) {
    if (tellOfPin.has(pair.pin) || takenTells.has(pair.tell)) continue;
    tellOfPin.set(pair.pin, pair.tell);
    takenTells.add(pair.tell);
  }

  const matches: PinMatch[] = pins.map((pin, pi) => {
    const ti = tellOfPin.get(pi);
    const matched = ti === undefined ? undefined : tells[ti];
    if (matched) return { pin: pi, tellId: matched.id, distance: distanceToTell(pin.position, matched) };
    const nearest = tells.length === 0 ? null : Math.min(...tells.map((t) => distanceToTell(pin.position, t)));
    return { pin: pi, tellId: null, distance: nearest };
  });
  const found = new Set<string>();
  for (const ti of takenTells) {
    const tell = tells[ti];
    if (tell) found.add(tell.id);
  }
  return { matches, found };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Harmonic mean of precision and recall; 0 when both are 0 (nothing found, nothing right). */
function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Marks one answer. Throws when the answer is for a different kind of drill than the one asked. */
export function scoreAnswer(input: ScoreInput): DrillScore {
  const { kind, key, answer, tells, hintsUsed, durationMs } = input;
  if (answer.kind !== kind) {
    throw new Error(`answer is for a "${answer.kind}" drill but this drill is "${kind}"`);
  }

  if (answer.kind === 'find-the-tells') {
    const { matches, found } = matchPins(answer.pins, tells);
    const matchedPins = matches.filter((m) => m.tellId !== null).length;
    const recall = tells.length === 0 ? 1 : found.size / tells.length;
    const precision = answer.pins.length === 0 ? 1 : matchedPins / answer.pins.length;
    const scaled = clamp01(f1(precision, recall) - HINT_PENALTY_TELLS * hintsUsed);
    const passed = scaled >= TELLS_PASS_MARK;
    return {
      correct: passed,
      scaled,
      passed,
      brier: null,
      confidence: null,
      tellsTotal: tells.length,
      tellsFound: found.size,
      falseAlarms: answer.pins.length - matchedPins,
      recall,
      precision,
      pinMatches: matches,
      outcomes: tells.map((t) => ({ category: t.category, tellId: t.id, success: found.has(t.id) ? 1 : 0 })),
      hintsUsed,
      durationMs,
    };
  }

  const correct =
    answer.kind === 'spot-the-fake'
      ? answer.counterfeit === key.counterfeitLabel
      : (answer.verdict === 'genuine') === key.genuine;
  const scaled = correct ? Math.max(0, 1 - HINT_PENALTY_CALL * hintsUsed) : 0;
  // A call is about the whole item: every category the drill trains shares its outcome.
  const outcomes: Outcome[] = key.categories.map((category: TellCategory) => ({
    category,
    tellId: null,
    success: correct ? 1 : 0,
  }));
  return {
    correct,
    scaled,
    passed: correct,
    brier: brierScore(answer.confidence, correct),
    confidence: answer.confidence,
    // No pins are dropped in a call, so there is nothing to find: 0 of 0, recall and precision 1.
    tellsTotal: 0,
    tellsFound: 0,
    falseAlarms: 0,
    recall: 1,
    precision: 1,
    pinMatches: [],
    outcomes,
    hintsUsed,
    durationMs,
  };
}
