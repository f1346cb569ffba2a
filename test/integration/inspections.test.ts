/** The inspection assistant's records, photos and exports on PGlite, and on a throwaway PostgreSQL unless skipped. */
import { onPostgres } from './support/on-postgres';
import { describeInspections } from './support/inspection-suite';

describeInspections('PGlite', async () => undefined);

onPostgres('inspections', (newDatabase) => describeInspections('PostgreSQL', newDatabase));
