/**
 * Model checks on worker threads (model-check-worker.mjs), so that no model can stall or end the
 * server: at most `workers` checks run at once, each on its own thread with a capped heap and stack
 * and a time limit; `queue` more wait their turn and one more is refused as busy. A worker that
 * throws, runs out of memory or time is stopped, its check refused in words, and the next check
 * starts a fresh one. Workers idle for a while are stopped; none keeps the process alive when idle.
 */
import { Worker } from 'node:worker_threads';
import type { ModelReport } from './model-check';
import type { ModelJob, PackModelResult, Refusal, SurfaceQuery, UploadResult } from './model-job';
import {
  MODEL_CHECK_HEAP_MB,
  MODEL_CHECK_QUEUE,
  MODEL_CHECK_STACK_MB,
  MODEL_CHECK_TIMEOUT_MS,
  MODEL_CHECK_WORKERS,
} from './model-limits';
import type { ModelUnit } from './model-optimise';

export interface PoolOptions {
  workers: number;
  queue: number;
  heapMb: number;
  stackMb: number;
  timeoutMs: number;
  /** How long an idle worker is kept for the next check. */
  idleMs: number;
}

export const DEFAULT_POOL: PoolOptions = {
  workers: MODEL_CHECK_WORKERS,
  queue: MODEL_CHECK_QUEUE,
  heapMb: MODEL_CHECK_HEAP_MB,
  stackMb: MODEL_CHECK_STACK_MB,
  timeoutMs: MODEL_CHECK_TIMEOUT_MS,
  idleMs: 30_000,
};

/** Every worker busy and the queue full: the caller answers 503 with Retry-After. */
export class ChecksBusy extends Error {
  constructor() {
    super('Other models are being checked right now: try again in a minute.');
  }
}

interface Job {
  job: ModelJob;
  name: string;
  /** The bytes' buffer moves to the worker instead of being copied (and comes back in an accepted result). */
  handOver: boolean;
  resolve: (r: UploadResult | PackModelResult) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

const refusal = (code: 'check_timeout' | 'check_out_of_memory' | 'check_failed', message: string, internal: string): Refusal => ({
  ok: false,
  errors: [{ code, pointer: 'file', message }],
  internal,
});

export class ModelCheckPool {
  private readonly slots = new Set<Slot>();
  private readonly waiting: Job[] = [];
  private idle?: NodeJS.Timeout;
  private lastId = 0;

  constructor(private readonly opts: PoolOptions = DEFAULT_POOL) {}

  /**
   * An author's upload: checked, then optimised. With `handOver`, bytes that own their whole buffer move
   * to the worker without a copy (they read as empty here afterwards) and come back as the accepted
   * result's `original`: a 50 MB upload costs the event loop no copy, and the worker hashes it.
   */
  upload(bytes: Uint8Array, name: string, unit?: ModelUnit, opts: { handOver?: boolean } = {}): Promise<UploadResult> {
    return this.run({ kind: 'upload', bytes, name, ...(unit ? { unit } : {}) }, !!opts.handOver && ownsBuffer(bytes)) as Promise<UploadResult>;
  }

  /** A content pack's model: checked, and its surface measured at the tells' points. */
  packModel(bytes: Uint8Array, name: string, points: SurfaceQuery[]): Promise<PackModelResult> {
    return this.run({ kind: 'pack-model', bytes, name, points }, false) as Promise<PackModelResult>;
  }

  /** Checks running and waiting, for the bench and the tests. */
  get load(): { running: number; waiting: number } {
    return { running: [...this.slots].filter((s) => s.job).length, waiting: this.waiting.length };
  }

  private run(job: ModelJob, handOver: boolean): Promise<UploadResult | PackModelResult> {
    const free = [...this.slots].some((s) => !s.job) || this.slots.size < this.opts.workers;
    if (!free && this.waiting.length >= this.opts.queue) return Promise.reject(new ChecksBusy());
    clearTimeout(this.idle);
    return new Promise((resolve) => {
      this.waiting.push({ job, name: job.name, handOver, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length) {
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot && this.slots.size < this.opts.workers) slot = this.start();
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.worker.ref(); // a check in progress keeps a command-line import alive
      slot.timer = setTimeout(() => {
        const seconds = Math.round(this.opts.timeoutMs / 1000);
        this.fail(slot!, refusal('check_timeout', `Checking "${job.name}" took longer than ${seconds} s, the most a model may take: simplify it (fewer triangles, smaller textures), then upload it again.`, 'timeout'));
      }, this.opts.timeoutMs);
      slot.worker.postMessage({ id: ++this.lastId, job: job.job, handBack: job.handOver }, job.handOver ? [job.job.bytes.buffer as ArrayBuffer] : []);
    }
  }

  private start(): Slot {
    const worker = new Worker(new URL('./model-check-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb, maxYoungGenerationSizeMb: Math.min(64, this.opts.heapMb / 4), stackSizeMb: this.opts.stackMb },
    });
    worker.unref();
    const slot: Slot = { worker };
    worker.on('message', (message: { result: UploadResult | PackModelResult }) => {
      if (!slot.job) return;
      this.finish(slot, message.result);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const job = slot.job;
      const name = job?.name ?? 'the model';
      this.fail(
        slot,
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? refusal('check_out_of_memory', `Checking "${name}" needed more than ${this.opts.heapMb} MB of memory, the most a model may use: simplify it (fewer parts, triangles or textures), then upload it again.`, String(err))
          : refusal('check_failed', `"${name}" could not be checked: the checker stopped on it. Open it in Blender or the Khronos glTF Validator, fix what they report, and export it again.`, `${err.name}: ${err.message}`),
      );
    });
    worker.on('exit', (code) => this.fail(slot, refusal('check_failed', `"${slot.job?.name ?? 'the model'}" could not be checked: the checker stopped on it. Export it again.`, `worker exit ${code}`)));
    this.slots.add(slot);
    return slot;
  }

  private finish(slot: Slot, result: UploadResult | PackModelResult): void {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    job?.resolve(result);
    this.dispatch();
    if (this.load.running === 0) this.idle = setTimeout(() => void this.stop(), this.opts.idleMs).unref();
  }

  /** The worker's job refused with `result`, the worker stopped (a fresh one starts for the next job). */
  private fail(slot: Slot, result: Refusal): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    void slot.worker.terminate();
    const job = slot.job;
    slot.job = undefined;
    job?.resolve(result);
    this.dispatch();
  }

  /** Stops every worker (when idle, or as the server closes); checks in progress or waiting are refused. */
  async stop(): Promise<void> {
    clearTimeout(this.idle);
    const slots = [...this.slots];
    this.slots.clear();
    const stopped = (name: string) => refusal('check_failed', `"${name}" was not checked: the server is stopping. Upload it again.`, 'stopped');
    for (const s of slots) {
      clearTimeout(s.timer);
      s.job?.resolve(stopped(s.job.name));
    }
    for (const job of this.waiting.splice(0)) job.resolve(stopped(job.name));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** Bytes that are the whole of a plain ArrayBuffer (not a view into a pool or a shared buffer) may be transferred. */
function ownsBuffer(bytes: Uint8Array): boolean {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}

let shared: ModelCheckPool | undefined;

/** The process's pool, started with the first check. */
export function modelChecks(): ModelCheckPool {
  shared ??= new ModelCheckPool();
  return shared;
}

export type { ModelReport };
