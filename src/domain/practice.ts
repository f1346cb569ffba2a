/**
 * Spaced practice: when a trainee should next drill a tell category on a product. One FSRS card per
 * (product, tell category): officers forget what a fake stitch looks like the way they forget any
 * fact, and FSRS brings a category back just before it is likely to be forgotten, sooner when it
 * was missed.
 */
import { State, createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { TellCategory } from './catalogue';
import type { AttemptRecord } from './attempt';
import type { PractiseItem } from './progress';
import type { LocalText } from './local-text';

export { Rating } from 'ts-fsrs';

/** A ts-fsrs Card in a JSON-safe form (dates as ISO strings), as it is stored in a jsonb column. */
export interface SerializedCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: State;
  last_review: string | null;
}

export interface ReviewCard {
  productId: string;
  category: TellCategory;
  card: SerializedCard;
}

/** Default FSRS parameters without fuzz, so the same history always gives the same schedule. */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

export function serializeCard(card: Card): SerializedCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.toISOString() : null,
  };
}

export function deserializeCard(card: SerializedCard): Card {
  const { last_review, due, ...rest } = card;
  return { ...rest, due: new Date(due), ...(last_review ? { last_review: new Date(last_review) } : {}) };
}

export function newReviewCard(productId: string, category: TellCategory, now: Date): ReviewCard {
  return { productId, category, card: serializeCard(createEmptyCard(now)) };
}

/** Confidence below which a right answer still counts as shaky (Hard). */
const SURE = 0.7;
/** Confidence at or above which a quick, unhinted right answer counts as Easy. */
const CERTAIN = 0.9;
/** An Easy answer is also a quick one. */
const QUICK_MS = 20_000;

/**
 * How an outcome rates for FSRS: a miss is Again; a right answer reached with hints or with little
 * confidence is Hard; a confident, quick, unhinted one is Easy; anything else Good.
 */
export function ratingOf(
  outcome: { success: 0 | 1 },
  ctx: { hintsUsed: number; confidence: number | null; durationMs: number },
): Grade {
  if (outcome.success === 0) return Rating.Again;
  if (ctx.hintsUsed > 0 || (ctx.confidence !== null && ctx.confidence < SURE)) return Rating.Hard;
  if (ctx.confidence !== null && ctx.confidence >= CERTAIN && ctx.durationMs < QUICK_MS) return Rating.Easy;
  return Rating.Good;
}

export function review(card: ReviewCard, rating: Grade, now: Date): ReviewCard {
  const next = scheduler.next(deserializeCard(card.card), now, rating);
  return { ...card, card: serializeCard(next.card) };
}

/**
 * Reviews the cards an attempt touched: one per tell category in its outcomes, created when the
 * trainee has none yet. A category counts as a success only when every outcome of it in the attempt
 * succeeded (finding two of three stitching tells is not yet knowing stitching). Returns only the
 * updated or new cards, in the order their categories first appear in the attempt.
 */
export function reviewAttempt(cards: ReviewCard[], attempt: AttemptRecord, now: Date): ReviewCard[] {
  const byCategory = new Map<TellCategory, 0 | 1>();
  for (const o of attempt.outcomes) {
    const sofar = byCategory.get(o.category) ?? 1;
    byCategory.set(o.category, sofar === 1 && o.success === 1 ? 1 : 0);
  }
  const ctx = { hintsUsed: attempt.hintsUsed, confidence: attempt.confidence, durationMs: attempt.durationMs };
  return [...byCategory].map(([category, success]) => {
    const existing =
      cards.find((c) => c.productId === attempt.productId && c.category === category) ??
      newReviewCard(attempt.productId, category, now);
    return review(existing, ratingOf({ success }, ctx), now);
  });
}

export interface PractiseCatalogueEntry {
  productId: string;
  productName: LocalText;
  categories: TellCategory[];
}

/**
 * What to practise next: overdue cards (most overdue first), then product/category pairs never
 * practised (taking each product's first new category in catalogue order, then each one's second...), then cards not yet due (soonest first). Cards for products or
 * categories no longer in the catalogue are left out: there is no drill to give for them.
 */
export function practiseNext(
  cards: ReviewCard[],
  catalogue: PractiseCatalogueEntry[],
  now: Date,
  limit = 5,
): PractiseItem[] {
  const names = new Map(catalogue.map((p) => [p.productId, p]));
  const inCatalogue = (c: ReviewCard) => names.get(c.productId)?.categories.includes(c.category) ?? false;
  const itemOf = (c: ReviewCard, reason: 'due' | 'upcoming'): PractiseItem => {
    const card = deserializeCard(c.card);
    return {
      productId: c.productId,
      productName: names.get(c.productId)?.productName ?? c.productId,
      category: c.category,
      due: c.card.due,
      reason,
      retrievability: card.state === State.New ? null : scheduler.get_retrievability(card, now, false),
    };
  };
  const known = cards.filter(inCatalogue);
  const byDue = [...known].sort((a, b) => Date.parse(a.card.due) - Date.parse(b.card.due));
  const due = byDue.filter((c) => Date.parse(c.card.due) <= now.getTime()).map((c) => itemOf(c, 'due'));
  const upcoming = byDue.filter((c) => Date.parse(c.card.due) > now.getTime()).map((c) => itemOf(c, 'upcoming'));

  const has = new Set(known.map((c) => `${c.productId}\u0000${c.category}`));
  const freshByProduct: PractiseItem[][] = catalogue.map((p) =>
    p.categories
      .filter((category) => !has.has(`${p.productId}\u0000${category}`))
      .map((category) => ({
        productId: p.productId,
        productName: p.productName,
        category,
        due: now.toISOString(),
        reason: 'new' as const,
        retrievability: null,
      })),
  );
  // Round-robin across products, so a short list shows the breadth of what is new rather than one product's every category.
  const fresh: PractiseItem[] = [];
  for (let round = 0; freshByProduct.some((list) => list.length > round); round++) {
    for (const list of freshByProduct) if (list[round]) fresh.push(list[round]!);
  }
  return [...due, ...fresh, ...upcoming].slice(0, Math.max(0, limit));
}
