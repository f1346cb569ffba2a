/**
 * Model upload figures, printed by `npm run bench` (or alone: `npx tsx test/bench/upload-figures.ts
 * [--quick]`), never asserted: the time to check and optimise uploads of about 1, 5 and 20 MB (a
 * built-in product with a noise texture added: incompressible, the worst case), the median of a few
 * runs, and the peak resident memory above the process at rest. Each size runs in its own Node
 * process, so that one size's peak does not hide the next; ratios are against the 1 MB upload.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { modelIO } from '../../src/server/uploads/gltf-io';
import { checkModel } from '../../src/server/uploads/model-check';
import { optimiseModel } from '../../src/server/uploads/model-optimise';
import { noisePng, productGlb, withTexture } from '../unit/server/uploads/upload-fixtures';
import { median } from './browser-figures';
import type { Figure } from './drill-figures';

const MB = 1024 * 1024;
const self = fileURLToPath(import.meta.url);

interface CaseResult {
  checkMs: number;
  optimiseMs: number;
  totalMs: number;
  peakRssMB: number;
  outputKB: number;
  withinBudget: boolean;
}

/** A built-in product with a square noise texture sized so that the GLB is about `megabytes`. */
export async function uploadOf(megabytes: number): Promise<Uint8Array> {
  const base = await productGlb();
  const sample = await noisePng(256);
  const bytesPerPixel = sample.byteLength / 256 ** 2;
  const edge = Math.round(Math.sqrt(Math.max(megabytes * MB - base.byteLength, 0) / bytesPerPixel));
  return withTexture(base, await noisePng(Math.max(edge, 16), Math.max(edge, 16), { seed: megabytes }));
}

/** In the child process: check and optimise the upload `runs` times after a warm-up; report medians and the peak RSS. */
async function runCase(file: string, runs: number): Promise<CaseResult> {
  await modelIO();
  const atRest = process.memoryUsage().rss;
  const bytes = new Uint8Array(await readFile(file));
  const checks: number[] = [];
  const optimises: number[] = [];
  let output: { bytes: Uint8Array; withinBudget: boolean } = { bytes: new Uint8Array(), withinBudget: false };
  for (let i = -1; i < runs; i++) {
    const t0 = performance.now();
    const check = await checkModel(bytes, 'upload.glb');
    const t1 = performance.now();
    if (!check.ok) throw new Error(`the bench upload was refused: ${JSON.stringify(check.errors)}`);
    output = await optimiseModel(bytes);
    if (i < 0) continue; // a warm-up run: the validator and meshopt compile on first use
    checks.push(t1 - t0);
    optimises.push(performance.now() - t1);
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const round = (x: number) => Math.round(x);
  return {
    checkMs: round(median(checks)),
    optimiseMs: round(median(optimises)),
    totalMs: round(median(checks.map((c, i) => c + optimises[i]!))),
    peakRssMB: round((peakRss - atRest) / MB),
    outputKB: round(output.bytes.byteLength / 1024),
    withinBudget: output.withinBudget,
  };
}

async function inChild(file: string, runs: number): Promise<CaseResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', self, '--child', file, String(runs)], {
    maxBuffer: 4 * MB,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as CaseResult;
}

export async function measureUploadFigures(opts: { quick?: boolean } = {}): Promise<Figure[]> {
  const sizes = opts.quick ? [1, 5] : [1, 5, 20];
  const runs = opts.quick ? 3 : 5;
  const dir = await mkdtemp(join(tmpdir(), 'twinspect-bench-uploads-'));
  const figures: Figure[] = [];
  try {
    let baseline: { ms: number; mb: number; name: string } | undefined;
    for (const size of sizes) {
      const upload = await uploadOf(size);
      const file = join(dir, `${size}mb.glb`);
      await writeFile(file, upload);
      const r = await inChild(file, runs);
      const name = `${(upload.byteLength / MB).toFixed(1)} MB upload`;
      const note = `check ${r.checkMs} ms + optimise ${r.optimiseMs} ms; output ${r.outputKB} kB, ${r.withinBudget ? 'within' : 'over'} the 1.5 MB budget`;
      const ratio = (value: number, base: number) => (base > 0 ? Number((value / base).toFixed(2)) : null);
      figures.push({
        name: `check + optimise, ${name}`,
        value: r.totalMs,
        unit: 'ms',
        ...(baseline ? { baseline: { name: baseline.name, value: baseline.ms, unit: 'ms' }, ratio: ratio(r.totalMs, baseline.ms) } : {}),
        note: `median of ${runs}; ${note}`,
      });
      figures.push({
        name: `peak RSS above rest, ${name}`,
        value: r.peakRssMB,
        unit: 'MB',
        ...(baseline ? { baseline: { name: baseline.name, value: baseline.mb, unit: 'MB' }, ratio: ratio(r.peakRssMB, baseline.mb) } : {}),
      });
      baseline ??= { ms: r.totalMs, mb: r.peakRssMB, name };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}

if (process.argv[1] === self) {
  const child = process.argv.indexOf('--child');
  if (child > 0) {
    console.log(JSON.stringify(await runCase(process.argv[child + 1]!, Number(process.argv[child + 2]))));
  } else {
    const figures = await measureUploadFigures({ quick: process.argv.includes('--quick') });
    const { formatFigure } = await import('./drill-figures');
    if (process.argv.includes('--json')) console.log(JSON.stringify(figures, null, 2));
    else for (const f of figures) console.log(`  ${formatFigure(f)}`);
  }
}
