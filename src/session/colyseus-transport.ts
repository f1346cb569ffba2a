/** The browser's way into a live session's room: colyseus.js on the app's own origin (ws:// or wss://). */
import { Client } from 'colyseus.js';
import { LIVE_ROOM } from '../domain/live-protocol';
import type { LiveTransport, RoomLike } from './live-connection';

export function colyseusTransport(endpoint: string = location.origin.replace(/^http/, 'ws')): LiveTransport {
  const client = new Client(endpoint);
  return {
    join: (options) => client.joinOrCreate(LIVE_ROOM, options) as Promise<unknown> as Promise<RoomLike>,
    reconnect: (token) => client.reconnect(token) as Promise<unknown> as Promise<RoomLike>,
  };
}
