/**
 * The drill models' worker thread (drill-model-worker.mjs): started with the first job, one job at a
 * time, jobs a trainee is waiting for before the ones that fill the pool, stopped after a while
 * with nothing to do. It never keeps the process alive; if it dies, the jobs waiting on it fail with
 * the reason and the next one starts a new worker.
 */
import { Worker } from 'node:worker_threads';
import type { ModelCounts, ProductCeiling } from './drill-model';

const IDLE_MS = 60_000;

export type DrillModelJob =
  | { kind: 'counts'; key: string; bytes: Uint8Array }
  | { kind: 'remake'; key: string; bytes: Uint8Array; seed: string; ceiling: ProductCeiling };

type Reply = { id: number; ok: true; counts?: ModelCounts; bytes?: Uint8Array } | { id: number; ok: false; error: string };

interface Waiting {
  job: DrillModelJob;
  resolve: (r: Reply & { ok: true }) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let idle: NodeJS.Timeout | undefined;
let lastId = 0;
let running: { id: number; w: Waiting } | undefined;
const urgent: Waiting[] = [];
const later: Waiting[] = [];

function failRunning(reason: Error): void {
  running?.w.reject(reason);
  running = undefined;
}

function start(): Worker {
  const w = new Worker(new URL('./drill-model-worker.mjs', import.meta.url));
  w.unref();
  w.on('message', (reply: Reply) => {
    const job = running;
    running = undefined;
    if (job && job.id === reply.id) {
      if (reply.ok) job.w.resolve(reply);
      else job.w.reject(new Error(reply.error));
    }
    next();
  });
  w.on('error', (err) => failRunning(err instanceof Error ? err : new Error(String(err))));
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    failRunning(new Error(`the drill models' worker stopped (exit code ${code})`));
    next();
  });
  return w;
}

function next(): void {
  if (running) return;
  const w = urgent.shift() ?? later.shift();
  if (!w) {
    clearTimeout(idle);
    idle = setTimeout(() => void stopDrillModelThread(), IDLE_MS).unref();
    return;
  }
  clearTimeout(idle);
  worker ??= start();
  running = { id: ++lastId, w };
  // The bytes are copied, not moved: the caller keeps its study model for the next job.
  worker.postMessage({ id: running.id, ...w.job });
}

function enqueue(job: DrillModelJob, isUrgent: boolean): Promise<Reply & { ok: true }> {
  return new Promise((resolve, reject) => {
    (isUrgent ? urgent : later).push({ job, resolve, reject });
    next();
  });
}

/** A study model's counts (as a drill model would count them). */
export async function studyCountsOffThread(key: string, bytes: Uint8Array): Promise<ModelCounts> {
  return (await enqueue({ kind: 'counts', key, bytes }, true)).counts!;
}

/** A drill model made on the worker; `urgent` when a trainee is waiting for it, else after those. */
export async function remakeOffThread(job: Omit<DrillModelJob & { kind: 'remake' }, 'kind'>, isUrgent: boolean): Promise<Uint8Array> {
  return new Uint8Array((await enqueue({ kind: 'remake', ...job }, isUrgent)).bytes!);
}

/** Jobs queued or running: none once the pools are full (the bench waits for that). */
export function drillModelJobsPending(): number {
  return urgent.length + later.length + (running ? 1 : 0);
}

/** Stops the worker (when idle, or as the server closes); jobs still queued are refused. */
export async function stopDrillModelThread(): Promise<void> {
  clearTimeout(idle);
  const w = worker;
  worker = null;
  await w?.terminate();
}
