/**
 * Hostile-upload figures, printed by `npm run bench` (or alone: `npx tsx test/bench/hostile-figures.ts
 * [--quick] [--load-only] [--cpu-prof DIR]`), never asserted. --load-only skips the memory figures and prints the
 * rounds; --cpu-prof writes the server's CPU profiles (main thread and check-workers) to DIR.
 * - Peak memory per check (hostile-memory.ts, its own process): the worst accepted file and each
 *   hostile one on a fresh check-worker, the worst refused one reported.
 * - Responsiveness: the real server as its own process (src/server/main.ts, on PGlite) and the
 *   uploaders in a third (hostile-load.ts), so that neither the bench's multipart bodies nor its
 *   fetches run on the server's event loop. Per round, /healthz p99 (probed from this process, one
 *   request at a time) and the server's own event-loop delay p99 (loop-probe.mjs, preloaded into it)
 *   idle, then while two hostile uploads are posted again and again; the medians of the rounds. And the
 *   longest stall of its event loop while one accepted upload is checked, optimised and stored.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { SESSION_COOKIE } from '../../src/server/auth/session-store';
import { authSessions, users } from '../../src/server/db/schema';
import { prepare } from '../../src/server/startup';
import { freePort } from '../support/free-port';
import { root, startServerProcess, type ServerProcess } from '../support/server-process';
import { writeFixturePack } from '../unit/server/fixture-pack';
import { median } from './browser-figures';
import type { Figure } from './drill-figures';
import { hostileCases, type HostileCase } from './hostile-cases';
import type { HostileLoadPlan, HostileLoadResult } from './hostile-load';
import { multipartOf } from './hostile-load';
import type { PeakOf } from './hostile-memory';

const MB = 1024 * 1024;
const self = import.meta.filename;

interface Round {
  idleP99: number;
  loadedP99: number;
  idleLoopP99: number;
  loadedLoopP99: number;
  loadedLoopMax: number;
  requests: number;
  uploads: number;
  statuses: Record<string, number>;
}

export interface Responsiveness {
  rounds: Round[];
  /** The event-loop delay while one accepted upload is checked, optimised and stored (PGlite on the event loop). */
  accepted: { ms: number; status: number; loopP99: number; loopMax: number };
}

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const round1 = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An author and a sign-in cookie, written into the database before the server opens it. */
async function seedAuthor(dataDir: string, contentDir: string): Promise<string> {
  const { database } = await prepare({ dataDir, contentDir, warn: () => {} });
  try {
    const id = randomUUID();
    const token = randomBytes(32).toString('base64url');
    await database.db.insert(users).values({ id, email: 'author@bench.test', displayName: 'Bench author', role: 'author', accountName: id });
    await database.db.insert(authSessions).values({ tokenHash: createHash('sha256').update(token).digest('base64url'), userId: id, expiresAt: new Date(Date.now() + 86_400_000) });
    return `${SESSION_COOKIE}=${token}`;
  } finally {
    await database.close();
  }
}

/** The server's event-loop delay over `during` (loop-probe.mjs, opened and closed with SIGUSR2). */
async function loopDelayOver<T>(server: ServerProcess, probeFile: string, during: () => Promise<T>) {
  await writeFile(probeFile, '');
  process.kill(server.pid, 'SIGUSR2');
  while ((await readFile(probeFile, 'utf8')) !== 'open') await sleep(10);
  const result = await during();
  process.kill(server.pid, 'SIGUSR2');
  let text = await readFile(probeFile, 'utf8');
  while (!text.startsWith('{')) {
    await sleep(10);
    text = await readFile(probeFile, 'utf8');
  }
  return { result, loop: JSON.parse(text) as { p50: number; p99: number; max: number } };
}

async function healthz(baseUrl: string, n: number, minMs = 0): Promise<number[]> {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < n || performance.now() - started < minMs) {
    const t0 = performance.now();
    await (await fetch(`${baseUrl}/healthz`)).arrayBuffer();
    times.push(performance.now() - t0);
    await sleep(5);
  }
  return times;
}

/** The load process (hostile-load.ts) posting `plan` while `during` runs. */
async function underLoad<T>(plan: HostileLoadPlan, during: () => Promise<T>): Promise<{ result: T; load: HostileLoadResult }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/hostile-load.ts'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let out = '';
  const started = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('started\n')) resolve();
    });
    void exited.then((code) => reject(new Error(`the load process exited ${code} before it started`)));
  });
  child.stdin!.write(`${JSON.stringify(plan)}\n`);
  await started;
  const result = await during();
  child.stdin!.end('stop\n');
  const code = await exited;
  if (code !== 0) throw new Error(`the load process exited ${code}`);
  return { result, load: JSON.parse(out.trim().split('\n').pop()!) as HostileLoadResult };
}

async function post(baseUrl: string, cookie: string, c: HostileCase): Promise<number> {
  const { body, contentType } = multipartOf(c.name, c.bytes);
  const res = await fetch(`${baseUrl}${c.url}`, { method: 'POST', body, headers: { cookie, 'content-type': contentType } });
  await res.arrayBuffer();
  return res.status;
}

export async function measureResponsiveness(opts: { quick: boolean; rounds: number; cpuProfDir?: string }, cases: Awaited<ReturnType<typeof hostileCases>>): Promise<Responsiveness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'twinspect-bench-hostile-'));
  const contentDir = await writeFixturePack();
  const probeFile = join(dataDir, 'loop-probe.json');
  let server: ServerProcess | undefined;
  try {
    const cookie = await seedAuthor(dataDir, contentDir);
    const files = cases.load.map((c, i) => ({ file: join(dataDir, `load-${i}.bin`), name: c.name, url: c.url, bytes: c.bytes }));
    for (const f of files) await writeFile(f.file, f.bytes);
    const nodeArgs = ['--import', './test/bench/loop-probe.mjs', ...(opts.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', opts.cpuProfDir] : [])];
    server = await startServerProcess({ DATA_DIR: dataDir, CONTENT_DIR: contentDir, DIST_DIR: join(dataDir, 'no-dist'), LOOP_PROBE_FILE: probeFile }, await freePort(), nodeArgs);
    const { baseUrl } = server;
    // Both check-workers started and warm, and the first stored upload done, before anything is measured.
    await Promise.all([post(baseUrl, cookie, cases.accepted), post(baseUrl, cookie, cases.load[1])]);
    const t0 = performance.now();
    const stored = await loopDelayOver(server, probeFile, () => post(baseUrl, cookie, cases.accepted));
    const accepted = { ms: Math.round(performance.now() - t0), status: stored.result, loopP99: stored.loop.p99, loopMax: stored.loop.max };
    const plan: HostileLoadPlan = { baseUrl, cookie, uploads: files.map(({ file, name, url }) => ({ file, name, url })) };
    const rounds: Round[] = [];
    for (let i = 0; i < opts.rounds; i++) {
      const idle = await loopDelayOver(server, probeFile, () => healthz(baseUrl, opts.quick ? 100 : 200));
      const loaded = await underLoad(plan, () => loopDelayOver(server!, probeFile, () => healthz(baseUrl, opts.quick ? 100 : 200, opts.quick ? 4000 : 8000)));
      rounds.push({
        idleP99: round1(p99(idle.result)),
        loadedP99: round1(p99(loaded.result.result)),
        idleLoopP99: idle.loop.p99,
        loadedLoopP99: loaded.result.loop.p99,
        loadedLoopMax: loaded.result.loop.max,
        requests: loaded.result.result.length,
        uploads: loaded.load.uploads,
        statuses: loaded.load.statuses,
      });
    }
    return { rounds, accepted };
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(contentDir, { recursive: true, force: true });
  }
}

export async function measureHostileFigures(opts: { quick?: boolean; cpuProfDir?: string; log?: (line: string) => void } = {}): Promise<Figure[]> {
  const quick = !!opts.quick;
  const memoryArgs = ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'hostile-memory.ts'), ...(quick ? ['--quick'] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, memoryArgs, { cwd: root, maxBuffer: 4 * MB, timeout: 300_000 });
  const memory = JSON.parse(stdout.trim().split('\n').pop()!) as { accepted: PeakOf; refused: PeakOf[] };
  const { rounds, accepted } = await measureResponsiveness({ quick, rounds: quick ? 1 : 3, cpuProfDir: opts.cpuProfDir }, await hostileCases(quick));
  for (const r of rounds) opts.log?.(`  round: ${JSON.stringify(r)}`);
  const worst = memory.refused.reduce((a, b) => (b.peakMB > a.peakMB ? b : a));
  const ratio = (value: number, base: number) => (base > 0 ? Number((value / base).toFixed(2)) : null);
  const med = (key: keyof Round) => round1(median(rounds.map((r) => r[key] as number)));
  const setup = `median of ${rounds.length} round(s), each ${quick ? 4 : 8} s; 1-minute load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores as it ended`;
  const statuses = rounds.map((r) => `${r.uploads} uploads ${JSON.stringify(r.statuses)}`).join(', ');
  return [
    { name: `peak RSS above rest, checking the worst accepted file on a fresh worker (${memory.accepted.name}, ${memory.accepted.outcome})`, value: memory.accepted.peakMB, unit: 'MB', note: 'aim: under 512 MB per check' },
    {
      name: `peak RSS above rest, checking the worst refused file on a fresh worker (${worst.name}, ${worst.outcome})`,
      value: worst.peakMB,
      unit: 'MB',
      baseline: { name: 'the worst accepted file', value: memory.accepted.peakMB, unit: 'MB' },
      ratio: ratio(worst.peakMB, memory.accepted.peakMB),
      note: memory.refused.map((c) => `${c.name} ${c.peakMB} MB (${c.outcome})`).join('; '),
    },
    {
      name: '/healthz p99 while two hostile uploads run',
      value: med('loadedP99'),
      unit: 'ms',
      baseline: { name: '/healthz p99 idle', value: med('idleP99'), unit: 'ms' },
      ratio: ratio(med('loadedP99'), med('idleP99')),
      note: `${setup}; server, uploaders and this probe in three processes; uploads: the broken big model and 100,000 unused meshes, each again as soon as answered (${statuses}); aim: under 100 ms`,
    },
    {
      name: "the server's event-loop delay p99 while two hostile uploads run",
      value: med('loadedLoopP99'),
      unit: 'ms',
      baseline: { name: 'idle', value: med('idleLoopP99'), unit: 'ms' },
      ratio: ratio(med('loadedLoopP99'), med('idleLoopP99')),
      note: `max ${med('loadedLoopMax')} ms (median of the rounds' maxima); what the main thread itself held up, the rest of /healthz is CPU shared with the check-workers and the machine`,
    },
    {
      name: `the server's longest event-loop stall while one accepted upload is checked, optimised and stored (${memory.accepted.name.split(' (')[0]}, ${accepted.status})`,
      value: accepted.loopMax,
      unit: 'ms',
      note: `event-loop delay p99 ${accepted.loopP99} ms over the ${accepted.ms} ms the upload took; storing the file's bytes in PGlite runs on the event loop (issue 20)`,
    },
  ];
}

if (process.argv[1] === self) {
  const quick = process.argv.includes('--quick');
  const prof = process.argv.indexOf('--cpu-prof');
  if (process.argv.includes('--load-only')) {
    const r = await measureResponsiveness({ quick, rounds: quick ? 1 : 3, cpuProfDir: prof > 0 ? process.argv[prof + 1] : undefined }, await hostileCases(quick));
    console.log(JSON.stringify(r.accepted));
    for (const round of r.rounds) console.log(JSON.stringify(round));
    process.exit(0);
  }
  const figures = await measureHostileFigures({ quick, cpuProfDir: prof > 0 ? process.argv[prof + 1] : undefined, log: console.log });
  const { formatFigure } = await import('./drill-figures');
  for (const f of figures) console.log(`  ${formatFigure(f)}`);
}
