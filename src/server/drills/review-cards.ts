/** Each trainee's spaced-practice cards (one per product and tell category), stored as ts-fsrs cards. */
import { and, eq } from 'drizzle-orm';
import type { TellCategory } from '../../domain/catalogue';
import type { AttemptRecord } from '../../domain/attempt';
import { reviewAttempt, type ReviewCard, type SerializedCard } from '../../domain/practice';
import type { Db } from '../db/database';
import { reviewCards } from '../db/schema';

export async function cardsOf(db: Db, userId: string, productId?: string): Promise<ReviewCard[]> {
  const rows = await db
    .select()
    .from(reviewCards)
    .where(productId ? and(eq(reviewCards.userId, userId), eq(reviewCards.productId, productId)) : eq(reviewCards.userId, userId));
  return rows.map((r) => ({ productId: r.productId, category: r.category as TellCategory, card: r.card as SerializedCard }));
}

/** Reviews the cards an attempt touched and writes them back (inside the caller's transaction). */
export async function reviewCardsFor(db: Db, attempt: AttemptRecord, now: Date): Promise<void> {
  const updated = reviewAttempt(await cardsOf(db, attempt.userId, attempt.productId), attempt, now);
  for (const c of updated) {
    const row = { userId: attempt.userId, productId: c.productId, category: c.category, card: c.card, due: new Date(c.card.due) };
    await db
      .insert(reviewCards)
      .values(row)
      .onConflictDoUpdate({ target: [reviewCards.userId, reviewCards.productId, reviewCards.category], set: { card: row.card, due: row.due } });
  }
}
