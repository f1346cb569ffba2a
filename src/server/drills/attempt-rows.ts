/** Between the attempts table and the AttemptRecord that progress, CSV and xAPI read. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AttemptRecord } from '../../domain/attempt';
import type { DrillAnswer, DrillScore } from '../../domain/drill';
import type { Db } from '../db/database';
import { attemptPins, attempts } from '../db/schema';

type Row = typeof attempts.$inferSelect;

export function recordOf(row: Row): AttemptRecord {
  return {
    id: row.drillId,
    userId: row.userId,
    kind: row.kind,
    productId: row.productId,
    productName: row.productName,
    catalogueVersion: row.catalogueVersion,
    issuedAt: row.issuedAt.toISOString(),
    answeredAt: row.answeredAt.toISOString(),
    correct: row.correct,
    scaled: row.scaled,
    passed: row.passed,
    confidence: row.confidence,
    brier: row.brier,
    tellsTotal: row.tellsTotal,
    tellsFound: row.tellsFound,
    falseAlarms: row.falseAlarms,
    hintsUsed: row.hintsUsed,
    durationMs: row.durationMs,
    outcomes: row.outcomes,
  };
}

/** Writes one attempt with its pins (inside the caller's transaction). */
export async function insertAttempt(db: Db, record: AttemptRecord, answer: DrillAnswer, score: DrillScore, idempotencyKey?: string): Promise<void> {
  await db.insert(attempts).values({
    drillId: record.id,
    userId: record.userId,
    kind: record.kind,
    productId: record.productId,
    productName: record.productName,
    catalogueVersion: record.catalogueVersion,
    answer,
    correct: record.correct,
    scaled: record.scaled,
    passed: record.passed,
    confidence: record.confidence,
    brier: record.brier,
    tellsTotal: record.tellsTotal,
    tellsFound: record.tellsFound,
    falseAlarms: record.falseAlarms,
    hintsUsed: record.hintsUsed,
    durationMs: record.durationMs,
    outcomes: record.outcomes,
    issuedAt: new Date(record.issuedAt),
    answeredAt: new Date(record.answeredAt),
    idempotencyKey: idempotencyKey ?? null,
  });
  if (answer.kind === 'find-the-tells' && answer.pins.length > 0) {
    await db.insert(attemptPins).values(
      answer.pins.map((pin, i) => ({
        drillId: record.id,
        ordinal: i,
        x: pin.position[0],
        y: pin.position[1],
        z: pin.position[2],
        node: pin.node ?? null,
        tellId: score.pinMatches[i]?.tellId ?? null,
        distance: score.pinMatches[i]?.distance ?? null,
      })),
    );
  }
}

/** Attempts of these users, oldest first. */
export async function attemptsOf(db: Db, userIds: string[]): Promise<AttemptRecord[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select()
    .from(attempts)
    .where(userIds.length === 1 ? eq(attempts.userId, userIds[0]!) : inArray(attempts.userId, userIds))
    .orderBy(asc(attempts.answeredAt));
  return rows.map(recordOf);
}

export async function pinsOf(db: Db, drillId: string) {
  return db.select().from(attemptPins).where(and(eq(attemptPins.drillId, drillId))).orderBy(asc(attemptPins.ordinal));
}
