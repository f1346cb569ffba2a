/**
 * Drills: what a trainee is asked (the question, safe to send), what only the server knows until the
 * answer is in (the key), what the trainee answers, and what they are told afterwards (the result).
 * Pure TypeScript, shared by the server, the app and shared sessions.
 */
import { z } from 'zod';
import { TellCategory, type Tell } from './catalogue';
import type { LocalText } from './local-text';

export const DRILL_KINDS = ['spot-the-fake', 'find-the-tells', 'verdict'] as const;
export const DrillKind = z.enum(DRILL_KINDS);
export type DrillKind = z.infer<typeof DrillKind>;

export const ItemLabel = z.enum(['A', 'B']);
export type ItemLabel = z.infer<typeof ItemLabel>;

/** The most hints a drill gives; each one lowers the score. */
export const MAX_HINTS = 3;
/** The most pins a trainee may drop in "Find the tells". */
export const MAX_PINS = 30;

/** One item on the table, as the trainee sees it: a label, a model URL that names nothing, and its weight. */
export interface DrillItem {
  label: ItemLabel;
  /** An opaque URL under /api/drills/<id>/items/: it never names the variant. */
  model: string;
  weightGrams: number;
  /** Only in "Find the tells": the genuine reference is shown, labelled, beside the counterfeit. */
  role?: 'reference' | 'suspect';
}

/** What the client receives before answering: nothing in it says which item is genuine or where the tells are. */
export interface DrillQuestion {
  id: string;
  kind: DrillKind;
  product: { id: string; name: LocalText; brand: string; category: string; description: LocalText };
  items: DrillItem[];
  /** "Find the tells": how many tells the suspect has. */
  tellCount?: number;
  hintsUsed: number;
  maxHints: number;
  issuedAt: string;
  /** True for a guest's drill: nothing of it is stored. */
  guest: boolean;
  /** A guest's drill only: its key, encrypted with a key the client never has; sent back with hints and the answer. */
  sealed?: string;
}

/** The answer key, kept on the server (or sealed in a guest's token) until the answer is in. */
/** A box in model space (metres). */
export interface Box3Like {
  min: [number, number, number];
  max: [number, number, number];
}

/** A tell as a drill's key keeps it: with the box of its part where it covers the whole part. */
export type KeyTell = Tell & { partBox?: Box3Like };

export interface DrillKey {
  productId: string;
  catalogueVersion: string;
  /** spot-the-fake: the counterfeit's label. verdict: whether item A is genuine. */
  counterfeitLabel?: ItemLabel;
  genuine?: boolean;
  /** The counterfeit whose tells the drill is about (the one shown, or for a genuine verdict none). */
  counterfeitId?: string;
  /** Tell categories the drill trains (mastery and scheduling are kept per category). */
  categories: TellCategory[];
  /** Hints, in the order they are given. */
  hints: Hint[];
  /** The counterfeit's tells as they were when the drill was made: scoring and the reveal use these. */
  tells: KeyTell[];
  /** Which variant each label is, for the reveal. */
  revealed: RevealedItem[];
}

export interface RevealedItem {
  label: ItemLabel;
  variantId: string;
  variantLabel: LocalText;
  /** Where the specimen comes from: what the reveal says of a counterfeit (its label's letter would clash with the items' A and B). */
  provenance?: LocalText;
  kind: 'genuine' | 'counterfeit';
}

export interface Hint {
  category: TellCategory;
  title: LocalText;
  /** What the genuine item shows: study-guide knowledge, never where a tell is on this item. */
  genuine: LocalText;
}

const Confidence = z.number().min(0.5, 'must be at least 0.5 (a coin toss)').max(1, 'must be at most 1');
const Vec3 = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);

export const Pin = z.object({
  /** Model space of the suspect's GLB, in metres. */
  position: Vec3,
  node: z.string().max(200).optional(),
});
export type Pin = z.infer<typeof Pin>;

export const SpotTheFakeAnswer = z.object({
  kind: z.literal('spot-the-fake'),
  counterfeit: ItemLabel,
  confidence: Confidence,
});
export const VerdictAnswer = z.object({
  kind: z.literal('verdict'),
  verdict: z.enum(['genuine', 'counterfeit']),
  confidence: Confidence,
});
export const FindTheTellsAnswer = z.object({
  kind: z.literal('find-the-tells'),
  pins: z.array(Pin).max(MAX_PINS, `at most ${MAX_PINS} pins`),
});
export const DrillAnswer = z.discriminatedUnion('kind', [SpotTheFakeAnswer, VerdictAnswer, FindTheTellsAnswer]);
export type DrillAnswer = z.infer<typeof DrillAnswer>;

/** How one pin was matched. */
export interface PinMatch {
  pin: number;
  tellId: string | null;
  /** Distance to the matched tell, or to the nearest tell when unmatched (metres); null with no tells. */
  distance: number | null;
}

/** The score of one answer: pure, computed by scoreAnswer in ./scoring. */
export interface DrillScore {
  /** spot-the-fake and verdict: whether the call was right; find-the-tells: whether it passed. */
  correct: boolean;
  /** 0..1, what xAPI's result.score.scaled carries. */
  scaled: number;
  passed: boolean;
  /** Brier score of the stated confidence (0 best, 1 worst); null where no confidence was asked. */
  brier: number | null;
  confidence: number | null;
  tellsTotal: number;
  tellsFound: number;
  falseAlarms: number;
  /** Tells found / tells (1 when there are none). */
  recall: number;
  /** Pins that found a tell / pins (1 with no pins). */
  precision: number;
  pinMatches: PinMatch[];
  /** Per tell category: 1 = right / found, 0 = wrong / missed. Feeds mastery and scheduling. */
  outcomes: { category: TellCategory; tellId: string | null; success: 0 | 1 }[];
  hintsUsed: number;
  durationMs: number;
}

/** What the trainee is told once the answer is in: the score and the key, with the tells revealed. */
export interface DrillResult {
  drillId: string;
  kind: DrillKind;
  score: DrillScore;
  /** Which variant each label was. */
  revealed: RevealedItem[];
  /** The counterfeit's tells, with where they are. */
  tells: Tell[];
  /** True once the attempt is in the database (always false for a guest). */
  saved: boolean;
}
