/**
 * Hostile-upload figures, printed by `npm run bench` (or alone: `npx tsx test/bench/hostile-figures.ts
 * [--quick]`), never asserted. In one child process running the real server over HTTP: the peak
 * memory (process RSS, sampled every 5 ms, above the process at rest with its check-workers started)
 * of checking the worst accepted upload and each hostile file, the worst refused one reported; and
 * /healthz p99 while two hostile uploads run without pause, beside /healthz p99 idle measured just before.
 */
import { execFile } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { signedIn } from '../integration/support/app-client';
import { studioApp } from '../integration/support/studio';
import { freePort } from '../support/free-port';
import { zerosBomb } from '../unit/server/studio/zip-fixtures';
import { deepExtrasGlb, deepNodeChainGlb, hugeSparseGlb, pointsOnlyGlb, unusedMeshesGlb } from '../unit/server/uploads/hostile-models';
import { joinGlb, splitGlb } from '../unit/server/uploads/upload-fixtures';
import type { Figure } from './drill-figures';
import { uploadOf } from './upload-figures';

const MB = 1024 * 1024;
const self = fileURLToPath(import.meta.url);

interface Case {
  name: string;
  url: string;
  bytes: Uint8Array;
}

interface ChildResult {
  accepted: { name: string; peakMB: number; status: number };
  refused: { name: string; peakMB: number; status: number }[];
  idleP99: number;
  loadedP99: number;
  loadedRequests: number;
  /** The server's event loop delay p99 during the loaded run: what the main thread itself held up. */
  loopDelayP99: number;
}

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const round = (x: number) => Math.round(x * 10) / 10;

async function runChild(quick: boolean): Promise<ChildResult> {
  const app = await studioApp();
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const { cookie } = await signedIn(app, 'ada@agency.test', 'author');
  const post = async (c: Case) => {
    const form = new FormData();
    form.append('file', new Blob([c.bytes as Uint8Array<ArrayBuffer>]), c.name);
    const res = await fetch(`${base}${c.url}`, { method: 'POST', body: form, headers: { cookie: cookie! } });
    await res.arrayBuffer();
    return res.status;
  };
  let rss = 0;
  const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 5);
  const peakOf = async (c: Case) => {
    globalThis.gc?.();
    const rest = process.memoryUsage().rss;
    rss = rest;
    const status = await post(c);
    return { name: c.name, status, peakMB: round((rss - rest) / MB) };
  };
  const upload = (name: string, bytes: Uint8Array): Case => ({ name, bytes, url: '/api/studio/uploads' });
  const acceptedBytes = await uploadOf(quick ? 5 : 20);
  // Both workers started and warm before anything is measured.
  await Promise.all([post(upload('warm-a.glb', acceptedBytes)), post(upload('warm-b.glb', acceptedBytes))]);
  const accepted = await peakOf(upload(`${(acceptedBytes.length / MB).toFixed(1)} MB model (accepted)`, acceptedBytes));
  const broken = splitGlb(acceptedBytes);
  broken.json.accessors[0].byteOffset = 1 << 20; // refused by the validator, after it has read the whole file
  const refusedCases = [
    upload(`${(acceptedBytes.length / MB).toFixed(1)} MB model, a broken accessor`, joinGlb(broken.json, broken.bin)),
    upload('JSON 10,000 deep', await deepExtrasGlb()),
    upload('9,999 nested nodes', await deepNodeChainGlb()),
    upload('40M-point sparse accessor', await hugeSparseGlb()),
    upload('points-only mesh', await pointsOnlyGlb()),
    upload('100,000 unused meshes', await unusedMeshesGlb()),
    { name: 'zip bomb, 25 × 50 MB of zeros', url: '/api/studio/import', bytes: zerosBomb() },
  ];
  const refused = [];
  for (const c of refusedCases) refused.push(await peakOf(c));
  clearInterval(sampler);

  const healthz = async (n: number, until?: () => boolean) => {
    const times: number[] = [];
    for (let i = 0; i < n || (until && !until()); i++) {
      const t0 = performance.now();
      await (await fetch(`${base}/healthz`)).arrayBuffer();
      times.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return times;
  };
  const idle = await healthz(quick ? 100 : 200);
  let stop = false;
  const hostile = [refusedCases[0]!, refusedCases[5]!];
  const loops = hostile.map(async (c) => {
    while (!stop) await post(c);
  });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const loaded = await healthz(quick ? 100 : 200, () => performance.now() - started > (quick ? 4000 : 8000));
  stop = true;
  delay.disable();
  await Promise.all(loops);
  await app.close();
  return { accepted, refused, idleP99: round(p99(idle)), loadedP99: round(p99(loaded)), loadedRequests: loaded.length, loopDelayP99: round(delay.percentile(99) / 1e6) };
}

export async function measureHostileFigures(opts: { quick?: boolean } = {}): Promise<Figure[]> {
  const args = ['--expose-gc', '--import', 'tsx', self, '--child', ...(opts.quick ? ['--quick'] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 4 * MB, timeout: 240_000 });
  const r = JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult;
  const worst = r.refused.reduce((a, b) => (b.peakMB > a.peakMB ? b : a));
  const ratio = (value: number, base: number) => (base > 0 ? Number((value / base).toFixed(2)) : null);
  return [
    { name: `peak RSS above rest, checking the worst accepted file (${r.accepted.name}, ${r.accepted.status})`, value: r.accepted.peakMB, unit: 'MB', note: 'aim: under 512 MB per check' },
    {
      name: `peak RSS above rest, checking the worst refused file (${worst.name}, ${worst.status})`,
      value: worst.peakMB,
      unit: 'MB',
      baseline: { name: 'the worst accepted file', value: r.accepted.peakMB, unit: 'MB' },
      ratio: ratio(worst.peakMB, r.accepted.peakMB),
      note: r.refused.map((c) => `${c.name} ${c.peakMB} MB (${c.status})`).join('; '),
    },
    {
      name: '/healthz p99 while two hostile uploads run',
      value: r.loadedP99,
      unit: 'ms',
      baseline: { name: '/healthz p99 idle', value: r.idleP99, unit: 'ms' },
      ratio: ratio(r.loadedP99, r.idleP99),
      note: `${r.loadedRequests} requests; uploads: a broken ${r.accepted.name.split(' (')[0]} and 100,000 unused meshes, each again as soon as refused; the event loop's own delay p99 ${r.loopDelayP99} ms (the rest is CPU shared with the check-workers); aim: under 100 ms`,
    },
  ];
}

if (process.argv[1] === self) {
  const quick = process.argv.includes('--quick');
  if (process.argv.includes('--child')) {
    console.log(JSON.stringify(await runChild(quick)));
    process.exit(0);
  } else {
    const figures = await measureHostileFigures({ quick });
    const { formatFigure } = await import('./drill-figures');
    for (const f of figures) console.log(`  ${formatFigure(f)}`);
  }
}
