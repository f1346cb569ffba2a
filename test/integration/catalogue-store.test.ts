/** The storage contract on every backend: PGlite always, PostgreSQL (a throwaway cluster) unless skipped. */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openPglite, openPostgres } from '../../src/server/db/database';
import { describeCatalogueStoreContract } from './support/catalogue-store-contract';
import { findPostgresBin, NO_POSTGRES_MESSAGE, SKIP_POSTGRES, startPostgres, type TestPostgres } from './support/postgres';

/** PGlite's first open of a folder runs initdb (seconds): do it once, then copy the fresh folder per test. */
let template: Promise<string> | undefined;
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const folder = join(await mkdtemp(join(tmpdir(), 'twinspect-pglite-template-')), 'pglite');
    await (await openPglite(folder)).close();
    return folder;
  })();
  return template;
}

describeCatalogueStoreContract('PGlite', async () => {
  const folder = join(await mkdtemp(join(tmpdir(), 'twinspect-pglite-')), 'pglite');
  await cp(await pgliteTemplate(), folder, { recursive: true });
  return { open: () => openPglite(folder) };
});

if (SKIP_POSTGRES) {
  describe.skip('CatalogueStore contract: PostgreSQL (TWINSPECT_SKIP_POSTGRES=1)', () => {
    it('is skipped', () => {});
  });
} else if (!findPostgresBin()) {
  describe('CatalogueStore contract: PostgreSQL', () => {
    it('needs PostgreSQL binaries', () => {
      throw new Error(NO_POSTGRES_MESSAGE);
    });
  });
} else {
  let cluster: TestPostgres;
  let count = 0;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  describeCatalogueStoreContract('PostgreSQL', async () => {
    const url = await cluster.createDatabase(`contract_${++count}`);
    return { open: () => openPostgres(url) };
  });
}
