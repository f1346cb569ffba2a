/**
 * The realtime side of the server: Colyseus on the same HTTP server and port as the app. With
 * REDIS_URL, rooms and matchmaking are shared through Redis, so that several processes serve the
 * same live sessions; each process then announces where its clients reach it (PUBLIC_ADDRESS).
 * Colyseus' own HTTP matchmaking handler is taken off the server: the app's routes
 * (matchmake-routes.ts) answer /matchmake with a body limit, an origin check and the security headers.
 */
import { matchMaker, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { Server as HttpServer } from 'node:http';
import { format } from 'node:util';
import { LIVE_ROOM, MAX_MESSAGE_BYTES } from '../../domain/live-protocol';
import { LiveRoom, provideLiveRoomDeps, type LiveRoomDeps } from './live-room';

export interface RealtimeOptions {
  http: HttpServer;
  deps: LiveRoomDeps;
  redisUrl?: string | undefined;
  publicAddress?: string | undefined;
  /** Where Colyseus' own messages go (the server's logger); the console when unset. */
  logger?: Record<'debug' | 'info' | 'warn' | 'error', (message: string) => void> | undefined;
}

export interface Realtime {
  listen(port: number, host: string): Promise<void>;
  /** Closes every room (their clients are told) before the HTTP server goes. */
  close(): Promise<void>;
}

/** ioredis options from a redis:// URL; disableClientInfo keeps subscriptions alive with ioredis 5.11. */
function redisOptions(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    db: Number(u.pathname.slice(1) || 0),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    disableClientInfo: true,
  };
}

/** Colyseus logs like the console (several arguments); a structured logger wants one message. */
function lines(log: NonNullable<RealtimeOptions['logger']>) {
  const level = (name: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => log[name](format(...args));
  return { debug: level('debug'), trace: level('debug'), info: level('info'), warn: level('warn'), error: level('error') };
}

export function createRealtime(opts: RealtimeOptions): Realtime {
  provideLiveRoomDeps(opts.deps);
  const redis = opts.redisUrl ? redisOptions(opts.redisUrl) : undefined;
  // Colyseus puts its handler in front of the app's and gives it every URL that merely contains
  // "/matchmake", unbounded and without the app's checks: the app's own handler is put back alone.
  const appHandlers = opts.http.listeners('request');
  const gameServer = new Server({
    // A frame larger than a few messages is no client of ours: the connection is closed.
    transport: new WebSocketTransport({ server: opts.http, maxPayload: 8 * MAX_MESSAGE_BYTES }),
    gracefullyShutdown: false,
    greet: false,
    ...(opts.logger ? { logger: lines(opts.logger) } : {}),
    ...(redis
      ? {
          presence: new RedisPresence(redis as never),
          driver: new RedisDriver(redis as never),
          publicAddress: opts.publicAddress,
          // A session's room is made where its first client asked for it.
          selectProcessIdToCreateRoom: async () => matchMaker.processId,
        }
      : {}),
  });
  opts.http.removeAllListeners('request');
  for (const handler of appHandlers) opts.http.on('request', handler as (...args: unknown[]) => void);
  gameServer.define(LIVE_ROOM, LiveRoom).filterBy(['sessionId']);
  return {
    async listen(port, host) {
      // Alone (no Redis), this process serves every room: a claim left by a process that died is stale.
      if (!redis) await opts.deps.liveDb.releaseAllRooms();
      await gameServer.listen(port, host);
    },
    async close() {
      await gameServer.gracefullyShutdown(false);
    },
  };
}
