/**
 * Uploaded files in the database, named by the sha256 of their bytes: every server process serves the
 * same files, a file uploaded twice is stored once, and bytes once written never change (so they are
 * cached here and in browsers for good).
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { products, storedFiles } from '../db/schema';

export interface StoredFile {
  sha256: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** The transaction's handle has the same query API as the database's. */
type Tx = Pick<Db, 'insert' | 'select'>;

/** Files kept in memory: recently served models, up to this many bytes. */
const CACHE_BYTES = 64 * 1024 * 1024;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function createFileStore(db: Db) {
  const cache = new Map<string, StoredFile>();
  let cached = 0;
  const remember = (file: StoredFile) => {
    if (file.bytes.byteLength > CACHE_BYTES / 4) return;
    cache.set(file.sha256, file);
    cached += file.bytes.byteLength;
    for (const [sha, old] of cache) {
      if (cached <= CACHE_BYTES) break;
      cache.delete(sha);
      cached -= old.bytes.byteLength;
    }
  };

  return {
    /** Stores the bytes (once) and returns their sha256 (`sha256` when the caller has it already, e.g. from a check-worker). */
    async put(bytes: Uint8Array, mediaType: string, createdBy: string | null, tx: Tx = db, sha256 = sha256Of(bytes)): Promise<string> {
      await tx
        .insert(storedFiles)
        .values({ sha256, mediaType, size: bytes.byteLength, bytes, createdBy })
        .onConflictDoNothing({ target: storedFiles.sha256 });
      return sha256;
    },

    async get(sha256: string): Promise<StoredFile | undefined> {
      const hit = cache.get(sha256);
      if (hit) return hit;
      const [row] = await db
        .select({ sha256: storedFiles.sha256, mediaType: storedFiles.mediaType, bytes: storedFiles.bytes })
        .from(storedFiles)
        .where(eq(storedFiles.sha256, sha256))
        .limit(1);
      if (row) remember(row);
      return row;
    },

    /** The media type of each of these files that is stored. */
    async mediaTypes(shas: string[], tx: Tx = db): Promise<Map<string, string>> {
      if (shas.length === 0) return new Map();
      const rows = await tx
        .select({ sha256: storedFiles.sha256, mediaType: storedFiles.mediaType })
        .from(storedFiles)
        .where(inArray(storedFiles.sha256, [...new Set(shas)]));
      return new Map(rows.map((r) => [r.sha256, r.mediaType]));
    },

    /** Whether a published authored product refers to the file: then anyone may fetch it. */
    async isPublished(sha256: string): Promise<boolean> {
      const rows = await db
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.published, true), eq(products.source, 'authored'), sql`strpos(${products.document}::text, ${`files/${sha256}.`}) > 0`))
        .limit(1);
      return rows.length > 0;
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
