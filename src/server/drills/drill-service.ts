/**
 * Drills on the server: made from the published catalogue with a fresh seed, the key kept in the
 * database (or sealed for a guest) until the answer is in; the answer scored and written, with the
 * spaced-practice cards and the xAPI statements, in one transaction before the trainee is told.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { attemptOf } from '../../domain/attempt';
import { tellCategoriesOf, type Product } from '../../domain/catalogue';
import { MAX_HINTS, type DrillAnswer, type DrillKey, type DrillKind, type DrillQuestion, type DrillResult, type Hint } from '../../domain/drill';
import { generateDrill, NoDrillError, type GeneratedDrill } from '../../domain/drill-generator';
import { practiseNext } from '../../domain/practice';
import type { SessionUser } from '../../domain/roles';
import { scoreAnswer } from '../../domain/scoring';
import { statementsForAttempt } from '../../domain/xapi';
import type { Sealer } from '../auth/sealing';
import { catalogueVersion } from '../catalogue/version';
import type { CatalogueStore } from '../db/catalogue-store';
import type { Db } from '../db/database';
import { isUniqueViolation } from '../db/errors';
import { attempts, drills, users } from '../db/schema';
import { enqueueStatements } from '../xapi/outbox';
import { insertAttempt } from './attempt-rows';
import { cardsOf, reviewCardsFor } from './review-cards';
import { textIn } from '../../domain/local-text';


export class DrillError extends Error {
  override name = 'DrillError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a guest's sealed token holds: everything needed to score, since nothing is stored. */
interface GuestSeal {
  kind: DrillKind;
  key: DrillKey;
  issuedAt: string;
}

export interface XapiContext {
  homePage: string;
  activityBase: string;
}

export interface DrillServiceDeps {
  db: Db;
  store: CatalogueStore;
  sealer: Sealer;
  /** Set when an LRS is configured: statements for each attempt go to the outbox. */
  xapi?: XapiContext | undefined;
  now?: () => Date;
}

const GUEST_TTL_S = 6 * 3600;
const ITEM_TTL_S = 24 * 3600;

export function createDrillService(deps: DrillServiceDeps) {
  const { db, sealer } = deps;
  const now = deps.now ?? (() => new Date());

  async function published(): Promise<Product[]> {
    return (await deps.store.list()).map((s) => s.product);
  }

  /** With no product asked for, a signed-in trainee drills what their schedule says is next. */
  async function scheduledProduct(user: SessionUser, products: Product[]): Promise<string | undefined> {
    const catalogue = products.map((p) => ({ productId: p.id, productName: p.name, categories: tellCategoriesOf(p) }));
    return practiseNext(await cardsOf(db, user.id), catalogue, now(), 1)[0]?.productId;
  }

  async function questionOf(id: string, drill: GeneratedDrill, issuedAt: Date, guest: boolean): Promise<DrillQuestion> {
    const { product } = drill;
    const items = await Promise.all(
      drill.items.map(async ({ label, variant, role }) => ({
        label,
        model: `/api/drill-items/${await sealer.seal({ p: product.id, f: variant.model }, ITEM_TTL_S)}`,
        weightGrams: variant.weightGrams,
        ...(role ? { role } : {}),
      })),
    );
    return {
      id,
      kind: drill.kind,
      product: { id: product.id, name: product.name, brand: product.brand, category: product.category, description: product.description },
      items,
      ...(drill.tellCount !== undefined ? { tellCount: drill.tellCount } : {}),
      hintsUsed: 0,
      maxHints: Math.min(MAX_HINTS, drill.key.hints.length),
      issuedAt: issuedAt.toISOString(),
      guest,
    };
  }

  /** A drill made and ready to ask: the question (with a fresh id) and its key. */
  async function compose(kind: DrillKind, productId: string | undefined, guest: boolean): Promise<{ question: DrillQuestion; key: DrillKey; seed: string }> {
    const products = await published();
    const seed = randomUUID();
    let drill: GeneratedDrill;
    try {
      drill = generateDrill({ kind, products, seed, productId });
    } catch (err) {
      if (err instanceof NoDrillError) throw new DrillError(404, 'no_drill', err.message);
      throw err;
    }
    const key: DrillKey = { ...drill.key, catalogueVersion: catalogueVersion(drill.product) };
    const question = await questionOf(guest ? `guest-${randomUUID()}` : randomUUID(), drill, now(), guest);
    return { question, key, seed };
  }

  async function issue(user: SessionUser | undefined, kind: DrillKind, productId?: string): Promise<DrillQuestion> {
    const chosen = productId ?? (user ? await scheduledProduct(user, await published()) : undefined);
    const { question, key, seed } = await compose(kind, chosen, !user);
    if (!user) {
      const seal: GuestSeal = { kind, key, issuedAt: question.issuedAt };
      return { ...question, sealed: await sealer.seal({ ...seal }, GUEST_TTL_S) };
    }
    await db.insert(drills).values({
      id: question.id,
      userId: user.id,
      kind,
      productId: key.productId,
      catalogueVersion: key.catalogueVersion,
      seed,
      question,
      answerKey: key,
      issuedAt: new Date(question.issuedAt),
    });
    return question;
  }

  async function openGuest(sealed: string | undefined): Promise<GuestSeal> {
    const seal = sealed ? await sealer.open<GuestSeal>(sealed) : undefined;
    if (!seal) throw new DrillError(400, 'bad_drill_token', 'This practice drill has expired or its token is damaged: start a new drill.');
    return seal;
  }

  /** Why a stored drill cannot be hinted or answered by this user (called after a guarded update found nothing). */
  async function refusal(user: SessionUser | undefined, drillId: string, reader: Db = db): Promise<DrillError> {
    // Inside a transaction, read through it: PGlite has one connection, and the outer handle would wait forever.
    const [row] = await reader.select({ userId: drills.userId, answeredAt: drills.answeredAt, hintsUsed: drills.hintsUsed }).from(drills).where(eq(drills.id, drillId)).limit(1);
    if (!row) return new DrillError(404, 'drill_not_found', `No drill ${drillId}.`);
    if (!user) return new DrillError(401, 'not_signed_in', 'Sign in to answer this drill.');
    if (row.userId !== user.id) return new DrillError(403, 'not_your_drill', 'This drill belongs to another trainee.');
    if (row.answeredAt) return new DrillError(409, 'already_answered', 'This drill has already been answered.');
    return new DrillError(409, 'no_more_hints', 'No hints are left for this drill.');
  }

  async function hint(
    user: SessionUser | undefined,
    drillId: string,
    body: { hintsUsed?: number | undefined; sealed?: string | undefined },
  ): Promise<{ hint: Hint; hintsUsed: number }> {
    if (drillId.startsWith('guest-')) {
      const { key } = await openGuest(body.sealed);
      const n = body.hintsUsed ?? 0;
      const found = key.hints[n];
      if (!found) throw new DrillError(409, 'no_more_hints', 'No hints are left for this drill.');
      return { hint: found, hintsUsed: n + 1 };
    }
    const [row] = user
      ? await db
          .update(drills)
          .set({ hintsUsed: sql`${drills.hintsUsed} + 1` })
          .where(
            and(
              eq(drills.id, drillId),
              eq(drills.userId, user.id),
              isNull(drills.answeredAt),
              lt(drills.hintsUsed, sql`least(${MAX_HINTS}, jsonb_array_length(${drills.answerKey} -> 'hints'))`),
            ),
          )
          .returning({ hintsUsed: drills.hintsUsed, key: drills.answerKey })
      : [];
    if (!row) throw await refusal(user, drillId);
    return { hint: row.key.hints[row.hintsUsed - 1]!, hintsUsed: row.hintsUsed };
  }

  function resultOf(drillId: string, kind: DrillKind, key: DrillKey, score: DrillResult['score'], saved: boolean): DrillResult {
    return { drillId, kind, score, revealed: key.revealed, tells: key.tells, saved };
  }

  function checkKind(kind: DrillKind, answer: DrillAnswer): void {
    if (answer.kind !== kind) {
      throw new DrillError(400, 'wrong_answer_kind', `body.answer.kind: this is a "${kind}" drill, the answer is for "${answer.kind}"`);
    }
  }

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
   * When the answer was given: now, or for an answer sent later from the offline queue the time it
   * carries, kept between the drill's issue and now (a clock cannot put it outside).
   */
  function answerTime(issuedAt: Date | undefined, claimed: string | undefined): Date {
    const at = now();
    if (!claimed || !issuedAt) return at;
    return new Date(Math.min(at.getTime(), Math.max(issuedAt.getTime(), Date.parse(claimed))));
  }

  async function answer(
    user: SessionUser | undefined,
    drillId: string,
    body: { answer: DrillAnswer; hintsUsed?: number | undefined; sealed?: string | undefined; answeredAt?: string | undefined },
    idempotencyKey?: string,
  ): Promise<DrillResult> {
    const answeredAt = now();
    if (drillId.startsWith('guest-')) {
      const seal = await openGuest(body.sealed);
      checkKind(seal.kind, body.answer);
      const hintsUsed = Math.min(body.hintsUsed ?? 0, seal.key.hints.length);
      const durationMs = Math.max(0, answeredAt.getTime() - Date.parse(seal.issuedAt));
      const score = scoreAnswer({ kind: seal.kind, key: seal.key, answer: body.answer, tells: seal.key.tells, hintsUsed, durationMs });
      return resultOf(drillId, seal.kind, seal.key, score, false);
    }
    if (!user) throw await refusal(user, drillId);
    if (idempotencyKey) {
      const replay = await replayOf(user, drillId, idempotencyKey);
      if (replay) return replay;
    }
    const [issued] = body.answeredAt ? await db.select({ at: drills.issuedAt }).from(drills).where(eq(drills.id, drillId)).limit(1) : [];
    const givenAt = answerTime(issued?.at, body.answeredAt);
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
          throw await refusal(user, drillId, tx as unknown as Db);
        }
        return record(tx as unknown as Db, user, row, body.answer, givenAt, idempotencyKey);
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

  /**
   * A trainee's answer to a round of a shared live session: their own drill row (the round's
   * question and key) written and marked in one transaction. A second answer to the same round
   * finds the unique index and is refused as already answered.
   */
  async function answerRound(
    user: SessionUser,
    round: { sessionId: string; round: number; kind: DrillKind; seed: string; question: DrillQuestion; key: DrillKey; startedAt: Date },
    answer: DrillAnswer,
  ): Promise<DrillResult> {
    const answeredAt = now();
    checkKind(round.kind, answer);
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(drills)
          .values({
            id: randomUUID(),
            userId: user.id,
            kind: round.kind,
            productId: round.key.productId,
            catalogueVersion: round.key.catalogueVersion,
            seed: round.seed,
            question: round.question,
            answerKey: round.key,
            issuedAt: round.startedAt,
            answeredAt,
            liveSessionId: round.sessionId,
            liveRound: round.round,
          })
          .returning();
        return record(tx as unknown as Db, user, row!, answer, answeredAt);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DrillError(409, 'already_answered', `round ${round.round} has already been answered`);
      throw err;
    }
  }

  return { compose, issue, hint, answer, answerRound };
}
export type DrillService = ReturnType<typeof createDrillService>;
