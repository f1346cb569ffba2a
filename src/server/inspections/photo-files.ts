/**
 * The bytes of inspection photos, by sha256, in a table of their own (inspection_photo_files): never in
 * stored_files, so GET /api/files/<sha256>, which serves the catalogue's and the studio's files, cannot
 * serve one to someone who learnt its hash. Only the inspection routes read them, after checking that
 * the caller may read the record.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { inspectionPhotoFiles } from '../db/schema';
import { sha256Of } from '../studio/file-store';

export function createPhotoFileStore(db: Db) {
  return {
    /** Stores the bytes (once) and returns their sha256. */
    async put(bytes: Uint8Array, mediaType: string, createdBy: string): Promise<string> {
      const sha256 = sha256Of(bytes);
      await db
        .insert(inspectionPhotoFiles)
        .values({ sha256, mediaType, size: bytes.byteLength, bytes, createdBy })
        .onConflictDoNothing({ target: inspectionPhotoFiles.sha256 });
      return sha256;
    },

    async get(sha256: string): Promise<{ mediaType: string; bytes: Uint8Array } | undefined> {
      const [row] = await db
        .select({ mediaType: inspectionPhotoFiles.mediaType, bytes: inspectionPhotoFiles.bytes })
        .from(inspectionPhotoFiles)
        .where(eq(inspectionPhotoFiles.sha256, sha256))
        .limit(1);
      return row;
    },
  };
}

export type PhotoFileStore = ReturnType<typeof createPhotoFileStore>;
