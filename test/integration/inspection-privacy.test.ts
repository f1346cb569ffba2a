/** Inspection photos and records give nothing away to those who may not read them: on PGlite, and on a throwaway PostgreSQL unless skipped. */
import { onPostgres } from './support/on-postgres';
import { describeInspectionPrivacy } from './support/inspection-privacy-suite';

describeInspectionPrivacy('PGlite', async () => undefined);

onPostgres('inspection privacy', (newDatabase) => describeInspectionPrivacy('PostgreSQL', newDatabase));
