/**
 * Storing a signed-in trainee's answered drill: the Idempotency-Key replay, the guarded mark and the
 * attempt row, with the spaced-practice cards and the xAPI statements, in one transaction.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { attemptOf } from '../../domain/attempt';
import type { DrillAnswer, DrillKey, DrillKind, DrillResult } from '../../domain/drill';
import { textIn } from '../../domain/local-text';
import type { SessionUser } from '../../domain/roles';
import { scoreAnswer } from '../../domain/scoring';
import { statementsForAttempt } from '../../domain/xapi';
import type { Db } from '../db/database';
import { isUniqueViolation } from '../db/errors';
import { attempts, drills, users } from '../db/schema';
import { enqueueStatements } from '../xapi/outbox';
import { insertAttempt } from './attempt-rows';
import { checkKind, DrillError, refusal } from './drill-error';
import { reviewCardsFor } from './review-cards';

export interface XapiContext {
  homePage: string;
  activityBase: string;
}

export interface AttemptStoreDeps {
  db: Db;
  /** Set when an LRS is configured: statements for each attempt go to the outbox. */
  xapi?: XapiContext | undefined;
}

export function resultOf(drillId: string, kind: DrillKind, key: DrillKey, score: DrillResult['score'], saved: boolean): DrillResult {
  return { drillId, kind, score, revealed: key.revealed, tells: key.tells, saved };
}

export function createAttemptStore(deps: AttemptStoreDeps) {
  const { db } = deps;

  /**
   * The stored result of an answer already sent with this Idempotency-Key (scored again from the
   * stored answer, which gives the same score), or undefined when there is none.
   */
  async function replayOf(user: SessionUser, drillId: string, idempotencyKey: string, reader: Db = db): Promise<DrillResult | undefined> {
    const [found] = await reader
      .select({ attempt: attempts, drill: drills })
      .from(attempts)
      .innerJoin(drills, eq(drills.id, attempts.drillId))
      .where(and(eq(attempts.userId, user.id), eq(attempts.idempotencyKey, idempotencyKey)))
      .limit(1);
    if (!found) return undefined;
    if (found.attempt.drillId !== drillId) throw new DrillError(409, 'idempotency_key_reused', `Idempotency-Key: this key was already used for another drill.`);
    const { attempt: a, drill: d } = found;
    const key = d.answerKey;
    const score = scoreAnswer({ kind: d.kind, key, answer: a.answer, tells: key.tells, hintsUsed: a.hintsUsed, durationMs: a.durationMs });
    return resultOf(d.id, d.kind, key, score, true);
  }

  /**
   * Marks the user's stored drill answered at givenAt and records the answer, in one transaction;
   * a second send of the same Idempotency-Key gets the first's result back.
   */
  async function store(user: SessionUser, drillId: string, answer: DrillAnswer, givenAt: Date, idempotencyKey?: string): Promise<DrillResult> {
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .update(drills)
          .set({ answeredAt: givenAt })
          .where(and(eq(drills.id, drillId), eq(drills.userId, user.id), isNull(drills.answeredAt)))
          .returning();
        if (!row) {
          // The same answer sent twice at once: the second finds the first's attempt once it is in.
          const replay = idempotencyKey ? await replayOf(user, drillId, idempotencyKey, tx as unknown as Db) : undefined;
          if (replay) return replay;
          throw await refusal(tx as unknown as Db, user, drillId);
        }
        return record(tx as unknown as Db, user, row, answer, givenAt, idempotencyKey);
      });
    } catch (err) {
      // Two sends of one key racing past the first look: the loser's insert meets the unique index.
      const replay = idempotencyKey && isUniqueViolation(err) ? await replayOf(user, drillId, idempotencyKey) : undefined;
      if (replay) return replay;
      throw err;
    }
  }

  /**
   * Marks an answered drill and writes the attempt, the practice cards and the xAPI statements, in
   * the caller's transaction. A wrong kind throws inside it, so the drill stays answerable.
   */
  async function record(tx: Db, user: SessionUser, row: typeof drills.$inferSelect, answer: DrillAnswer, answeredAt: Date, idempotencyKey?: string): Promise<DrillResult> {
    checkKind(row.kind, answer);
    const key = row.answerKey;
    const durationMs = Math.max(0, answeredAt.getTime() - row.issuedAt.getTime());
    const score = scoreAnswer({ kind: row.kind, key, answer, tells: key.tells, hintsUsed: row.hintsUsed, durationMs });
    const attempt = attemptOf(
      {
        id: row.id,
        userId: user.id,
        kind: row.kind,
        productId: row.productId,
        productName: textIn(row.question.product.name, 'en'),
        catalogueVersion: row.catalogueVersion,
        issuedAt: row.issuedAt.toISOString(),
      },
      score,
      answeredAt.toISOString(),
    );
    await insertAttempt(tx, attempt, answer, score, idempotencyKey);
    await reviewCardsFor(tx, attempt, answeredAt);
    if (deps.xapi) {
      const [account] = await tx.select({ name: users.accountName }).from(users).where(eq(users.id, user.id));
      await enqueueStatements(tx, statementsForAttempt(attempt, { ...deps.xapi, accountName: account!.name, answer }));
    }
    return resultOf(row.id, row.kind, key, score, true);
  }

  return { replayOf, store, record };
}
export type AttemptStore = ReturnType<typeof createAttemptStore>;
