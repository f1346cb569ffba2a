/**
 * Live sessions under load, printed by `npm run bench` and `npm run bench:sessions [-- --quick] [-- --json]`,
 * never asserted. One server process (the real one, on PGlite) on 127.0.0.1; simulated participants in a
 * second process (session-load.ts) sending presence at 20 Hz in sessions of 30, each class answering a
 * round in the measured window. Figures: presence updates delivered per second, p50/p99 latency, the
 * server's CPU (from /proc), answers acknowledged against those stored; beside one session of 30 measured
 * in the same run; then a step search for the most participants one process holds with p99 under 100 ms.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESSION_COOKIE } from '../../src/server/auth/session-store';
import { authSessions, users } from '../../src/server/db/schema';
import { prepare } from '../../src/server/startup';
import { freePort } from '../support/free-port';
import { root, startServerProcess, type ServerProcess } from '../support/server-process';
import { writeFixturePack } from '../unit/server/fixture-pack';
import { median } from './browser-figures';
import { formatFigure, type Figure } from './drill-figures';
import { PRESENCE_HZ } from '../../src/domain/live-protocol';
import type { LoadPlan, LoadResult } from './session-load';

const CLASS_SIZE = 30;
const HEADLINE_SESSIONS = 20;
const P99_AIM_MS = 100;
/** The step search goes up from the headline's 600 while the aim holds, down while it does not. */
const UP = [900, 1200, 1800, 2400];
const DOWN = [300, 150, 60];

export interface SessionRun extends LoadResult {
  sessions: number;
  /** The server's CPU seconds per second of the window (1 = one core). */
  serverCpu: number;
}

const sig = (x: number, digits = 3) => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits)));

/**
 * Accounts and their sign-in cookies, written in bulk into the database before the server opens it
 * (no passwords, so no scrypt; the session rows are what the server's session store reads).
 */
export async function seedAccounts(db: { dataDir: string; databaseUrl?: string }, contentDir: string, instructors: number, trainees: number) {
  const { database } = await prepare({ ...db, contentDir, warn: () => {} });
  try {
    const make = async (role: 'instructor' | 'trainee', count: number) => {
      const rows = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), token: randomBytes(32).toString('base64url'), i }));
      for (let at = 0; at < rows.length; at += 500) {
        const chunk = rows.slice(at, at + 500);
        await database.db.insert(users).values(chunk.map((r) => ({ id: r.id, email: `${role}${r.i}@bench.test`, displayName: `${role} ${r.i}`, role, accountName: r.id })));
        const expiresAt = new Date(Date.now() + 86_400_000);
        await database.db.insert(authSessions).values(chunk.map((r) => ({ tokenHash: createHash('sha256').update(r.token).digest('base64url'), userId: r.id, expiresAt })));
      }
      return rows.map((r) => `${SESSION_COOKIE}=${r.token}`);
    };
    return { instructors: await make('instructor', instructors), trainees: await make('trainee', trainees) };
  } finally {
    await database.close();
  }
}

/** Runs one load against the server: the server's CPU is read at the window's edges, as the load process prints them. */
export function runLoad(server: ServerProcess, plan: LoadPlan): Promise<SessionRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/session-load.ts'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    let cpu0 = 0;
    let serverCpu = 0;
    let last = '';
    let buffered = '';
    child.stdout!.on('data', (b: Buffer) => {
      buffered += b.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'measure-start') cpu0 = server.cpuSeconds();
        else if (line === 'measure-end') serverCpu = (server.cpuSeconds() - cpu0) / plan.measureS;
        else if (line.trim()) last = line;
      }
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the load process exited ${code}`));
      resolve({ ...(JSON.parse(last) as LoadResult), sessions: plan.classes.length, serverCpu });
    });
    child.stdin!.end(JSON.stringify(plan));
  });
}

function describeRun(r: SessionRun): string {
  const target = r.participants * PRESENCE_HZ;
  return (
    `${r.participants} participants (${r.sessions} × ${CLASS_SIZE}): ${Math.round(r.deliveredPerS)} presence updates/s delivered, ` +
    `p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms (${r.p99QuietMs} ms alone, ${r.p99AnsweringMs} ms while answering); server CPU ${Math.round(r.serverCpu * 100)}% of a core; ` +
    `clients sent ${Math.round(r.sentPerS)} of ${target} updates/s, CPU ${Math.round(r.clientCpu * 100)}%, event-loop lag p99 ${r.clientLagP99Ms} ms; ` +
    `answers ${r.answersAcked} acknowledged / ${r.answersStored} stored / ${r.answersLost} lost; joined in ${r.joinS.toFixed(1)} s`
  );
}

export interface SessionFigures {
  figures: Figure[];
  steps: SessionRun[];
  largestHeld: number | null;
}

export async function measureSessionFigures(opts: { quick: boolean; log?: (line: string) => void }): Promise<SessionFigures> {
  const log = opts.log ?? (() => {});
  const up = opts.quick ? UP.slice(0, 2) : UP;
  const most = Math.max(...up);
  const window = { warmupS: opts.quick ? 1.5 : 2, measureS: opts.quick ? 3 : 5 };
  const dataDir = await mkdtemp(join(tmpdir(), 'twinspect-bench-sessions-'));
  const contentDir = await writeFixturePack();
  let server: ServerProcess | undefined;
  try {
    const started = Date.now();
    const accounts = await seedAccounts({ dataDir }, contentDir, most / CLASS_SIZE, most);
    server = await startServerProcess({ DATA_DIR: dataDir, CONTENT_DIR: contentDir, DIST_DIR: join(dataDir, 'no-dist') }, await freePort());
    log(`  ${most} accounts made and the server started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return await measure(server, accounts, { ...opts, log, up, window });
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(contentDir, { recursive: true, force: true });
  }
}

interface MeasureOptions {
  quick: boolean;
  log: (line: string) => void;
  up: number[];
  window: { warmupS: number; measureS: number };
}

/** The runs on one server: a warm-up, the baseline (one class), the headline (20 classes), then the step search. */
async function measure(server: ServerProcess, accounts: { instructors: string[]; trainees: string[] }, { quick, log, up, window }: MeasureOptions): Promise<SessionFigures> {
  // Classes from the account pools; each run takes the next trainees, so that no account joins too often (the join route is rate limited).
  let offset = 0;
  const load = async (sessions: number, measureS = window.measureS): Promise<SessionRun> => {
    const classes = Array.from({ length: sessions }, (_, s) => [
      accounts.instructors[s]!,
      ...Array.from({ length: CLASS_SIZE - 1 }, (_, t) => accounts.trainees[(offset + s * (CLASS_SIZE - 1) + t) % accounts.trainees.length]!),
    ]);
    offset += sessions * (CLASS_SIZE - 1);
    const run = await runLoad(server, { baseUrl: server.baseUrl, classes, warmupS: window.warmupS, measureS });
    log(`  ${describeRun(run)}`);
    return run;
  };
  // Warm-up, not recorded: a fresh PGlite stores its first answers several times slower (and blocks the event loop while it does).
  await load(1, 2);
  const baseline = await load(1);
  const headline: SessionRun[] = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) headline.push(await load(HEADLINE_SESSIONS));
  const holds = (r: SessionRun) => r.p99Ms <= P99_AIM_MS && r.answersLost === 0;
  const searched: SessionRun[] = [baseline, headline[0]!];
  for (const participants of holds(headline[0]!) ? up : DOWN) {
    const run = await load(participants / CLASS_SIZE);
    searched.push(run);
    if (holds(run) !== holds(headline[0]!)) break;
  }
  searched.sort((a, b) => a.participants - b.participants);
  const held = searched.filter(holds).map((r) => r.participants);
  const largestHeld = held.length ? Math.max(...held) : null;
  return { figures: figuresOf(baseline, headline, searched, largestHeld, window.measureS), steps: searched, largestHeld };
}

function figuresOf(baseline: SessionRun, headline: SessionRun[], searched: SessionRun[], largestHeld: number | null, measureS: number): Figure[] {
  const sent = median(headline.map((r) => r.sentPerS));
  const setup =
    `${HEADLINE_SESSIONS} sessions × ${CLASS_SIZE} at ${PRESENCE_HZ} Hz, ${measureS} s window, one server process on PGlite, median of ${headline.length}; ` +
    `the clients sent ${Math.round(sent)} of ${HEADLINE_SESSIONS * CLASS_SIZE * PRESENCE_HZ} updates/s; 1-minute load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores as it ended`;
  const figure = (name: string, key: keyof SessionRun, unit: string, scale = 1): Figure => {
    const value = sig(median(headline.map((r) => r[key] as number)) * scale);
    const base = sig((baseline[key] as number) * scale);
    return { name, value, unit, baseline: { name: `1 session × ${CLASS_SIZE}`, value: base, unit }, ratio: base > 0 ? sig(value / base) : null, note: setup };
  };
  const sum = (key: 'answersAcked' | 'answersStored' | 'answersRefused' | 'answersLost') => headline.reduce((n, r) => n + r[key], 0);
  return [
    figure('presence updates delivered per second', 'deliveredPerS', 'updates/s'),
    figure('presence p50 latency', 'p50Ms', 'ms'),
    figure('presence p99 latency', 'p99Ms', 'ms'),
    figure('presence p99 latency, first half of the window (presence alone)', 'p99QuietMs', 'ms'),
    figure('presence p99 latency, second half (every class answering a round)', 'p99AnsweringMs', 'ms'),
    figure('server CPU', 'serverCpu', '% of a core', 100),
    figure("the clients' own event-loop lag p99 (part of the latency above)", 'clientLagP99Ms', 'ms'),
    {
      name: 'answers lost (acknowledged but not in the record)',
      value: sum('answersLost'),
      unit: 'answers',
      note: `${sum('answersAcked')} acknowledged, ${sum('answersStored')} stored, ${sum('answersRefused')} refused over ${headline.length} run(s)`,
    },
    {
      name: `most participants one process holds with p99 ≤ ${P99_AIM_MS} ms and no answer lost`,
      value: largestHeld ?? 0,
      unit: 'participants',
      note: `sessions of ${CLASS_SIZE}: ${searched.map((r) => `${r.participants} → p99 ${r.p99Ms} ms`).join(', ')}; the clients run on the same 2-core machine`,
    },
  ];
}

// `npm run bench:sessions`: this part alone.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const json = process.argv.includes('--json');
  const result = await measureSessionFigures({ quick: process.argv.includes('--quick'), log: json ? undefined : (l) => console.log(l) });
  if (json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log('\nLive sessions (medians; each beside one session of 30 measured in the same run):');
    for (const f of result.figures) console.log(`  ${formatFigure(f)}`);
  }
}
