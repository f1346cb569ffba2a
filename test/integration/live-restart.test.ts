/** A live session outlives its server process: a new process rebuilds the room from the database. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app';
import type { ServerConfig } from '../../src/server/config';
import { freePort } from '../support/free-port';
import { joinLive, until, type LiveParticipant } from '../support/live-client';
import { writeFixturePack } from '../unit/server/fixture-pack';
import { signedIn } from './support/app-client';

let app: App | undefined;
let port = 0;
let baseUrl = '';

async function start(config: ServerConfig): Promise<App> {
  const started = await createApp(config);
  await started.listen(port, '127.0.0.1');
  return started;
}

afterAll(() => app?.close());

it('rebuilds phase, round, answers, scores and the reveal after a restart', async () => {
  port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const tmp = (name: string) => mkdtemp(join(tmpdir(), `twinspect-${name}-`));
  const config: ServerConfig = { port, host: '127.0.0.1', dataDir: await tmp('data'), databaseUrl: undefined, contentDir: await writeFixturePack(), distDir: await tmp('dist') };
  app = await start(config);
  const instructor = await signedIn(app, 'ines@agency.test', 'instructor');
  const trainee = await signedIn(app, 'tess@agency.test', 'trainee');
  const { id, code } = (await instructor.request('POST', '/api/live-sessions', {})).json;
  await trainee.request('POST', '/api/live-sessions/join', { code });
  const teacher = await joinLive(baseUrl, instructor.cookie!, id);
  const tess = await joinLive(baseUrl, trainee.cookie!, id);
  for (const to of ['inspect', 'answer'] as const) await teacher.send({ type: 'phase', to });
  await until(tess, (v) => v.phase === 'answer');
  const answer = { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.9 } as const;
  expect(await tess.send({ type: 'answer', round: 1, answer })).toHaveProperty('ack');
  await teacher.send({ type: 'follow', on: true });
  await teacher.send({ type: 'turn', rotation: [0, 0.7071068, 0, 0.7071068] });
  await teacher.send({ type: 'phase', to: 'reveal' });
  const before = await until(teacher, (v) => v.reveal !== '' && Object.values(v.participants).some((p) => p.answered === 1));
  await Promise.all([teacher, tess].map((p: LiveParticipant) => p.leave()));
  await app.close();

  app = await start(config);
  const again = await joinLive(baseUrl, trainee.cookie!, id);
  const after = await until(again, (v) => v.sessionId === id && Object.keys(v.participants).length === 2);
  const strip = (v: typeof before) => ({ ...v, participants: Object.fromEntries(Object.entries(v.participants).map(([k, p]) => [k, { ...p, connected: false, device: 'desktop' }])) });
  expect(strip(after)).toEqual(strip(before));
  await expect.poll(() => again.welcome?.answer?.answer).toEqual(answer);
  await expect.poll(() => again.results[0]?.round).toBe(1);
  await again.leave();
}, 60_000);
