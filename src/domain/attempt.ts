/**
 * An attempt: one answered drill as it is stored and summarised. The server writes it; progress,
 * scheduling, CSV export and xAPI all read this one shape.
 */
import type { TellCategory } from './catalogue';
import type { DrillKind, DrillScore } from './drill';

export interface AttemptRecord {
  /** The drill's id. */
  id: string;
  userId: string;
  kind: DrillKind;
  productId: string;
  productName: string;
  /** The catalogue version (content hash of the product) the drill was generated from. */
  catalogueVersion: string;
  issuedAt: string;
  answeredAt: string;
  correct: boolean;
  scaled: number;
  passed: boolean;
  confidence: number | null;
  brier: number | null;
  tellsTotal: number;
  tellsFound: number;
  falseAlarms: number;
  hintsUsed: number;
  durationMs: number;
  outcomes: { category: TellCategory; tellId: string | null; success: 0 | 1 }[];
}

/** The record of a scored answer. */
export function attemptOf(
  drill: { id: string; userId: string; kind: DrillKind; productId: string; productName: string; catalogueVersion: string; issuedAt: string },
  score: DrillScore,
  answeredAt: string,
): AttemptRecord {
  return {
    ...drill,
    answeredAt,
    correct: score.correct,
    scaled: score.scaled,
    passed: score.passed,
    confidence: score.confidence,
    brier: score.brier,
    tellsTotal: score.tellsTotal,
    tellsFound: score.tellsFound,
    falseAlarms: score.falseAlarms,
    hintsUsed: score.hintsUsed,
    durationMs: score.durationMs,
    outcomes: score.outcomes,
  };
}
