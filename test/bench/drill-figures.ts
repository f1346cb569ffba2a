/**
 * Server figures, printed by `npm run bench`, never asserted: answers scored and stored per second on
 * PGlite and on PostgreSQL (each beside GET /healthz at the same concurrency, measured in the same run),
 * and the API's p50/p99 latency under concurrent trainees with autocannon on 127.0.0.1 (beside GET
 * /healthz under the same load). Medians over alternating rounds: the machine is shared and noisy.
 * The app, the trainees and the pool these figures drive are in drill-traffic.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DrillQuestion } from '../../src/domain/drill';
import type { App } from '../../src/server/app';
import { findPostgresBin, startPostgres } from '../integration/support/postgres';
import { median } from './browser-figures';
import { measureDrillModelFigures } from './drill-model-figures';
import { answer, CONCURRENCY, inPool, issue, KINDS, openBackend, ratioOf, ROUNDS, sig, traineesOf, TRAINEES } from './drill-traffic';

/** One printed figure, with the baseline it is compared to when it has one. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Measured in the same run, under the same load. */
  baseline?: { name: string; value: number; unit: string };
  /** value ÷ baseline.value (null where the baseline read 0). */
  ratio?: number | null;
  note?: string;
}

export function formatFigure(f: Figure): string {
  const base = f.baseline ? ` vs ${f.baseline.name} ${f.baseline.value} ${f.baseline.unit} = ${f.ratio ?? 'n/a'}x` : '';
  return `${f.name}: ${f.value} ${f.unit}${base}${f.note ? ` (${f.note})` : ''}`;
}

/**
 * Answers per second through inject: `drillCount` drills issued beforehand (round-robin over the
 * trainees and the three kinds), then answered with `CONCURRENCY` trainees at once, each answering its
 * own drills in turn. Beside it, the same number of GET /healthz at the same concurrency. Medians of rounds.
 */
async function answerThroughput(backend: string, app: App, drillCount: number): Promise<Figure> {
  const trainees = await traineesOf(app, TRAINEES, `${backend.toLowerCase()}-trainee-`);
  const answersPerS: number[] = [];
  const healthzPerS: number[] = [];
  const timeHealthz = async () => {
    const t0 = performance.now();
    await inPool(Array.from({ length: drillCount }), CONCURRENCY, async () => {
      const res = await app.server.inject({ method: 'GET', url: '/healthz' });
      if (res.statusCode !== 200) throw new Error(`GET /healthz answered ${res.statusCode}`);
    });
    healthzPerS.push(drillCount / ((performance.now() - t0) / 1000));
  };
  // One untimed warm-up pass of each, so the first round does not pay for JIT and cold caches.
  await inPool(Array.from({ length: 8 }), CONCURRENCY, async (_, i) => answer(trainees[i % TRAINEES]!, await issue(trainees[i % TRAINEES]!, KINDS[i % 3]!), i));
  for (let round = 0; round < ROUNDS; round++) {
    const perTrainee: DrillQuestion[][] = trainees.map(() => []);
    await inPool(Array.from({ length: drillCount }), CONCURRENCY, async (_, i) => {
      perTrainee[i % TRAINEES]!.push(await issue(trainees[i % TRAINEES]!, KINDS[Math.floor(i / TRAINEES) % 3]!));
    });
    // Alternate which goes first, so that neither always sees the warmer (or busier) machine.
    if (round % 2 === 1) await timeHealthz();
    const t0 = performance.now();
    await Promise.all(
      trainees.map(async (trainee, t) => {
        for (const [k, q] of perTrainee[t]!.entries()) await answer(trainee, q, k);
      }),
    );
    answersPerS.push(drillCount / ((performance.now() - t0) / 1000));
    if (round % 2 === 0) await timeHealthz();
  }
  const value = median(answersPerS);
  const baseline = median(healthzPerS);
  return {
    name: `answers scored and stored per second, ${backend}`,
    value: sig(value),
    unit: 'answers/s',
    baseline: { name: 'GET /healthz', value: sig(baseline), unit: 'req/s' },
    ratio: ratioOf(value, baseline),
    note: `${drillCount} drills per round, ${CONCURRENCY} trainees at once, in-process inject, median of ${ROUNDS} rounds${backend === 'PostgreSQL' ? '; throwaway cluster with fsync=off' : ''}`,
  };
}

interface Histogram {
  p50: number;
  p99: number;
}
interface AutocannonResult {
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; only the parts read here are declared.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface LoadRun {
  p50: number;
  p99: number;
  rps: number;
  failed: number;
}

interface Route {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** A file that gives each connection its own trainee's cookie (autocannon's setupClient). */
  setupClient?: string;
}

/**
 * The API under a load of concurrent trainees: autocannon on 127.0.0.1, `CONNECTIONS` connections each
 * signed in as its own trainee (with ~30 attempts behind them), in a worker thread so that the load
 * generator does not share the server's event loop. Rounds alternate GET /healthz, GET /api/progress and
 * POST /api/drills; each figure is the median over rounds, beside /healthz's median.
 */
async function latencyUnderLoad(quick: boolean): Promise<Figure[]> {
  const CONNECTIONS = 20;
  const ATTEMPTS = 30;
  const seconds = quick ? 2 : 5;
  const rounds = quick ? 1 : ROUNDS;
  const backend = await openBackend();
  const scratch = await mkdtemp(join(tmpdir(), 'twinspect-bench-load-'));
  try {
    const { app } = backend;
    const trainees = await traineesOf(app, CONNECTIONS, 'load-trainee-');
    await inPool(trainees, CONCURRENCY, async (trainee) => {
      for (let i = 0; i < ATTEMPTS; i++) await answer(trainee, await issue(trainee, KINDS[i % 3]!), i);
    });
    await app.server.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.server.address();
    if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
    const url = `http://127.0.0.1:${address.port}`;

    const setupFor = async (name: string, headers: Record<string, string>) => {
      const file = join(scratch, `${name}.cjs`);
      const cookies = trainees.map((t) => t.cookie!);
      await writeFile(
        file,
        `const cookies = ${JSON.stringify(cookies)};\nlet next = 0;\n` +
          `module.exports = (client) => client.setHeaders({ ...${JSON.stringify(headers)}, cookie: cookies[next++ % cookies.length] });\n`,
      );
      return file;
    };
    const healthz: Route = { name: 'GET /healthz', method: 'GET', path: '/healthz' };
    const routes: Route[] = [
      { name: 'GET /api/progress', method: 'GET', path: '/api/progress', setupClient: await setupFor('progress', {}) },
      {
        name: 'POST /api/drills',
        method: 'POST',
        path: '/api/drills',
        body: JSON.stringify({ kind: 'spot-the-fake' }),
        setupClient: await setupFor('issue', { 'content-type': 'application/json' }),
      },
    ];
    const load = async (route: Route, duration: number): Promise<LoadRun> => {
      const result = await autocannon({
        url: `${url}${route.path}`,
        method: route.method,
        connections: CONNECTIONS,
        duration,
        workers: 1,
        ...(route.body ? { body: route.body, headers: { 'content-type': 'application/json' } } : {}),
        ...(route.setupClient ? { setupClient: route.setupClient } : {}),
      });
      return { p50: result.latency.p50, p99: result.latency.p99, rps: result['2xx'] / result.duration, failed: result.non2xx + result.errors + result.timeouts };
    };

    for (const route of [healthz, ...routes]) await load(route, 1); // warm-up, not recorded
    const runs = new Map<Route, LoadRun[]>([healthz, ...routes].map((r) => [r, []]));
    for (let round = 0; round < rounds; round++) {
      for (const route of [healthz, ...routes]) runs.get(route)!.push(await load(route, seconds));
    }
    const med = (route: Route, key: keyof LoadRun) => median(runs.get(route)!.map((r) => r[key]));
    const base = { p50: med(healthz, 'p50'), p99: med(healthz, 'p99'), rps: med(healthz, 'rps') };
    const setup = `${CONNECTIONS} trainees (connections), ${seconds} s, PGlite, median of ${rounds} round${rounds > 1 ? 's' : ''}`;
    const figures: Figure[] = [];
    for (const route of routes) {
      const failed = runs.get(route)!.reduce((n, r) => n + r.failed, 0);
      const note = `${setup}${failed ? `; ${failed} failed requests` : ''}`;
      for (const [key, label, unit] of [
        ['p50', 'p50 latency', 'ms'],
        ['p99', 'p99 latency', 'ms'],
        ['rps', 'throughput', 'req/s'],
      ] as const) {
        const value = med(route, key);
        figures.push({
          name: `${route.name} ${label} under load`,
          value: sig(value),
          unit,
          baseline: { name: `${healthz.name} ${label}`, value: sig(base[key]), unit },
          ratio: ratioOf(value, base[key]),
          note,
        });
      }
    }
    return figures;
  } finally {
    await backend.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

export async function measureDrillFigures(opts: { quick: boolean }): Promise<Figure[]> {
  const drillCount = opts.quick ? 60 : 200;
  const figures: Figure[] = [];
  const pglite = await openBackend();
  try {
    figures.push(await answerThroughput('PGlite', pglite.app, drillCount));
  } finally {
    await pglite.close();
  }
  if (!findPostgresBin()) {
    // stderr, so that --json output stays parseable.
    console.warn('PostgreSQL binaries (initdb, pg_ctl) not found: answers per second on PostgreSQL not measured.');
  } else {
    const cluster = await startPostgres();
    try {
      const postgres = await openBackend(cluster);
      try {
        figures.push(await answerThroughput('PostgreSQL', postgres.app, drillCount));
      } finally {
        await postgres.close();
      }
    } finally {
      await cluster.stop();
    }
  }
  figures.push(...(await latencyUnderLoad(opts.quick)));
  figures.push(...(await measureDrillModelFigures(opts)));
  return figures;
}
