/**
 * A live-session participant in Node (colyseus.js over a real WebSocket), for the integration
 * tests, the fuzz test and the benchmark: it joins with a session cookie, sends intents and waits
 * for their ack or refusal, and keeps every message it receives.
 */
import { Client, type Room } from 'colyseus.js';
import {
  LIVE_PROTOCOL_VERSION,
  LIVE_ROOM,
  MSG,
  type Ack,
  type Device,
  type IntentBody,
  type LiveStateView,
  type PresenceBatch,
  type PresenceUpdate,
  type Refusal,
  type RoundResult,
  type Welcome,
} from '../../src/domain/live-protocol';

export interface Received {
  type: string;
  message: unknown;
}

export interface LiveParticipant {
  room: Room;
  /** The state as this client decoded it. */
  view(): LiveStateView;
  welcome: Welcome | undefined;
  results: RoundResult[];
  refusals: Refusal[];
  /** Every message received, in order (presence batches included). */
  received: Received[];
  onPresence?: (batch: PresenceBatch) => void;
  /** Sends an intent; resolves with the server's ack or refusal. */
  send(intent: IntentBody): Promise<{ ack: Ack } | { refused: Refusal }>;
  /** Sends anything as an intent message, for tests of bad input. */
  sendRaw(type: string, message: unknown): void;
  presence(update: PresenceUpdate): void;
  /** Leaves consentedly (true) or drops the socket as a lost network would (false). */
  leave(consented?: boolean): Promise<void>;
}

export function wsUrl(baseUrl: string): string {
  return baseUrl.replace(/^http/, 'ws');
}

/** `keepMessages: false` keeps no `received` log (the benchmark's hundreds of clients at 20 Hz). */
export async function joinLive(baseUrl: string, cookie: string, sessionId: string, device: Device = 'desktop', keepMessages = true): Promise<LiveParticipant> {
  const client = new Client(wsUrl(baseUrl), { headers: { cookie } });
  const room = await client.joinOrCreate(LIVE_ROOM, { sessionId, v: LIVE_PROTOCOL_VERSION, device });
  return wrap(room, keepMessages);
}

/** Takes a dropped seat back with the room's reconnection token (what colyseus.js does after a network blip). */
export async function reconnectLive(baseUrl: string, cookie: string, reconnectionToken: string): Promise<LiveParticipant> {
  const client = new Client(wsUrl(baseUrl), { headers: { cookie } });
  return wrap(await client.reconnect(reconnectionToken));
}

export function wrap(room: Room, keepMessages = true): LiveParticipant {
  let seq = 0;
  const waiting = new Map<number, (r: { ack: Ack } | { refused: Refusal }) => void>();
  const p: LiveParticipant = {
    room,
    view: () => room.state.toJSON() as LiveStateView,
    welcome: undefined,
    results: [],
    refusals: [],
    received: [],
    send(intent) {
      const s = ++seq;
      return new Promise((resolve) => {
        waiting.set(s, resolve);
        room.send(MSG.intent, { ...intent, v: LIVE_PROTOCOL_VERSION, seq: s });
      });
    },
    sendRaw(type, message) {
      room.send(type, message);
    },
    presence(update) {
      room.send(MSG.presence, update);
    },
    async leave(consented = true) {
      // A room already closed never answers a leave: give it a second.
      if (consented) await Promise.race([room.leave(true), new Promise((r) => setTimeout(r, 1000))]);
      // A lost network: the socket goes without a close frame (1006). Closing with 4000 would be a consented leave to Colyseus.
      else (room.connection.transport as unknown as { ws: { terminate(): void } }).ws.terminate();
    },
  };
  room.onMessage('*', (type, message) => {
    if (keepMessages) p.received.push({ type: String(type), message });
    switch (type) {
      case MSG.welcome:
        p.welcome = message as Welcome;
        break;
      case MSG.result:
        p.results.push(message as RoundResult);
        break;
      case MSG.presence:
        p.onPresence?.(message as PresenceBatch);
        break;
      case MSG.ack: {
        const a = message as Ack;
        waiting.get(a.seq)?.({ ack: a });
        waiting.delete(a.seq);
        break;
      }
      case MSG.refused: {
        const r = message as Refusal;
        p.refusals.push(r);
        if (r.seq !== null) {
          waiting.get(r.seq)?.({ refused: r });
          waiting.delete(r.seq);
        }
        break;
      }
    }
  });
  return p;
}

/** Waits until `check` holds of the participant's view, or fails after `ms`. */
export async function until(p: LiveParticipant, check: (v: LiveStateView) => boolean, ms = 5000): Promise<LiveStateView> {
  const end = Date.now() + ms;
  for (;;) {
    const v = p.view();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting on the live state; it is ${JSON.stringify({ ...v, question: v.question.slice(0, 60) })}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
