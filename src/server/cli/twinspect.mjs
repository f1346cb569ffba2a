#!/usr/bin/env node
// The `twinspect` command (package bin). Plain JavaScript: it teaches Node to load TypeScript, then runs ./main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
