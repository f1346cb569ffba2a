#!/usr/bin/env node
// The `twinspect` command (package bin). Plain JavaScript: it teaches Node to load TypeScript, then runs ./main.ts.
// `twinspect scan` goes to the recognition module directly, so that ./main.ts (and the server) never load TensorFlow.js.
import { register } from 'tsx/esm/api';

register();
const argv = process.argv.slice(2);
if (argv[0] === 'scan') {
  const { runScan } = await import('../../recognition/scan-cli.ts');
  process.exitCode = await runScan(argv.slice(1), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
} else {
  const { main } = await import('./main.ts');
  process.exitCode = await main(argv);
}
