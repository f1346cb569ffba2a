/** The live-session contract on PGlite, then on a throwaway PostgreSQL unless skipped (one after the other). */
import { describeLiveContract } from './support/live-contract';
import { testConfig } from './support/test-config';
import { onPostgres } from './support/on-postgres';

describeLiveContract('PGlite', () => testConfig());

onPostgres('live sessions', (newDatabase) => describeLiveContract('PostgreSQL', async () => testConfig(await newDatabase())));
