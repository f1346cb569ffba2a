/**
 * Drills on the server: made from the published catalogue with a fresh seed, the key kept in the
 * database (or sealed for a guest) until the answer is in; hints; the answer scored, and for a
 * signed-in trainee written through the attempt store (attempt-store.ts) before they are told.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { tellCategoriesOf, type Product } from '../../domain/catalogue';
import { DrillKind as DrillKindSchema, MAX_HINTS, type DrillAnswer, type DrillKey, type DrillKind, type DrillQuestion, type DrillResult, type Hint } from '../../domain/drill';
import { generateDrill, NoDrillError, type GeneratedDrill } from '../../domain/drill-generator';
import { practiseNext } from '../../domain/practice';
import type { SessionUser } from '../../domain/roles';
import { scoreAnswer } from '../../domain/scoring';
import type { Sealer } from '../auth/sealing';
import { catalogueVersion } from '../catalogue/version';
import type { CatalogueStore } from '../db/catalogue-store';
import type { Db } from '../db/database';
import { isUniqueViolation } from '../db/errors';
import { drills, liveRounds, liveSessions } from '../db/schema';
import { createAttemptStore, resultOf, type XapiContext } from './attempt-store';
import { checkKind, DrillError, refusal } from './drill-error';
import { cardsOf } from './review-cards';
import type { PartRegions } from './part-regions';

export { DrillError } from './drill-error';
export type { XapiContext } from './attempt-store';

/** What a guest's sealed token holds: everything needed to score, since nothing is stored. */
interface GuestSeal {
  kind: DrillKind;
  key: DrillKey;
  issuedAt: string;
}

/**
 * What each sealed token is for, sealed in with it: a drill item's token (also sealed by this server)
 * sent where a guest drill's is expected opens fine but is not a guest drill, and is refused as a
 * damaged token rather than read as one.
 */
export const SEAL_USE = { guestDrill: 'guest-drill', drillItem: 'drill-item' } as const;

/** A guest drill's seal, checked for its use and its shape (a token from before `use` was sealed in has none). */
function isGuestSeal(seal: Record<string, unknown>): seal is Record<string, unknown> & GuestSeal {
  const key = seal.key as Partial<Record<keyof DrillKey, unknown>> | null | undefined;
  return (
    (seal.use === undefined || seal.use === SEAL_USE.guestDrill) &&
    DrillKindSchema.safeParse(seal.kind).success &&
    typeof seal.issuedAt === 'string' &&
    typeof key === 'object' &&
    key !== null &&
    typeof key.productId === 'string' &&
    [key.hints, key.tells, key.revealed, key.categories].every(Array.isArray)
  );
}

export interface DrillServiceDeps {
  db: Db;
  store: CatalogueStore;
  sealer: Sealer;
  /** Set when an LRS is configured: statements for each attempt go to the outbox. */
  xapi?: XapiContext | undefined;
  /** Boxes of the parts that whole-part tells cover (part-regions.ts); without it they are found near their point. */
  regions?: PartRegions;
  now?: () => Date;
  /** The seed of a drill item's own model (drill-models.ts); a fresh random one when left out. */
  modelSeed?: (productId: string, model: string) => string;
}

const GUEST_TTL_S = 6 * 3600;
const ITEM_TTL_S = 24 * 3600;

export function createDrillService(deps: DrillServiceDeps) {
  const { db, sealer } = deps;
  const now = deps.now ?? (() => new Date());
  const modelSeed = deps.modelSeed ?? (() => randomUUID());
  const attemptStore = createAttemptStore(deps);

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
        model: `/api/drill-items/${await sealer.seal({ use: SEAL_USE.drillItem, p: product.id, f: variant.model, d: modelSeed(product.id, variant.model) }, ITEM_TTL_S)}`,
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
    const stored = deps.regions && kind === 'find-the-tells' && (await deps.store.get(drill.product.id));
    if (stored) key.tells = await deps.regions!(stored, key.counterfeitId, key.tells);
    const question = await questionOf(guest ? `guest-${randomUUID()}` : randomUUID(), drill, now(), guest);
    return { question, key, seed };
  }

  async function issue(user: SessionUser | undefined, kind: DrillKind, productId?: string): Promise<DrillQuestion> {
    const chosen = productId ?? (user ? await scheduledProduct(user, await published()) : undefined);
    const { question, key, seed } = await compose(kind, chosen, !user);
    if (!user) {
      const seal: GuestSeal = { kind, key, issuedAt: question.issuedAt };
      return { ...question, sealed: await sealer.seal({ use: SEAL_USE.guestDrill, ...seal }, GUEST_TTL_S) };
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
    const seal = sealed ? await sealer.open<Record<string, unknown>>(sealed) : undefined;
    if (!seal || !isGuestSeal(seal)) throw new DrillError(400, 'bad_drill_token', 'This practice drill has expired or its token is damaged: start a new drill.');
    return seal;
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
    if (!row) throw await refusal(db, user, drillId);
    return { hint: row.key.hints[row.hintsUsed - 1]!, hintsUsed: row.hintsUsed };
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
    if (!user) throw await refusal(db, user, drillId);
    if (idempotencyKey) {
      const replay = await attemptStore.replayOf(user, drillId, idempotencyKey);
      if (replay) return replay;
    }
    const [issued] = body.answeredAt ? await db.select({ at: drills.issuedAt }).from(drills).where(eq(drills.id, drillId)).limit(1) : [];
    return attemptStore.store(user, drillId, body.answer, answerTime(issued?.at, body.answeredAt), idempotencyKey);
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
        // The database decides whether the round still takes answers, whatever room the answer came
        // through: the session is in its answer phase on this round, and the round is not revealed. The
        // rows stay locked (shared) until the answer is stored, so a reveal waits for it, and an answer
        // that waited on a reveal finds the round closed.
        const open = await tx
          .select({ round: liveRounds.round })
          .from(liveSessions)
          .innerJoin(liveRounds, and(eq(liveRounds.sessionId, liveSessions.id), eq(liveRounds.round, liveSessions.round)))
          .where(
            and(
              eq(liveSessions.id, round.sessionId),
              eq(liveSessions.round, round.round),
              eq(liveSessions.phase, 'answer'),
              isNull(liveSessions.endedAt),
              isNull(liveRounds.revealedAt),
            ),
          )
          .for('share');
        if (open.length === 0) throw new DrillError(409, 'wrong_phase', `round ${round.round} takes no more answers: it has been revealed or the session moved on`);
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
        return attemptStore.record(tx as unknown as Db, user, row!, answer, answeredAt);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DrillError(409, 'already_answered', `round ${round.round} has already been answered`);
      throw err;
    }
  }

  return { compose, issue, hint, answer, answerRound };
}
export type DrillService = ReturnType<typeof createDrillService>;
