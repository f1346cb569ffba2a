/**
 * Live sessions in the database: the session row (its phase and shared settings, so a room can be
 * rebuilt after a restart), who may join, the rounds with their keys, and the answers (the
 * trainees' drills tagged with the session and round).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { DrillAnswer, DrillKey, DrillKind, DrillQuestion } from '../../domain/drill';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, type ParticipantRole } from '../../domain/live-protocol';
import type { LiveSessionSummary } from '../../domain/live-record';
import type { Db } from '../db/database';
import { isUniqueViolation } from '../db/errors';
import type { AttemptRecord } from '../../domain/attempt';
import { recordOf } from '../drills/attempt-rows';
import { attempts, drills, liveParticipants, liveRounds, liveSessions, users } from '../db/schema';

export type LiveSessionRow = typeof liveSessions.$inferSelect;
export type LiveRoundRow = typeof liveRounds.$inferSelect;
/** What the instructor may change of a session row (the rest is fixed at creation). */
export type LiveSessionPatch = Partial<Pick<LiveSessionRow, 'phase' | 'round' | 'kind' | 'productId' | 'follow' | 'rotation' | 'spotlight' | 'pointersMuted' | 'endedAt'>>;

export interface ParticipantRow {
  id: string;
  name: string;
  email: string;
  role: ParticipantRole;
  joinedAt: Date;
  removed: boolean;
}

export interface StandingRow {
  userId: string;
  points: number;
  correct: number;
  answered: number;
}

export interface AnswerRow {
  round: number;
  name: string;
  email: string;
  answer: DrillAnswer;
  attempt: AttemptRecord;
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Points for one answer: its scaled score out of 100. */
export const pointsOf = (scaled: number): number => Math.round(scaled * 100);

export function createLiveDb(db: Db) {
  const sessionSummary = {
    id: liveSessions.id,
    code: liveSessions.code,
    title: liveSessions.title,
    instructorName: users.displayName,
    phase: liveSessions.phase,
    createdAt: liveSessions.createdAt,
    endedAt: liveSessions.endedAt,
    participants: sql<number>`(select count(*) from live_participants p where p.session_id = ${liveSessions.id})`.mapWith(Number),
    rounds: liveSessions.round,
  };
  const summaryOf = (r: { createdAt: Date; endedAt: Date | null } & Omit<LiveSessionSummary, 'createdAt' | 'endedAt'>): LiveSessionSummary => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
  });

  return {
    async create(input: { instructorId: string; title: string; kind: DrillKind; productId: string }): Promise<LiveSessionRow> {
      for (let attempt = 0; ; attempt++) {
        try {
          const [row] = await db
            .insert(liveSessions)
            .values({ id: randomUUID(), code: newCode(), rotation: [0, 0, 0, 1], ...input })
            .returning();
          return row!;
        } catch (err) {
          // A code already taken (one in 10¹³ per live session): draw again.
          if (!isUniqueViolation(err) || attempt >= 3) throw err;
        }
      }
    },
    async get(id: string): Promise<LiveSessionRow | undefined> {
      const [row] = await db.select().from(liveSessions).where(eq(liveSessions.id, id)).limit(1);
      return row;
    },
    async byCode(code: string): Promise<LiveSessionRow | undefined> {
      const [row] = await db.select().from(liveSessions).where(eq(liveSessions.code, code)).limit(1);
      return row;
    },
    async update(id: string, patch: LiveSessionPatch): Promise<void> {
      await db.update(liveSessions).set(patch).where(eq(liveSessions.id, id));
    },
    /**
     * Makes `roomId` the session's one room: true when no other room holds it (none ever did, it was
     * released, or its lease lapsed). The database's clock decides, so processes need not agree on time.
     */
    async claimRoom(sessionId: string, roomId: string, leaseSeconds: number): Promise<boolean> {
      const rows = await db
        .update(liveSessions)
        .set({ roomId, roomLeaseUntil: sql`now() + ${leaseSeconds} * interval '1 second'` })
        .where(
          and(
            eq(liveSessions.id, sessionId),
            isNull(liveSessions.endedAt),
            or(isNull(liveSessions.roomId), eq(liveSessions.roomId, roomId), lt(liveSessions.roomLeaseUntil, sql`now()`)),
          ),
        )
        .returning({ id: liveSessions.id });
      return rows.length > 0;
    },
    /** Lets the session's room go (when it closes); a room that no longer holds it changes nothing. */
    async releaseRoom(sessionId: string, roomId: string): Promise<void> {
      await db
        .update(liveSessions)
        .set({ roomId: null, roomLeaseUntil: null })
        .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.roomId, roomId)));
    },
    /** Forgets every room's claim: for a process that serves all rooms alone (no Redis), at its start. */
    async releaseAllRooms(): Promise<void> {
      await db.update(liveSessions).set({ roomId: null, roomLeaseUntil: null }).where(isNotNull(liveSessions.roomId));
    },
    async summaries(instructorId: string | undefined): Promise<LiveSessionSummary[]> {
      const rows = await db
        .select(sessionSummary)
        .from(liveSessions)
        .innerJoin(users, eq(users.id, liveSessions.instructorId))
        .where(instructorId ? eq(liveSessions.instructorId, instructorId) : undefined)
        .orderBy(desc(liveSessions.createdAt));
      return rows.map(summaryOf);
    },
    async summary(id: string): Promise<LiveSessionSummary | undefined> {
      const [row] = await db.select(sessionSummary).from(liveSessions).innerJoin(users, eq(users.id, liveSessions.instructorId)).where(eq(liveSessions.id, id));
      return row && summaryOf(row);
    },

    /** Lets a trainee into a session (again); false when the instructor removed them. */
    async admit(sessionId: string, userId: string): Promise<boolean> {
      await db.insert(liveParticipants).values({ sessionId, userId }).onConflictDoNothing();
      const [row] = await db
        .select({ removedAt: liveParticipants.removedAt })
        .from(liveParticipants)
        .where(and(eq(liveParticipants.sessionId, sessionId), eq(liveParticipants.userId, userId)));
      return !row?.removedAt;
    },
    /** 'member', 'removed', or undefined for someone who never joined with the code. */
    async membership(sessionId: string, userId: string): Promise<'member' | 'removed' | undefined> {
      const [row] = await db
        .select({ removedAt: liveParticipants.removedAt })
        .from(liveParticipants)
        .where(and(eq(liveParticipants.sessionId, sessionId), eq(liveParticipants.userId, userId)));
      return row ? (row.removedAt ? 'removed' : 'member') : undefined;
    },
    async remove(sessionId: string, userId: string, at: Date): Promise<void> {
      await db
        .update(liveParticipants)
        .set({ removedAt: at })
        .where(and(eq(liveParticipants.sessionId, sessionId), eq(liveParticipants.userId, userId)));
    },
    /** Everyone who joined, the instructor first. */
    async participants(session: LiveSessionRow): Promise<ParticipantRow[]> {
      const trainees = await db
        .select({ id: users.id, name: users.displayName, email: users.email, joinedAt: liveParticipants.joinedAt, removedAt: liveParticipants.removedAt })
        .from(liveParticipants)
        .innerJoin(users, eq(users.id, liveParticipants.userId))
        .where(eq(liveParticipants.sessionId, session.id))
        .orderBy(asc(liveParticipants.joinedAt));
      const [instructor] = await db.select({ id: users.id, name: users.displayName, email: users.email }).from(users).where(eq(users.id, session.instructorId));
      return [
        { ...instructor!, role: 'instructor' as const, joinedAt: session.createdAt, removed: false },
        ...trainees.filter((t) => t.id !== session.instructorId).map(({ removedAt, ...t }) => ({ ...t, role: 'trainee' as const, removed: !!removedAt })),
      ];
    },

    async startRound(row: { sessionId: string; round: number; kind: DrillKind; productId: string; seed: string; question: DrillQuestion; key: DrillKey; startedAt: Date }): Promise<void> {
      await db.insert(liveRounds).values({
        sessionId: row.sessionId,
        round: row.round,
        kind: row.kind,
        productId: row.productId,
        catalogueVersion: row.key.catalogueVersion,
        seed: row.seed,
        question: row.question,
        answerKey: row.key,
        startedAt: row.startedAt,
      });
    },
    async round(sessionId: string, round: number): Promise<LiveRoundRow | undefined> {
      const [row] = await db.select().from(liveRounds).where(and(eq(liveRounds.sessionId, sessionId), eq(liveRounds.round, round)));
      return row;
    },
    async rounds(sessionId: string): Promise<LiveRoundRow[]> {
      return db.select().from(liveRounds).where(eq(liveRounds.sessionId, sessionId)).orderBy(asc(liveRounds.round));
    },
    async markRevealed(sessionId: string, round: number, at: Date): Promise<void> {
      await db.update(liveRounds).set({ revealedAt: at }).where(and(eq(liveRounds.sessionId, sessionId), eq(liveRounds.round, round)));
    },

    /** The answers of a session (of one round when given), oldest first. */
    async answers(sessionId: string, round?: number): Promise<AnswerRow[]> {
      const rows = await db
        .select({ round: drills.liveRound, name: users.displayName, email: users.email, attempt: attempts })
        .from(drills)
        .innerJoin(attempts, eq(attempts.drillId, drills.id))
        .innerJoin(users, eq(users.id, attempts.userId))
        .where(and(eq(drills.liveSessionId, sessionId), round === undefined ? isNotNull(drills.liveRound) : eq(drills.liveRound, round)))
        .orderBy(asc(drills.liveRound), asc(attempts.answeredAt));
      return rows.map((r) => ({ round: r.round!, name: r.name, email: r.email, answer: r.attempt.answer, attempt: recordOf(r.attempt) }));
    },
    /** Points, right calls and answers per trainee, over the rounds already revealed. */
    async standings(sessionId: string): Promise<StandingRow[]> {
      const rows = await db
        .select({ userId: attempts.userId, scaled: attempts.scaled, correct: attempts.correct })
        .from(drills)
        .innerJoin(attempts, eq(attempts.drillId, drills.id))
        .innerJoin(liveRounds, and(eq(liveRounds.sessionId, drills.liveSessionId), eq(liveRounds.round, drills.liveRound)))
        .where(and(eq(drills.liveSessionId, sessionId), isNotNull(liveRounds.revealedAt)));
      const by = new Map<string, StandingRow>();
      for (const r of rows) {
        const s = by.get(r.userId) ?? { userId: r.userId, points: 0, correct: 0, answered: 0 };
        s.points += pointsOf(r.scaled);
        s.correct += r.correct ? 1 : 0;
        s.answered += 1;
        by.set(r.userId, s);
      }
      return [...by.values()];
    },
  };
}
export type LiveDb = ReturnType<typeof createLiveDb>;
