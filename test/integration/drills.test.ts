/** The drill contract on PGlite, and on a throwaway PostgreSQL unless skipped. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ServerConfig } from '../../src/server/config';
import { writeFixturePack } from '../unit/server/fixture-pack';
import { describeDrillContract } from './support/drill-contract';
import { findPostgresBin, NO_POSTGRES_MESSAGE, SKIP_POSTGRES, startPostgres, type TestPostgres } from './support/postgres';

async function config(databaseUrl?: string): Promise<ServerConfig> {
  const tmp = (name: string) => mkdtemp(join(tmpdir(), `twinspect-${name}-`));
  return { port: 0, host: '127.0.0.1', dataDir: await tmp('data'), databaseUrl, contentDir: await writeFixturePack(), distDir: await tmp('dist') };
}

describeDrillContract('PGlite', () => config());

if (SKIP_POSTGRES) {
  describe.skip('drills on PostgreSQL (TWINSPECT_SKIP_POSTGRES=1)', () => it('is skipped', () => {}));
} else if (!findPostgresBin()) {
  describe('drills on PostgreSQL', () => it('needs PostgreSQL binaries', () => { throw new Error(NO_POSTGRES_MESSAGE); }));
} else {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  describeDrillContract('PostgreSQL', async () => config(await cluster.createDatabase('drills')));
}
