/**
 * Migration 0012_h-photos_inspection_photo_files on a database that holds inspection photos the old way
 * (in stored_files, where GET /api/files could reach them): they move to inspection_photo_files and
 * leave stored_files, unless the same bytes are also catalogue content; studio files stay.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../src/server/db/database';
import { migrate, readMigrations } from '../../src/server/db/migrate';

const sha = (c: string) => c.repeat(64);
const rows = async (database: Database, query: string) => {
  const result = await database.db.execute(sql.raw(query));
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<Record<string, unknown>>;
};

describe('migration 0012_h-photos_inspection_photo_files', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPglite(join(await mkdtemp(join(tmpdir(), 'twinspect-migration-')), 'pglite'));
  });
  afterAll(() => database?.close());

  it('moves the inspection photos out of stored_files, keeping catalogue files and files that are both', async () => {
    const all = await readMigrations();
    const before = all.filter((m) => m.name < '0012_h-photos');
    expect(before.length).toBeLessThan(all.length);
    await migrate(database, before);
    await database.exec(`
      INSERT INTO users (id, email, display_name, role, account_name) VALUES ('u-eve', 'eve@agency.test', 'eve', 'examiner', 'eve'), ('u-ana', 'ana@agency.test', 'ana', 'author', 'ana');
      INSERT INTO stored_files (sha256, media_type, size, bytes, created_by) VALUES
        ('${sha('a')}', 'image/jpeg', 3, '\\x010203', 'u-eve'),
        ('${sha('b')}', 'image/png', 2, '\\x0405', 'u-eve'),
        ('${sha('c')}', 'model/gltf-binary', 1, '\\x06', 'u-ana'),
        ('${sha('d')}', 'image/jpeg', 1, '\\x07', 'u-ana');
      INSERT INTO product_versions (product_id, version, document, status, author_id) VALUES
        ('authored-bag', 1, '{"photos":[{"file":"files/${sha('b')}.png"}]}', 'draft', 'u-ana');
      INSERT INTO inspections (id, officer_id, product_id, content_version, started_at, updated_at, marks) VALUES
        ('11111111-1111-4111-8111-111111111111', 'u-eve', 'test-tote', 'v1', now(), now(), '[]');
      INSERT INTO inspection_photos (id, inspection_id, file_sha256, media_type, bytes) VALUES
        ('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', '${sha('a')}', 'image/jpeg', 3),
        ('33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111', '${sha('b')}', 'image/png', 2),
        ('44444444-4444-4444-8444-444444444444', '11111111-1111-4111-8111-111111111111', '${sha('d')}', 'image/jpeg', 1);
    `);
    expect(await migrate(database)).toContain('0012_h-photos_inspection_photo_files.sql');
    const moved = await rows(database, 'SELECT sha256, media_type, size, created_by FROM inspection_photo_files ORDER BY sha256');
    expect(moved).toEqual([
      { sha256: sha('a'), media_type: 'image/jpeg', size: 3, created_by: 'u-eve' },
      { sha256: sha('b'), media_type: 'image/png', size: 2, created_by: 'u-eve' },
      { sha256: sha('d'), media_type: 'image/jpeg', size: 1, created_by: 'u-ana' },
    ]);
    // a: only a photo, gone; b: also named by a product version, kept; c: a model, kept; d: an author's upload too, kept.
    const left = await rows(database, 'SELECT sha256 FROM stored_files ORDER BY sha256');
    expect(left.map((r) => r.sha256)).toEqual([sha('b'), sha('c'), sha('d')]);
    // The photos now point into the new table: one with no bytes there is refused.
    await expect(
      database.exec(`INSERT INTO inspection_photos (id, inspection_id, file_sha256, media_type, bytes) VALUES ('55555555-5555-4555-8555-555555555555', '11111111-1111-4111-8111-111111111111', '${sha('c')}', 'x', 1)`),
    ).rejects.toThrow(/foreign key/);
  });
});
