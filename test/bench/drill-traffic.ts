/**
 * The drills benchmark's moving parts (drill-figures.ts measures with them): an app on a fresh PGlite
 * or PostgreSQL backend with the fixture pack, trainees issuing and answering drills with the same
 * answers every run, a bounded pool, and the rounding of figures.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DrillAnswer, DrillKind, DrillQuestion, DrillResult } from '../../src/domain/drill';
import { createApp, type App } from '../../src/server/app';
import type { ServerConfig } from '../../src/server/config';
import { signedIn, type Client } from '../integration/support/app-client';
import type { TestPostgres } from '../integration/support/postgres';
import { writeFixturePack } from '../unit/server/fixture-pack';

/** Rounds to a few significant digits: the figures span 0.01 to 10,000. */
export const sig = (x: number, digits = 3) => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits)));
export const ratioOf = (value: number, baseline: number) => (baseline > 0 ? sig(value / baseline) : null);

export const KINDS: DrillKind[] = ['spot-the-fake', 'verdict', 'find-the-tells'];
export const TRAINEES = 8;
export const CONCURRENCY = 8;
export const ROUNDS = 3;

/** The same answers every run: the three kinds, find-the-tells with 3 pins (on the fixture pack's tells and beside them). */
function answerFor(kind: DrillKind, i: number): DrillAnswer {
  if (kind === 'spot-the-fake') return { kind, counterfeit: i % 2 ? 'A' : 'B', confidence: 0.7 };
  if (kind === 'verdict') return { kind, verdict: i % 2 ? 'genuine' : 'counterfeit', confidence: 0.6 };
  return {
    kind,
    pins: [
      { position: [0, 0.2, 0], node: 'body' },
      { position: [0, 0.1, 0.101], node: 'label' },
      { position: [0.1, 0.05, 0], node: 'body' },
    ],
  };
}

/** Runs fn over items with at most `concurrency` in flight. */
export async function inPool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

export interface Backend {
  app: App;
  close(): Promise<void>;
}

/** An app on a fresh temp data dir (PGlite) or a fresh database in `cluster`, with the fixture pack (or `contentDir`). */
export async function openBackend(cluster?: TestPostgres, dbName = 'bench', contentDir?: string): Promise<Backend> {
  const tmp = (name: string) => mkdtemp(join(tmpdir(), `twinspect-bench-${name}-`));
  const dirs = [await tmp('data'), contentDir ?? (await writeFixturePack()), await tmp('dist')];
  const cleanup = () => Promise.all(dirs.filter((d) => d !== contentDir).map((d) => rm(d, { recursive: true, force: true }))).then(() => {});
  try {
    const databaseUrl = cluster ? await cluster.createDatabase(dbName) : undefined;
    const config: ServerConfig = { port: 0, host: '127.0.0.1', dataDir: dirs[0]!, databaseUrl, contentDir: dirs[1]!, distDir: dirs[2]! };
    const app = await createApp(config);
    return { app, close: () => app.close().finally(cleanup) };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

export async function issue(trainee: Client, kind: DrillKind): Promise<DrillQuestion> {
  const res = await trainee.request('POST', '/api/drills', { kind });
  if (res.status !== 200) throw new Error(`POST /api/drills answered ${res.status}: ${res.text}`);
  return res.json as DrillQuestion;
}

export async function answer(trainee: Client, q: DrillQuestion, i: number): Promise<void> {
  const res = await trainee.request('POST', `/api/drills/${q.id}/answer`, { answer: answerFor(q.kind, i) });
  if (res.status !== 200 || !(res.json as DrillResult).saved) throw new Error(`POST /api/drills/${q.id}/answer answered ${res.status}: ${res.text}`);
}

export async function traineesOf(app: App, count: number, prefix: string): Promise<Client[]> {
  const out: Client[] = [];
  for (let i = 0; i < count; i++) out.push(await signedIn(app, `${prefix}${i}@bench.test`, 'trainee'));
  return out;
}
