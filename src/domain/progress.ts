/**
 * Progress: what a trainee's (or a group's) attempts add up to, for the charts of the progress pages.
 * Pure; the server feeds it stored attempts and review cards.
 */
import { TELL_CATEGORIES, type TellCategory } from './catalogue';
import type { AttemptRecord } from './attempt';
import type { LocalText } from './local-text';
import { mastery } from './mastery';

export interface TimelinePoint {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  attempts: number;
  /** Share of spot-the-fake and verdict answers that were right that day; null when there were none. */
  accuracy: number | null;
  /** Tells found / tells asked in that day's find-the-tells drills; null when there were none. */
  tellsFoundRate: number | null;
}

export interface ProductProgress {
  productId: string;
  productName: string;
  attempts: number;
  accuracy: number | null;
  tellsFoundRate: number | null;
  /** 0..1, see mastery.ts. */
  mastery: number;
}

export interface CategoryProgress {
  category: TellCategory;
  observations: number;
  successRate: number;
  mastery: number;
}

export interface CalibrationBin {
  /** Confidence range [from, to). The last bin includes 1. */
  from: number;
  to: number;
  count: number;
  meanConfidence: number | null;
  accuracy: number | null;
}

export interface PractiseItem {
  productId: string;
  productName: LocalText;
  category: TellCategory;
  /** ISO time the card falls due. */
  due: string;
  reason: 'new' | 'due' | 'upcoming';
  /** FSRS retrievability now (0..1); null for a card never reviewed. */
  retrievability: number | null;
}

export interface ProgressSummary {
  attempts: number;
  accuracy: number | null;
  tellsFoundRate: number | null;
  meanBrier: number | null;
  timeline: TimelinePoint[];
  byProduct: ProductProgress[];
  byCategory: CategoryProgress[];
  calibration: CalibrationBin[];
  practiseNext: PractiseItem[];
}

/** Calibration bin edges: confidence is asked from 0.5 (a coin toss) to 1 (sure). */
const CALIBRATION_EDGES = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0] as const;

/** The drills where the trainee makes a call (right or wrong), as opposed to finding tells. */
function isCall(a: AttemptRecord): boolean {
  return a.kind === 'spot-the-fake' || a.kind === 'verdict';
}

function mean(xs: number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Share of right calls among spot-the-fake and verdict attempts; null when there are none. */
function accuracyOf(attempts: AttemptRecord[]): number | null {
  return mean(attempts.filter(isCall).map((a) => (a.correct ? 1 : 0)));
}

/** Tells found / tells asked over find-the-tells attempts; null when none asked for a tell. */
function tellsFoundRateOf(attempts: AttemptRecord[]): number | null {
  const drills = attempts.filter((a) => a.kind === 'find-the-tells');
  const total = drills.reduce((s, a) => s + a.tellsTotal, 0);
  return total === 0 ? null : drills.reduce((s, a) => s + a.tellsFound, 0) / total;
}

function meanBrierOf(attempts: AttemptRecord[]): number | null {
  return mean(attempts.flatMap((a) => (a.brier === null ? [] : [a.brier])));
}

/** UTC day (YYYY-MM-DD) of an ISO time, whatever offset it was written with. */
function utcDay(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

function byAnsweredAt(a: AttemptRecord, b: AttemptRecord): number {
  return Date.parse(a.answeredAt) - Date.parse(b.answeredAt);
}

function groupBy<K>(attempts: AttemptRecord[], keyOf: (a: AttemptRecord) => K): Map<K, AttemptRecord[]> {
  const groups = new Map<K, AttemptRecord[]>();
  for (const a of attempts) {
    const key = keyOf(a);
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  return groups;
}

function timelineOf(attempts: AttemptRecord[]): TimelinePoint[] {
  return [...groupBy(attempts, (a) => utcDay(a.answeredAt))]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, group]) => ({
      day,
      attempts: group.length,
      accuracy: accuracyOf(group),
      tellsFoundRate: tellsFoundRateOf(group),
    }));
}

/** Per product, by name; mastery weighs the product's outcomes oldest to newest. */
function byProductOf(ordered: AttemptRecord[]): ProductProgress[] {
  return [...groupBy(ordered, (a) => a.productId)]
    .map(([productId, group]) => ({
      productId,
      // The newest name wins if a product was renamed between catalogue versions.
      productName: group[group.length - 1]?.productName ?? productId,
      attempts: group.length,
      accuracy: accuracyOf(group),
      tellsFoundRate: tellsFoundRateOf(group),
      mastery: mastery(group.flatMap((a) => a.outcomes.map((o) => o.success))),
    }))
    .sort((a, b) => a.productName.localeCompare(b.productName) || a.productId.localeCompare(b.productId));
}

/** Per tell category that has outcomes, in the catalogue's category order. */
function byCategoryOf(ordered: AttemptRecord[]): CategoryProgress[] {
  const outcomes = ordered.flatMap((a) => a.outcomes);
  return TELL_CATEGORIES.flatMap((category) => {
    const successes = outcomes.filter((o) => o.category === category).map((o) => o.success);
    if (successes.length === 0) return [];
    return [
      {
        category,
        observations: successes.length,
        successRate: successes.reduce<number>((s, x) => s + x, 0) / successes.length,
        mastery: mastery(successes),
      },
    ];
  });
}

/**
 * Calibration: for each band of stated confidence, how often the calls in it were right. A
 * well-calibrated officer who says "80 % sure" is right about 80 % of the time.
 */
function calibrationOf(attempts: AttemptRecord[]): CalibrationBin[] {
  const rated = attempts.flatMap((a) => (a.confidence === null ? [] : [{ c: a.confidence, right: a.correct }]));
  const last = CALIBRATION_EDGES.length - 2;
  return CALIBRATION_EDGES.slice(0, -1).map((from, i) => {
    const to = CALIBRATION_EDGES[i + 1] ?? 1;
    const inBin = rated.filter(({ c }) => c >= from && (c < to || (i === last && c <= to)));
    return {
      from,
      to,
      count: inBin.length,
      meanConfidence: mean(inBin.map(({ c }) => c)),
      accuracy: mean(inBin.map(({ right }) => (right ? 1 : 0))),
    };
  });
}

/** What a trainee's attempts add up to. `practiseNext` comes from practice.ts and is passed through. */
export function summariseProgress(attempts: AttemptRecord[], practiseNext: PractiseItem[]): ProgressSummary {
  const ordered = [...attempts].sort(byAnsweredAt);
  return {
    attempts: attempts.length,
    accuracy: accuracyOf(attempts),
    tellsFoundRate: tellsFoundRateOf(attempts),
    meanBrier: meanBrierOf(attempts),
    timeline: timelineOf(ordered),
    byProduct: byProductOf(ordered),
    byCategory: byCategoryOf(ordered),
    calibration: calibrationOf(attempts),
    practiseNext,
  };
}

export interface TraineeProgress {
  userId: string;
  displayName: string;
  attempts: number;
  accuracy: number | null;
  tellsFoundRate: number | null;
  meanBrier: number | null;
  /** ISO time of the trainee's latest answer; null when they have none. */
  lastActive: string | null;
}

export interface GroupProgress {
  /** The whole group's attempts summarised as one (no practice list: that is per trainee). */
  overall: ProgressSummary;
  trainees: TraineeProgress[];
}

/** An instructor's view of a group: the group as a whole and one line per trainee, in the order given. */
export function summariseGroup(
  byTrainee: { userId: string; displayName: string; attempts: AttemptRecord[] }[],
): GroupProgress {
  return {
    overall: summariseProgress(
      byTrainee.flatMap((t) => t.attempts),
      [],
    ),
    trainees: byTrainee.map(({ userId, displayName, attempts }) => {
      const latest = [...attempts].sort(byAnsweredAt)[attempts.length - 1];
      return {
        userId,
        displayName,
        attempts: attempts.length,
        accuracy: accuracyOf(attempts),
        tellsFoundRate: tellsFoundRateOf(attempts),
        meanBrier: meanBrierOf(attempts),
        lastActive: latest?.answeredAt ?? null,
      };
    }),
  };
}
