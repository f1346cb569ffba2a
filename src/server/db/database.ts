/**
 * Opens the database: PGlite in a folder (the default) or PostgreSQL through pg when DATABASE_URL is set.
 * Both give the same drizzle API; `exec` runs raw SQL with several statements (used by migrations).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockPglite } from './pglite-lock';
import { schema } from './schema';

export type DatabaseKind = 'pglite' | 'postgres';
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /**
   * Runs SQL text that may hold several statements (simple query protocol) on one connection;
   * if it fails, an open transaction on that connection is rolled back before the error is thrown.
   */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PGlite stores its files in dataDir/pglite. */
  dataDir: string;
  databaseUrl?: string | undefined;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(join(opts.dataDir, 'pglite'));
}

/** Postgres' type id of bytea. */
const BYTEA_OID = 17;

/**
 * bytea to and from Postgres' hex text, natively. PGlite's own codec maps every byte through a JS array
 * and a string (Array.from(bytes).map(hex).join('')): storing a 20 MB upload held the event loop for
 * some 20 s and gigabytes of garbage; Buffer's hex codec does the same in tens of milliseconds.
 */
export function byteaToText(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
}

export function byteaFromText(text: string): Uint8Array {
  const hex = Buffer.from(text.slice(2), 'hex');
  return new Uint8Array(hex.buffer, hex.byteOffset, hex.byteLength);
}

export async function openPglite(folder: string): Promise<Database> {
  const [{ PGlite }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  await mkdir(folder, { recursive: true });
  const unlock = lockPglite(folder);
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create(folder, { serializers: { [BYTEA_OID]: byteaToText }, parsers: { [BYTEA_OID]: byteaFromText } });
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    exec: async (sqlText) => {
      try {
        await client.exec(sqlText);
      } catch (err) {
        await client.exec('ROLLBACK').catch(() => {});
        throw err;
      }
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

export async function openPostgres(url: string): Promise<Database> {
  const [pg, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new pg.default.Pool({ connectionString: url, max: 10 });
  // Fail now, with a clear message, rather than on the first request.
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (err) {
    await pool.end().catch(() => {});
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`cannot connect to PostgreSQL at DATABASE_URL: ${why}`);
  }
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    exec: async (sqlText) => {
      const connection = await pool.connect();
      try {
        await connection.query(sqlText);
      } catch (err) {
        await connection.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
