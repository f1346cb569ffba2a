/** The studio's storage contract on PGlite, and on a throwaway PostgreSQL unless skipped. */
import { onPostgres } from './support/on-postgres';
import { describeStudioContract } from './support/studio-contract';

describeStudioContract('PGlite', async () => undefined);

onPostgres('studio', (newDatabase) => describeStudioContract('PostgreSQL', newDatabase));
