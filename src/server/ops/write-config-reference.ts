/** `npm run config:reference`: rewrites README.md's configuration table from the settings in src/server/config.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withConfigTable } from './config-reference';

const readme = join(import.meta.dirname, '..', '..', '..', 'README.md');
const before = readFileSync(readme, 'utf8');
const after = withConfigTable(before);
if (after === before) console.log('README.md: the configuration table is up to date');
else {
  writeFileSync(readme, after);
  console.log('README.md: the configuration table was rewritten from src/server/config.ts');
}
