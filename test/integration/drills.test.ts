/** The drill contract on PGlite, and on a throwaway PostgreSQL unless skipped. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerConfig } from '../../src/server/config';
import { writeFixturePack } from '../unit/server/fixture-pack';
import { describeDrillContract } from './support/drill-contract';
import { onPostgres } from './support/on-postgres';

async function config(databaseUrl?: string): Promise<ServerConfig> {
  const tmp = (name: string) => mkdtemp(join(tmpdir(), `twinspect-${name}-`));
  return { port: 0, host: '127.0.0.1', dataDir: await tmp('data'), databaseUrl, contentDir: await writeFixturePack(), distDir: await tmp('dist') };
}

describeDrillContract('PGlite', () => config());

onPostgres('drills', (newDatabase) => describeDrillContract('PostgreSQL', async () => config(await newDatabase())));
