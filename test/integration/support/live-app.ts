/**
 * An in-process app listening on a free port, for the live-session tests: accounts signed in through
 * inject(), sessions started by an instructor, trainees admitted with the code, participants joined
 * over real WebSockets (and left when the app closes), and the server's own copy of a room's state.
 * Colyseus' matchmaker is one per process: close one LiveApp before the next listens.
 */
import { matchMaker } from '@colyseus/core';
import type { LiveStateView } from '../../../src/domain/live-protocol';
import type { LiveRecord } from '../../../src/domain/live-record';
import type { Role } from '../../../src/domain/roles';
import { createApp, type App } from '../../../src/server/app';
import type { ServerConfig } from '../../../src/server/config';
import { joinLive, type LiveParticipant } from '../../support/live-client';
import { signedIn, type Client } from './app-client';
import { freePort } from '../../support/free-port';
import { testConfig } from './test-config';

export interface LiveApp {
  app: App;
  baseUrl: string;
  /** Creates the account if needed and signs it in. */
  account(email: string, role: Role): Promise<Client>;
  /** A new session of `instructor`'s, on the first drillable product. */
  newSession(instructor: Client, title?: string): Promise<{ id: string; code: string }>;
  /** The trainee joins with the code over HTTP (what lets them into the room). */
  admit(trainee: Client, code: string): Promise<void>;
  /** Joins the session's room; the participant is left when the app closes. */
  enter(who: Client, sessionId: string): Promise<LiveParticipant>;
  record(instructor: Client, sessionId: string): Promise<LiveRecord>;
  close(): Promise<void>;
}

/** The state of a room as the server holds it (this process's room of that id). */
export function serverState(roomId: string): LiveStateView {
  const room = matchMaker.getLocalRoomById(roomId);
  if (!room) throw new Error(`no room ${roomId} in this process`);
  return room.state.toJSON() as LiveStateView;
}

export async function startLiveApp(config?: ServerConfig): Promise<LiveApp> {
  const app = await createApp(config ?? (await testConfig()));
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  const open: LiveParticipant[] = [];
  return {
    app,
    baseUrl,
    account: (email, role) => signedIn(app, email, role),
    async newSession(instructor, title = 'Morning class') {
      const res = await instructor.request('POST', '/api/live-sessions', { title });
      if (res.status !== 201) throw new Error(`POST /api/live-sessions answered ${res.status}: ${res.text}`);
      return res.json;
    },
    async admit(trainee, code) {
      const res = await trainee.request('POST', '/api/live-sessions/join', { code });
      if (res.status !== 200) throw new Error(`POST /api/live-sessions/join answered ${res.status}: ${res.text}`);
    },
    async enter(who, sessionId) {
      const p = await joinLive(baseUrl, who.cookie!, sessionId);
      open.push(p);
      return p;
    },
    async record(instructor, sessionId) {
      const res = await instructor.request('GET', `/api/live-sessions/${sessionId}/record`);
      if (res.status !== 200) throw new Error(`GET the record answered ${res.status}: ${res.text}`);
      return res.json as LiveRecord;
    },
    async close() {
      await Promise.all(open.map((p) => p.leave().catch(() => {})));
      await app.close();
    },
  };
}
