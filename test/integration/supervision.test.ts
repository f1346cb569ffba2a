/** Supervision grants over inspection records and the access log, on PGlite and on a throwaway PostgreSQL unless skipped. */
import { onPostgres } from './support/on-postgres';
import { describeSupervision } from './support/supervision-suite';

describeSupervision('PGlite', async () => undefined);

onPostgres('supervision', (newDatabase) => describeSupervision('PostgreSQL', newDatabase));
