/**
 * Server configs for tests: a fresh data folder and the fixture pack (PostgreSQL when a database URL
 * is given, else PGlite), and the same with xAPI statements sent to an LRS stand-in.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerConfig } from '../../../src/server/config';
import { readLrsConfig } from '../../../src/server/xapi/lrs-config';
import type { LrsStandin } from '../../support/lrs-standin';
import { writeFixturePack } from '../../unit/server/fixture-pack';

/** A fresh data folder and the fixture pack; PostgreSQL when `databaseUrl` is given, else PGlite. */
export async function testConfig(databaseUrl?: string): Promise<ServerConfig> {
  const tmp = (name: string) => mkdtemp(join(tmpdir(), `twinspect-${name}-`));
  return { port: 0, host: '127.0.0.1', dataDir: await tmp('data'), databaseUrl, contentDir: await writeFixturePack(), distDir: await tmp('dist') };
}

/** testConfig on PGlite, with an LRS: each attempt's statements go to `lrs` for the agency's account homepage. */
export async function lrsTestConfig(lrs: LrsStandin): Promise<ServerConfig> {
  return {
    ...(await testConfig()),
    lrs: readLrsConfig({ LRS_ENDPOINT: lrs.endpoint, LRS_USERNAME: lrs.username, LRS_PASSWORD: lrs.password, XAPI_ACCOUNT_HOMEPAGE: 'https://hr.agency.test' }),
  };
}
