/**
 * glbToUsdz on a worker thread (usdz-worker.mjs): started with the first export, one export at a
 * time in the order asked, and stopped after a while with nothing to do. The worker never keeps the
 * process alive; if it dies, the exports waiting on it fail with the reason and the next one starts
 * a new worker.
 */
import { Worker } from 'node:worker_threads';
import type { UsdzExport } from './usdz-export';

/** How long an idle worker (three, the loader, the canvas: some 100 MB) is kept for the next export. */
const IDLE_MS = 30_000;

type Reply = { id: number; ok: true; bytes: Uint8Array; warnings: string[] } | { id: number; ok: false; error: string };

let worker: Worker | null = null;
let idle: NodeJS.Timeout | undefined;
let lastId = 0;
const waiting = new Map<number, { resolve: (r: UsdzExport) => void; reject: (e: Error) => void }>();

function failAll(reason: Error): void {
  for (const w of waiting.values()) w.reject(reason);
  waiting.clear();
}

function start(): Worker {
  const w = new Worker(new URL('./usdz-worker.mjs', import.meta.url));
  w.unref();
  w.on('message', (reply: Reply) => {
    const job = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) job?.resolve({ bytes: new Uint8Array(reply.bytes), warnings: reply.warnings });
    else job?.reject(new Error(reply.error));
    if (waiting.size === 0) idle = setTimeout(() => void stopUsdzThread(), IDLE_MS).unref();
  });
  w.on('error', (err) => failAll(err instanceof Error ? err : new Error(String(err))));
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    failAll(new Error(`the USDZ worker stopped (exit code ${code})`));
  });
  return w;
}

/** The USDZ of a GLB, made on the worker thread. */
export function glbToUsdzOffThread(glb: Uint8Array): Promise<UsdzExport> {
  clearTimeout(idle);
  worker ??= start();
  const id = ++lastId;
  const job = new Promise<UsdzExport>((resolve, reject) => waiting.set(id, { resolve, reject }));
  worker.postMessage({ id, glb });
  return job;
}

/** Stops the worker (when idle, or as the server closes). */
export async function stopUsdzThread(): Promise<void> {
  clearTimeout(idle);
  const w = worker;
  worker = null;
  await w?.terminate();
}
