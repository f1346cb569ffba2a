/**
 * The live session as this client knows it, in a vanilla zustand store created outside React (like
 * the drill's): the connection's status, the room's state (the only truth: pages render from it),
 * who this client is, its answer and marked result this round, and the last refusal. Presence of
 * the others arrives 20 times a second and lives apart, in a mutable map that the 3D stage reads
 * each frame, and so does the shared rotation: neither re-renders anything.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DrillAnswer } from '../domain/drill';
import type { Device, IntentBody, LiveStateView, ParticipantRole, PresenceUpdate, Refusal, RoundResult } from '../domain/live-protocol';
import { LiveConnection, type LiveTransport } from './live-connection';
import { clearResume, loadResume, saveResume, type LiveStatus, type StopReason } from './live-rules';
import { mergeView } from './live-view';

export interface MyAnswer {
  round: number;
  answer: DrillAnswer;
  /** Acknowledged by the server (or reported back by it on rejoining). */
  confirmed: boolean;
}

export interface LiveStoreState {
  status: LiveStatus;
  /** Why the session stopped (removed, ended, failed), in words. */
  message: string | null;
  /** The same as a code, where the client knows it (the page words it in the reader's language); null for a server's own message. */
  stopReason: StopReason | null;
  /** Reconnection attempts since the last drop. */
  attempt: number;
  sessionId: string | null;
  state: LiveStateView | null;
  you: string | null;
  role: ParticipantRole | null;
  myAnswer: MyAnswer | null;
  myResult: RoundResult | null;
  lastRefusal: Refusal | null;
}

/** The latest presence of one other participant, with when it came (this client's clock, ms). */
export type PeerPresence = PresenceUpdate & { id: string; receivedAt: number };

export const initialLiveState: LiveStoreState = {
  status: 'idle',
  message: null,
  stopReason: null,
  attempt: 0,
  sessionId: null,
  state: null,
  you: null,
  role: null,
  myAnswer: null,
  myResult: null,
  lastRefusal: null,
};

export interface LiveStoreOptions {
  transport: () => LiveTransport;
  storage?: Storage;
  now?: () => number;
  random?: () => number;
}

export function createLiveStore(options: LiveStoreOptions) {
  const store: StoreApi<LiveStoreState> = createStore<LiveStoreState>()(() => ({ ...initialLiveState }));
  const get = store.getState;
  const set = store.setState;
  const now = options.now ?? Date.now;
  /** Others' presence, latest per participant. Read it inside useFrame; never copy it into React state. */
  const peers = new Map<string, PeerPresence>();
  /** The shared rotation [x, y, z, w], updated in place. */
  const rotation: number[] = [0, 0, 0, 1];
  let connection: LiveConnection | null = null;

  function onState(view: LiveStateView): void {
    const r = view.rotation;
    if (r && r.length === 4) for (let i = 0; i < 4; i++) rotation[i] = r[i]!;
    const prev = get();
    const merged = mergeView(prev.state, view);
    if (merged === prev.state) return;
    const patch: Partial<LiveStoreState> = { state: merged };
    if (prev.myAnswer && prev.myAnswer.round !== merged.round) patch.myAnswer = null;
    if (prev.myResult && prev.myResult.round !== merged.round) patch.myResult = null;
    set(patch);
    // An ended session is not rejoined after a reload.
    if (merged.phase === 'ended') clearResume(options.storage);
    for (const id of peers.keys()) if (!merged.participants[id]?.connected) peers.delete(id);
  }

  function connect(sessionId: string, device: Device, token: string | null): void {
    void connection?.leave();
    peers.clear();
    set({ ...initialLiveState, sessionId, status: 'connecting' });
    const mine: LiveConnection = new LiveConnection(
      options.transport(),
      {
        status: (status, message, attempt, stopReason) => {
          if (connection !== mine) return;
          set({ status, message, attempt, stopReason });
          if (status === 'removed' || status === 'ended' || status === 'failed') {
            clearResume(options.storage);
            peers.clear();
          }
        },
        state: (view) => connection === mine && onState(view),
        welcome: (w) => {
          if (connection !== mine) return;
          const held = get().myAnswer;
          // A rejoin reports the answer the server holds; an unacknowledged one resent after the drop stays shown.
          const myAnswer = w.answer ? { ...w.answer, confirmed: true } : held && !held.confirmed ? held : null;
          set({ you: w.you, role: w.role, myAnswer });
        },
        refused: (r) => connection === mine && set({ lastRefusal: r }),
        presence: (batch) => {
          if (connection !== mine) return;
          const at = now();
          const you = get().you;
          for (const p of batch.peers) if (p.id !== you) peers.set(p.id, Object.assign(p, { receivedAt: at }));
        },
        result: (r) => connection === mine && set({ myResult: r }),
        resumable: (resume) => connection === mine && saveResume(options.storage, resume),
      },
      sessionId,
      device,
      token,
      { random: options.random },
    );
    connection = mine;
    mine.start();
  }

  const actions = {
    /** Joins the session's room (after POST /api/live-sessions or /join). */
    connect(sessionId: string, device: Device = 'desktop'): void {
      connect(sessionId, device, null);
    },
    /** After a reload: rejoins the session this tab was in, if any. */
    resume(device: Device = 'desktop'): boolean {
      const saved = loadResume(options.storage);
      if (!saved) return false;
      connect(saved.sessionId, device, saved.reconnectionToken);
      return true;
    },
    /** Leaves on purpose (no reconnection) and forgets the session. */
    async leave(): Promise<void> {
      const c = connection;
      connection = null;
      clearResume(options.storage);
      peers.clear();
      set({ ...initialLiveState });
      await c?.leave();
    },
    /** Sends an intent; a refusal shows as lastRefusal (and rejects). */
    intent(body: IntentBody): Promise<void> {
      if (!connection) return Promise.reject(new Error('not in a session'));
      return connection.intent(body);
    },
    /** Answers the current round. */
    async answer(answer: DrillAnswer): Promise<void> {
      const round = get().state?.round;
      if (!connection || !round) throw new Error('no round to answer');
      set({ myAnswer: { round, answer, confirmed: false }, lastRefusal: null });
      try {
        await connection.intent({ type: 'answer', round, answer });
        if (get().myAnswer?.round === round) set({ myAnswer: { round, answer, confirmed: true } });
      } catch (e) {
        if (get().myAnswer?.round === round && !get().myAnswer?.confirmed) set({ myAnswer: null });
        throw e;
      }
    },
    setDevice(device: Device): void {
      connection?.setDevice(device);
    },
    /** Sends this client's presence; false when not connected. */
    sendPresence(update: PresenceUpdate): boolean {
      return connection?.presence(update) ?? false;
    },
    dismissRefusal(): void {
      set({ lastRefusal: null });
    },
  };
  return { store, actions, peers, rotation };
}
