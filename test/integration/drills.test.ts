/** The drill contract on PGlite, and on a throwaway PostgreSQL unless skipped. */
import { describeDrillContract } from './support/drill-contract';
import { onPostgres } from './support/on-postgres';
import { testConfig } from './support/test-config';

describeDrillContract('PGlite', () => testConfig());

onPostgres('drills', (newDatabase) => describeDrillContract('PostgreSQL', async () => testConfig(await newDatabase())));
