/**
 * The audit log of inspection-record access: every grant proposed, accepted, declined, withdrawn or
 * revoked, and every read of another officer's record (the list, the record, its JSON and PDF exports,
 * each photo). Written before the answer is sent, so a read that cannot be logged is not answered.
 * The examiner reads the entries about their own records; admins read all. Append-only in the database.
 */
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database';
import { inspections, recordAccessLog, supervisionGrants, users } from '../db/schema';
import type { AccessAction } from '../db/schema-supervision';

export interface AccessEntry {
  actorId: string;
  examinerId: string;
  action: AccessAction;
  inspectionId?: string | null;
  grantId?: string | null;
  detail?: string | null;
}

const PAGE = 200;

export function createAccessLog(db: Db) {
  return {
    async add(...entries: AccessEntry[]): Promise<void> {
      if (entries.length === 0) return;
      await db.insert(recordAccessLog).values(entries);
    },

    /** Newest first, at most 200 from before the entry `before`: all, or those about `examinerId`'s records. */
    async list(o: { examinerId?: string; before?: number }) {
      const where: SQL[] = [];
      if (o.examinerId !== undefined) where.push(eq(recordAccessLog.examinerId, o.examinerId));
      if (o.before !== undefined) where.push(lt(recordAccessLog.id, o.before));
      const rows = await db
        .select({ entry: recordAccessLog, reference: inspections.reference, productId: inspections.productId, supervisorId: supervisionGrants.supervisorId })
        .from(recordAccessLog)
        .leftJoin(inspections, eq(inspections.id, recordAccessLog.inspectionId))
        .leftJoin(supervisionGrants, eq(supervisionGrants.id, recordAccessLog.grantId))
        .where(and(...where))
        .orderBy(desc(recordAccessLog.id))
        .limit(PAGE);
      const ids = [...new Set(rows.flatMap((r) => [r.entry.actorId, r.entry.examinerId, r.supervisorId ?? r.entry.actorId]))];
      const people = ids.length ? await db.select({ id: users.id, displayName: users.displayName, email: users.email }).from(users).where(inArray(users.id, ids)) : [];
      const byId = new Map(people.map((p) => [p.id, { displayName: p.displayName, email: p.email }]));
      const gone = { displayName: '', email: '' };
      return {
        entries: rows.map(({ entry, reference, productId, supervisorId }) => ({
          id: entry.id,
          at: entry.at.toISOString(),
          action: entry.action,
          actor: byId.get(entry.actorId) ?? gone,
          examiner: byId.get(entry.examinerId) ?? gone,
          // The grant's supervisor, for the grant steps (and the reads made under it).
          supervisor: supervisorId ? (byId.get(supervisorId) ?? gone) : null,
          record: entry.inspectionId ? { id: entry.inspectionId, reference: reference ?? '', productId: productId ?? '' } : null,
          detail: entry.detail,
        })),
        more: rows.length === PAGE,
      };
    },
  };
}

export type AccessLog = ReturnType<typeof createAccessLog>;
