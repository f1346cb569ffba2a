/**
 * Supervision grants in the database. An admin proposes (examiner, supervisor, optional end date); the
 * examiner accepts or declines; the examiner, the supervisor or an admin ends it. A supervisor reads a
 * record only when an accepted grant's window — from its acceptance to its end — holds both the
 * record's first store (server time) and its start (device time).
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import { windowEnd } from '../../domain/supervision';
import type { Db } from '../db/database';
import { inspections, supervisionGrants } from '../db/schema';

export type GrantRow = typeof supervisionGrants.$inferSelect;

const g = supervisionGrants;
/** The end of an accepted grant's window: its end date or its early end, whichever is first. */
const windowEndSql = sql`COALESCE(LEAST(${g.endsAt}, ${g.endedAt}), 'infinity'::timestamptz)`;

/** The grant row (accepted) holds the inspections row: both its first store and its start are in the window. */
const windowHolds = sql`${g.acceptedAt} IS NOT NULL
  AND ${inspections.createdAt} >= ${g.acceptedAt} AND ${inspections.startedAt} >= ${g.acceptedAt}
  AND ${inspections.createdAt} < ${windowEndSql} AND ${inspections.startedAt} < ${windowEndSql}`;

/** The condition (on the inspections row in the outer query) that `supervisorId` holds a grant covering it. */
export function coveredBy(supervisorId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${g} WHERE ${g.supervisorId} = ${supervisorId} AND ${g.examinerId} = ${inspections.officerId} AND ${windowHolds})`;
}

/** Not ended, and its end date (if any) still ahead. */
const stillOpen = () => and(isNull(g.endedAt), or(isNull(g.endsAt), gt(g.endsAt, sql`now()`)));

export function createSupervisionStore(db: Db) {
  return {
    async get(id: string): Promise<GrantRow | undefined> {
      return (await db.select().from(g).where(eq(g.id, id)).limit(1))[0];
    },

    /** A pending or active grant between the two, if there is one. */
    async openBetween(examinerId: string, supervisorId: string): Promise<GrantRow | undefined> {
      const rows = await db.select().from(g).where(and(eq(g.examinerId, examinerId), eq(g.supervisorId, supervisorId), stillOpen())).limit(1);
      return rows[0];
    },

    async propose(input: { examinerId: string; supervisorId: string; proposedBy: string; endsAt: Date | null }): Promise<GrantRow> {
      const [row] = await db.insert(g).values({ id: randomUUID(), ...input }).returning();
      return row!;
    },

    /** Accepts a pending grant (not ended, end date ahead); undefined when it is not pending. */
    async accept(id: string): Promise<GrantRow | undefined> {
      const [row] = await db.update(g).set({ acceptedAt: sql`now()` }).where(and(eq(g.id, id), isNull(g.acceptedAt), stillOpen())).returning();
      return row;
    },

    /** Ends a pending or active grant now; undefined when it had already ended. */
    async end(id: string, by: string): Promise<GrantRow | undefined> {
      const [row] = await db.update(g).set({ endedAt: sql`now()`, endedBy: by }).where(and(eq(g.id, id), stillOpen())).returning();
      return row;
    },

    /** Grants, newest first: all of them, or those where `userId` is the examiner or the supervisor. */
    async list(userId: string | undefined): Promise<GrantRow[]> {
      const mine = userId === undefined ? undefined : or(eq(g.examinerId, userId), eq(g.supervisorId, userId));
      return db.select().from(g).where(mine).orderBy(desc(g.proposedAt), desc(g.id)).limit(500);
    },

    /**
     * The accepted grant of `supervisorId` whose window holds the record, with the window's end (photos
     * stored after it stay hidden), or undefined.
     */
    async covering(supervisorId: string, inspectionId: string): Promise<{ grantId: string; windowEnd: Date | null } | undefined> {
      const [row] = await db
        .select({ grantId: g.id, endsAt: g.endsAt, endedAt: g.endedAt })
        .from(inspections)
        .innerJoin(g, and(eq(g.examinerId, inspections.officerId), eq(g.supervisorId, supervisorId)))
        .where(and(eq(inspections.id, inspectionId), windowHolds))
        .orderBy(desc(g.acceptedAt))
        .limit(1);
      return row && { grantId: row.grantId, windowEnd: windowEnd(row) };
    },
  };
}

export type SupervisionStore = ReturnType<typeof createSupervisionStore>;
