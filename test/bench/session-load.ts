/**
 * The client side of the sessions benchmark, in its own process so that it does not share the server's
 * event loop: reads a LoadPlan (JSON) on stdin, starts the sessions and joins every participant over
 * real WebSockets, sends presence at PRESENCE_HZ, has each class answer one round during the measured
 * window, and prints "measure-start", "measure-end", then one line of LoadResult JSON.
 * Latency is now − t of each relayed presence update (sender and receiver share this process's clock).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PRESENCE_HZ, type PresenceUpdate } from '../../src/domain/live-protocol';
import { httpClient } from '../integration/support/app-client';
import { randomAnswer } from '../support/live-answers';
import { joinLive, until, type LiveParticipant } from '../support/live-client';

export interface LoadPlan {
  baseUrl: string;
  /** Session cookies: the first of each class is its instructor. */
  classes: string[][];
  warmupS: number;
  measureS: number;
}

export interface LoadResult {
  participants: number;
  /** Presence updates received from others in the window, per second, over all clients. */
  deliveredPerS: number;
  sentPerS: number;
  p50Ms: number;
  p99Ms: number;
  /** p99 in the window's first half (presence alone) and second half (while the classes answer). */
  p99QuietMs: number;
  p99AnsweringMs: number;
  maxMs: number;
  answersAcked: number;
  answersRefused: number;
  answersStored: number;
  /** Acknowledged answers that the record does not hold. */
  answersLost: number;
  /** CPU seconds of this (client) process per second of the window. */
  clientCpu: number;
  /** This process's own event-loop delay, p99 (ms): the part of the latency that is the clients' lateness. */
  clientLagP99Ms: number;
  joinS: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs fn over items, `lanes` at a time. */
async function inLanes<T, R>(items: T[], lanes: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** Latencies in 1 ms buckets up to 10 s. */
class Histogram {
  private readonly buckets = new Uint32Array(10_002);
  count = 0;
  max = 0;
  add(ms: number): void {
    const b = Math.min(10_001, Math.max(0, Math.round(ms)));
    this.buckets[b]!++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }
  quantile(q: number): number {
    let seen = 0;
    for (let b = 0; b < this.buckets.length; b++) {
      seen += this.buckets[b]!;
      if (seen >= q * this.count) return b;
    }
    return this.buckets.length - 1;
  }
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  // Each instructor starts a session; the trainees join it with the code.
  const sessions = await inLanes(plan.classes, 4, async ([instructor, ...trainees]) => {
    const res = await httpClient(plan.baseUrl, instructor).request('POST', '/api/live-sessions', { title: 'Bench class' });
    if (res.status !== 201) throw new Error(`POST /api/live-sessions answered ${res.status}: ${res.text}`);
    const { id, code } = res.json as { id: string; code: string };
    await inLanes(trainees, 4, async (cookie) => {
      const joined = await httpClient(plan.baseUrl, cookie).request('POST', '/api/live-sessions/join', { code });
      if (joined.status !== 200) throw new Error(`POST /api/live-sessions/join answered ${joined.status}: ${joined.text}`);
    });
    return { id, instructor };
  });
  const t0 = Date.now();
  const classes = await inLanes(plan.classes.map((cookies, i) => ({ cookies, id: sessions[i]!.id })), 4, async ({ cookies, id }) => {
    const peers: LiveParticipant[] = [];
    for (const cookie of cookies) peers.push(await joinLive(plan.baseUrl, cookie, id, 'desktop', false));
    await until(peers[0]!, (v) => Object.values(v.participants ?? {}).filter((p) => p.connected).length === cookies.length, 60_000);
    return { id, instructor: peers[0]!, trainees: peers.slice(1) };
  });
  const joinS = (Date.now() - t0) / 1000;
  const everyone = classes.flatMap((c) => [c.instructor, ...c.trainees]);

  // The whole window, and its two halves: presence alone, then presence while every class answers a round.
  const histogram = new Histogram();
  const halves = [new Histogram(), new Histogram()];
  let measuring = false;
  let half = 0;
  let sent = 0;
  for (const p of everyone) {
    p.onPresence = (batch) => {
      if (!measuring) return;
      const now = Date.now();
      for (const peer of batch.peers) {
        if (peer.id === p.welcome?.you) continue;
        histogram.add(now - peer.t);
        halves[half]!.add(now - peer.t);
      }
    };
  }
  const timers = everyone.map((p, i) =>
    setTimeout(() => {
      const pose = { p: [i % 7, 1.6, i % 5] as [number, number, number], q: [0, 0, 0, 1] as [number, number, number, number] };
      const send = () => {
        const update: PresenceUpdate = { t: Date.now(), head: pose, right: pose, ray: { origin: pose.p, direction: [0, 0, -1] } };
        p.presence(update);
        if (measuring) sent++;
      };
      timers[i] = setInterval(send, 1000 / PRESENCE_HZ);
    }, Math.random() * (1000 / PRESENCE_HZ)),
  );

  await sleep(plan.warmupS * 1000);
  const cpu0 = process.cpuUsage();
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  console.log('measure-start');
  measuring = true;
  const windowMs = plan.measureS * 1000;
  // Halfway through the window every class starts a round; its trainees answer over the next 40% of it.
  const answers = { acked: 0, refused: 0 };
  const ackedBy = new Map<string, number>();
  const answering = sleep(windowMs / 2).then(() =>
    Promise.all(
      classes.map(async (c) => {
        half = 1;
        for (const to of ['inspect', 'answer'] as const) {
          const reply = await c.instructor.send({ type: 'phase', to });
          if (!('ack' in reply)) throw new Error(`the instructor's move to ${to} was refused: ${reply.refused.message}`);
        }
        await Promise.all(
          c.trainees.map(async (t) => {
            await sleep(Math.random() * windowMs * 0.4);
            const view = await until(t, (v) => v.phase === 'answer', 30_000);
            const reply = await t.send({ type: 'answer', round: view.round, answer: randomAnswer(view.kind, Math.random) });
            if ('ack' in reply) {
              answers.acked++;
              ackedBy.set(c.id, (ackedBy.get(c.id) ?? 0) + 1);
            } else answers.refused++;
          }),
        );
      }),
    ),
  );
  await sleep(windowMs);
  measuring = false;
  const cpu = process.cpuUsage(cpu0);
  lag.disable();
  console.log('measure-end');
  for (const t of timers) clearInterval(t);
  await answering;

  // Compare the acknowledgements with the record of each session.
  let stored = 0;
  let lost = 0;
  await inLanes(sessions, 4, async ({ id, instructor }) => {
    const record = await httpClient(plan.baseUrl, instructor).request('GET', `/api/live-sessions/${id}/record`);
    const held = (record.json as { rounds: { answers: unknown[] }[] }).rounds.reduce((n, r) => n + r.answers.length, 0);
    stored += held;
    lost += Math.max(0, (ackedBy.get(id) ?? 0) - held);
  });
  await inLanes(everyone, 16, (p) => p.leave());
  return {
    participants: everyone.length,
    deliveredPerS: histogram.count / plan.measureS,
    sentPerS: sent / plan.measureS,
    p50Ms: histogram.quantile(0.5),
    p99Ms: histogram.quantile(0.99),
    p99QuietMs: halves[0]!.quantile(0.99),
    p99AnsweringMs: halves[1]!.quantile(0.99),
    maxMs: Math.round(histogram.max),
    answersAcked: answers.acked,
    answersRefused: answers.refused,
    answersStored: stored,
    answersLost: lost,
    clientCpu: (cpu.user + cpu.system) / 1e6 / plan.measureS,
    clientLagP99Ms: Math.round(lag.percentile(99) / 1e6),
    joinS,
  };
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const result = await run(JSON.parse(input) as LoadPlan);
console.log(JSON.stringify(result));
process.exit(0);
