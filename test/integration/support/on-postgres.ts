/**
 * Runs a suite on a throwaway PostgreSQL cluster, started once for the file: skipped with
 * TWINSPECT_SKIP_POSTGRES=1, failing with a clear message when the binaries are missing.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { findPostgresBin, NO_POSTGRES_MESSAGE, SKIP_POSTGRES, startPostgres, type TestPostgres } from './postgres';

/** `suite` gets a function that makes a fresh empty database in the cluster and returns its URL. */
export function onPostgres(title: string, suite: (newDatabase: () => Promise<string>) => void): void {
  if (SKIP_POSTGRES) {
    describe.skip(`${title}: PostgreSQL (TWINSPECT_SKIP_POSTGRES=1)`, () => it('is skipped', () => {}));
    return;
  }
  if (!findPostgresBin()) {
    describe(`${title}: PostgreSQL`, () =>
      it('needs PostgreSQL binaries', () => {
        throw new Error(NO_POSTGRES_MESSAGE);
      }),
    );
    return;
  }
  let cluster: TestPostgres;
  let count = 0;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  suite(() => cluster.createDatabase(`db_${++count}`));
}
