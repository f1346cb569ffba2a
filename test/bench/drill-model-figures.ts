/**
 * From POST /api/drills to the last byte of the drill's models, p95: each drill item's own model
 * (made ahead in a pool on the worker thread, or on first request when the pool is out), beside
 * today's drill before issue 16 measured in the same run (the same POST, then the study files of
 * the same product, as the old route served them from memory). Trainees start a drill of a built-in
 * product at a class's pace: `RATE` new drills a second in all, each fetching its two models at once,
 * after a warm-up that leaves the pools full. Rounds alternate; the figure is the median of the
 * rounds' p95s. The pools keep up while the worker makes models faster than drills take them
 * (50–300 ms of CPU a model for the built-in products: some 2–10 models a second on one free core).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DrillQuestion } from '../../src/domain/drill';
import { drillModelJobsPending } from '../../src/server/drills/drill-model-thread';
import type { Figure } from './drill-figures';
import { median } from './browser-figures';
import { openBackend, ratioOf, sig, traineesOf } from './drill-traffic';

/** New drills a second across the class: 30 trainees each starting one a minute (a drill takes them 30–90 s). */
const RATE = 0.5;
const TRAINEES = 6;
const PRODUCTS = ['aurele-no7-perfume', 'bramble-bear', 'cardiolex-blister-pack', 'halvard-meridian-diver', 'sonique-pods-pro', 'stridewell-apex-runner', 'verleine-flap-bag', 'voltria-usb-c-charger'];
const STUDY_FILES = ['models/genuine.glb', 'models/counterfeit-a.glb'];

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureDrillModelFigures(opts: { quick: boolean }): Promise<Figure[]> {
  const content = join(import.meta.dirname, '..', '..', 'content');
  const backend = await openBackend(undefined, 'bench', content);
  const drills = opts.quick ? 16 : 48;
  const rounds = opts.quick ? 1 : 3;
  try {
    const { app } = backend;
    const trainees = await traineesOf(app, TRAINEES, 'model-trainee-');
    const get = async (url: string) => {
      const res = await app.server.inject({ method: 'GET', url });
      if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}`);
    };
    /** One drill: POST, then its models (or, for today's drill, the product's study files) all at once. */
    const oneDrill = async (i: number, today: boolean) => {
      const trainee = trainees[i % TRAINEES]!;
      const productId = PRODUCTS[(i * 5) % PRODUCTS.length]!;
      const t0 = performance.now();
      const res = await trainee.request('POST', '/api/drills', { kind: 'spot-the-fake', productId });
      if (res.status !== 200) throw new Error(`POST /api/drills answered ${res.status}: ${res.text}`);
      const q = res.json as DrillQuestion;
      await Promise.all(today ? STUDY_FILES.map((f) => get(`/content/products/${productId}/${f}`)) : q.items.map((item) => get(item.model)));
      return performance.now() - t0;
    };
    const round = async (today: boolean) => {
      const times: number[] = [];
      await Promise.all(
        Array.from({ length: drills }, async (_, i) => {
          await sleep((i / RATE) * 1000);
          times.push(await oneDrill(i, today));
        }),
      );
      return p95(times);
    };
    // Warm-up, not recorded: one drill of each product, then until its pools are full (as on a server that has been drilling).
    for (const [i] of PRODUCTS.entries()) await oneDrill(i * 5, false);
    for (const until = Date.now() + 180_000; drillModelJobsPending() > 0 && Date.now() < until; ) await sleep(250);
    const mine: number[] = [];
    const baseline: number[] = [];
    for (let r = 0; r < rounds; r++) {
      if (r % 2 === 1) baseline.push(await round(true));
      mine.push(await round(false));
      if (r % 2 === 0) baseline.push(await round(true));
    }
    const value = median(mine);
    const base = median(baseline);
    return [
      {
        name: 'POST /api/drills to the last model byte, p95',
        value: sig(value),
        unit: 'ms',
        baseline: { name: "today's drill (study files served as they are)", value: sig(base), unit: 'ms' },
        ratio: ratioOf(value, base),
        note: `${drills} spot-the-fake drills per round over the 8 built-in products, ${RATE} new drills/s from ${TRAINEES} trainees, PGlite, in-process inject, median of ${rounds} round${rounds > 1 ? 's' : ''}`,
      },
    ];
  } finally {
    await backend.close();
  }
}

