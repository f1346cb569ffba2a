/**
 * The hostile-upload bench's memory figures (hostile-figures.ts), in a child process of their own
 * (`node --expose-gc --import tsx test/bench/hostile-memory.ts [--quick]`, prints JSON): each file
 * checked on a fresh check-worker (a new pool of one, warmed on a small model so that the modules are
 * loaded) and handed over to it as the upload route does, the peak resident memory of the whole process (VmHWM, reset through /proc/self/clear_refs
 * just before) above the process at rest with that worker idle. A zip is judged as the import route
 * judges it (checkPackZip: its directory on the main thread, its models on a worker).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkPackZip } from '../../src/server/studio/pack-import';
import { DEFAULT_POOL, ModelCheckPool } from '../../src/server/uploads/model-check-pool';
import { productGlb } from '../unit/server/uploads/upload-fixtures';
import { hostileCases, type HostileCase } from './hostile-cases';

const MB = 1024 * 1024;

export interface PeakOf {
  name: string;
  /** ok: accepted; otherwise the first issue's code. */
  outcome: string;
  peakMB: number;
}

const kb = (field: 'VmRSS' | 'VmHWM') => Number(readFileSync('/proc/self/status', 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))![1]) * 1024;
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

async function peakOf(c: HostileCase): Promise<PeakOf> {
  const pool = new ModelCheckPool({ ...DEFAULT_POOL, workers: 1, idleMs: 60_000 });
  try {
    const warm = await pool.upload(await productGlb(), 'warm-up.glb');
    if (!warm.ok) throw new Error(`the warm-up model was refused: ${JSON.stringify(warm.errors)}`);
    const bytes = new Uint8Array(c.bytes); // the upload as the route holds it: a buffer of its own, handed over to the worker
    globalThis.gc?.();
    await settle();
    const rest = kb('VmRSS');
    writeFileSync('/proc/self/clear_refs', '5'); // VmHWM from here
    let outcome: string;
    if (c.url === '/api/studio/import') {
      const checked = await checkPackZip(bytes);
      outcome = checked.ok ? 'ok' : 'invalid_pack';
    } else {
      const r = await pool.upload(bytes, c.name, undefined, { handOver: true });
      outcome = r.ok ? 'ok' : r.errors[0]!.code;
    }
    return { name: c.name, outcome, peakMB: Math.round(((kb('VmHWM') - rest) / MB) * 10) / 10 };
  } finally {
    await pool.stop();
  }
}

if (process.argv[1] === import.meta.filename) {
  const cases = await hostileCases(process.argv.includes('--quick'));
  const accepted = await peakOf(cases.accepted);
  const refused: PeakOf[] = [];
  for (const c of cases.refused) refused.push(await peakOf(c));
  console.log(JSON.stringify({ accepted, refused }));
  process.exit(0);
}
