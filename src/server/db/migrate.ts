/**
 * Applies the plain SQL files in ./migrations in name order, each once, each in its own transaction,
 * recording them in schema_migrations. Safe to run at every start and from several processes at once
 * (an advisory lock serialises them on PostgreSQL).
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './database';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_ID = 7_310_455_021;

export interface Migration {
  name: string;
  sql: string;
}

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((n) => /^\d+_[\w-]+\.sql$/.test(n)).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(join(dir, name), 'utf8') })));
}

/** Returns the names of the migrations applied by this call. */
export async function migrate(database: Database, migrations?: Migration[]): Promise<string[]> {
  const list = migrations ?? (await readMigrations());
  await database.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: string[] = [];
  for (const migration of list) {
    const quoted = migration.name.replace(/'/g, "''");
    const lock = database.kind === 'postgres' ? `SELECT pg_advisory_xact_lock(${LOCK_ID});` : '';
    // The check happens inside the transaction, after the lock: a second process waits, then skips.
    const done = await database.db.execute<{ name: string }>(
      sql`SELECT name FROM schema_migrations WHERE name = ${migration.name}`,
    );
    if (rowsOf(done).length > 0) continue;
    try {
      await database.exec(
        `BEGIN;\n${lock}\n` +
          `DO $$ BEGIN IF EXISTS (SELECT 1 FROM schema_migrations WHERE name = '${quoted}') THEN RAISE EXCEPTION 'twinspect:already-applied'; END IF; END $$;\n` +
          `${migration.sql}\n;\nINSERT INTO schema_migrations (name) VALUES ('${quoted}');\nCOMMIT;`,
      );
    } catch (err) {
      if (err instanceof Error && err.message.includes('twinspect:already-applied')) continue;
      throw new Error(`migration ${migration.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    applied.push(migration.name);
  }
  return applied;
}

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
