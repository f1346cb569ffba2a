/**
 * Inspection records and their photos in the database. A record is its officer's: only they change it,
 * and besides them only a supervisor whose accepted grant covers the record reads it (record-access.ts,
 * supervision-store.ts). A copy older than the stored one (by the device's updatedAt) is never applied.
 */
import { and, asc, count, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { InspectionInput, InspectionPhoto, InspectionRecord } from '../../domain/inspection';
import type { SessionUser } from '../../domain/roles';
import type { Db } from '../db/database';
import { inspectionPhotos, inspections, users } from '../db/schema';
import { coveredBy } from './supervision-store';

export type PutOutcome = 'created' | 'updated' | 'stale' | 'not_yours';
export type Officer = InspectionRecord['officer'];

type RecordRow = typeof inspections.$inferSelect;
type PhotoRow = typeof inspectionPhotos.$inferSelect;

export const photoUrl = (inspectionId: string, photoId: string) => `/api/inspections/${inspectionId}/photos/${photoId}`;

export function photoOf(row: PhotoRow): InspectionPhoto {
  return {
    id: row.id,
    check: row.checkKey,
    caption: row.caption,
    bytes: row.bytes,
    mediaType: row.mediaType,
    locationKept: row.locationKept,
    url: photoUrl(row.inspectionId, row.id),
  };
}

function recordOf(row: RecordRow, officer: Officer, photos: PhotoRow[]): InspectionRecord {
  return {
    id: row.id,
    productId: row.productId,
    contentVersion: row.contentVersion,
    reference: row.reference,
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    marks: row.marks,
    notes: row.notes,
    officer,
    photos: photos.map(photoOf),
    storedAt: row.storedAt.toISOString(),
  };
}

const officerColumns = { id: users.id, displayName: users.displayName, email: users.email };

export function createInspectionStore(db: Db) {
  return {
    /** The record's officer, or undefined when there is no such record. */
    async officerOf(id: string): Promise<string | undefined> {
      const [row] = await db.select({ officerId: inspections.officerId }).from(inspections).where(eq(inspections.id, id)).limit(1);
      return row?.officerId;
    },

    /** The record with its photos; with `photosBefore`, only the photos stored before then (a grant's window end). */
    async get(id: string, photosBefore?: Date): Promise<InspectionRecord | undefined> {
      const [found] = await db
        .select({ record: inspections, officer: officerColumns })
        .from(inspections)
        .innerJoin(users, eq(users.id, inspections.officerId))
        .where(eq(inspections.id, id))
        .limit(1);
      if (!found) return undefined;
      const photos = await db
        .select()
        .from(inspectionPhotos)
        .where(and(eq(inspectionPhotos.inspectionId, id), photosBefore ? lt(inspectionPhotos.createdAt, photosBefore) : undefined))
        .orderBy(asc(inspectionPhotos.createdAt), asc(inspectionPhotos.id));
      return recordOf(found.record, found.officer, photos);
    },

    /**
     * Creates or updates the officer's record. An existing record of someone else is 'not_yours'; one
     * whose stored updatedAt is newer than the input's is 'stale' and left as it is.
     */
    async put(officerId: string, input: InspectionInput): Promise<PutOutcome> {
      const updatedAt = new Date(input.updatedAt);
      const values = {
        productId: input.productId,
        contentVersion: input.contentVersion,
        reference: input.reference,
        startedAt: new Date(input.startedAt),
        updatedAt,
        storedAt: new Date(),
        marks: input.marks,
        notes: input.notes,
      };
      const before = await db
        .select({ officerId: inspections.officerId, updatedAt: inspections.updatedAt })
        .from(inspections)
        .where(eq(inspections.id, input.id))
        .limit(1);
      const written = await db
        .insert(inspections)
        .values({ id: input.id, officerId, ...values })
        .onConflictDoUpdate({
          target: inspections.id,
          set: values,
          // Two copies racing: only the officer's own, and never an older over a newer.
          setWhere: sql`${inspections.officerId} = ${officerId} AND ${inspections.updatedAt} <= ${updatedAt.toISOString()}::timestamptz`,
        })
        .returning({ id: inspections.id });
      if (written.length > 0) return before.length > 0 ? 'updated' : 'created';
      const now = before[0] ?? (await db.select({ officerId: inspections.officerId }).from(inspections).where(eq(inspections.id, input.id)).limit(1))[0];
      return now?.officerId === officerId ? 'stale' : 'not_yours';
    },

    /** The records `user` may read (their own, and those their grants cover), newest first (by the device's last edit), with their photo counts. */
    async list(user: SessionUser) {
      const photoCounts = db
        .select({ inspectionId: inspectionPhotos.inspectionId, n: count().as('n') })
        .from(inspectionPhotos)
        .groupBy(inspectionPhotos.inspectionId)
        .as('photo_counts');
      const whose = or(eq(inspections.officerId, user.id), coveredBy(user.id));
      const rows = await db
        .select({ record: inspections, officer: officerColumns, photoCount: photoCounts.n })
        .from(inspections)
        .innerJoin(users, eq(users.id, inspections.officerId))
        .leftJoin(photoCounts, eq(photoCounts.inspectionId, inspections.id))
        .where(whose)
        .orderBy(desc(inspections.updatedAt), asc(inspections.id));
      return rows.map((r) => ({ record: r.record, officer: r.officer, photoCount: Number(r.photoCount ?? 0) }));
    },

    async photo(inspectionId: string, photoId: string): Promise<PhotoRow | undefined> {
      const [row] = await db
        .select()
        .from(inspectionPhotos)
        .where(and(eq(inspectionPhotos.inspectionId, inspectionId), eq(inspectionPhotos.id, photoId)))
        .limit(1);
      return row;
    },

    /** Whether a photo with this id exists under any record (ids are the devices', unique across records). */
    async photoIdTaken(photoId: string): Promise<boolean> {
      const rows = await db.select({ id: inspectionPhotos.id }).from(inspectionPhotos).where(eq(inspectionPhotos.id, photoId)).limit(1);
      return rows.length > 0;
    },

    /** Adds the photo once: the same id again changes nothing. Returns the stored row. */
    async addPhoto(row: Omit<PhotoRow, 'createdAt'>): Promise<PhotoRow | undefined> {
      await db.insert(inspectionPhotos).values(row).onConflictDoNothing({ target: inspectionPhotos.id });
      const [stored] = await db.select().from(inspectionPhotos).where(eq(inspectionPhotos.id, row.id)).limit(1);
      return stored;
    },

    /** All the photos of a record, oldest first. */
    async photos(inspectionId: string): Promise<PhotoRow[]> {
      return db.select().from(inspectionPhotos).where(eq(inspectionPhotos.inspectionId, inspectionId)).orderBy(asc(inspectionPhotos.createdAt), asc(inspectionPhotos.id));
    },
  };
}

export type InspectionStore = ReturnType<typeof createInspectionStore>;
