/** The storage contract on every backend: PGlite always, PostgreSQL (a throwaway cluster) unless skipped. */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres } from '../../src/server/db/database';
import { describeCatalogueStoreContract } from './support/catalogue-store-contract';
import { onPostgres } from './support/on-postgres';

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

onPostgres('CatalogueStore contract', (newDatabase) =>
  describeCatalogueStoreContract('PostgreSQL', async () => {
    const url = await newDatabase();
    return { open: () => openPostgres(url) };
  }),
);
