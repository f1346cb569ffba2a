/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp folder, pg_ctl start on 127.0.0.1 and a
 * free port, pg_ctl stop and remove it after. Finds the binaries on PATH or in /usr/lib/postgresql/<v>/bin
 * (Debian); as root, runs them as the `postgres` user (initdb refuses root).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { freePort } from '../../support/free-port';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** A URL for another database in the same cluster. */
  urlFor(database: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export const SKIP_POSTGRES = process.env.TWINSPECT_SKIP_POSTGRES === '1';

/** The folder holding initdb and pg_ctl, or undefined. */
export function findPostgresBin(): string | undefined {
  const candidates = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

export const NO_POSTGRES_MESSAGE =
  'PostgreSQL binaries (initdb, pg_ctl) were not found on PATH nor in /usr/lib/postgresql/*/bin. ' +
  'Install PostgreSQL (Debian: apt-get install postgresql) or set TWINSPECT_SKIP_POSTGRES=1 to skip the PostgreSQL suite.';


async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(NO_POSTGRES_MESSAGE);
  const asRoot = userInfo().uid === 0;
  const dir = await mkdtemp(join(tmpdir(), 'twinspect-pg-'));
  if (asRoot) {
    const { uid, gid } = await postgresIds().catch(() => {
      throw new Error('running as root, but there is no "postgres" user to run PostgreSQL as (initdb refuses root)');
    });
    await chown(dir, uid, gid);
  }
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const port = await freePort();
  try {
    await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    await pg('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  } catch (err) {
    const tail = await readFile(log, 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`could not start a test PostgreSQL with ${bin}: ${why}\n${tail.slice(-2000)}`);
  }
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url: urlFor('postgres'),
    urlFor,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      const { default: pgLib } = await import('pg');
      const client = new pgLib.Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
