/**
 * The shared session client's pure rules: how long to wait before the next reconnection attempt,
 * what a room's close code or a failed join means, the intents awaiting their ack, and where a
 * reload finds the session it was in. No sockets, no timers, no React: unit-tested on their own.
 */
import type { Intent, IntentBody, Refusal } from '../domain/live-protocol';
import { LIVE_PROTOCOL_VERSION } from '../domain/live-protocol';

/** Where the connection is: the page shows each one in words. */
export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'removed' | 'ended' | 'failed';

/** Colyseus' close code when the client (or the server, by `client.leave()`) ended the connection on purpose. */
export const CLOSE_CONSENTED = 4000;
/** The room's close code for a participant the instructor removed. */
export const CLOSE_REMOVED = 4003;
/** The room's close code when the same account joined from another page, which now holds the seat. */
export const CLOSE_REPLACED = 4009;

export const BACKOFF_FIRST_MS = 250;
export const BACKOFF_MAX_MS = 4000;

/**
 * The wait before reconnection attempt `attempt` (0-based): 0.25 s doubling to 4 s, each spread by
 * up to ±20 % so that a class dropped together does not knock on the server in step.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, Math.min(attempt, 10)));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** What a room leaving with `code` means. `byUs`: this client called leave(). */
export function leaveOutcome(code: number, byUs: boolean, phase: string | null): 'left' | 'removed' | 'replaced' | 'ended' | 'retry' {
  if (byUs) return 'left';
  if (code === CLOSE_REMOVED) return 'removed';
  // Retrying would take the seat back from the other page, which would take it back again.
  if (code === CLOSE_REPLACED) return 'replaced';
  if (phase === 'ended') return 'ended';
  // The server closed us deliberately without saying why: the session is over (disposed).
  if (code === CLOSE_CONSENTED) return 'ended';
  return 'retry';
}

/** Why the client stopped, as the session layer says it (the page shows each in the reader's language, by its reason). */
export const STOP_MESSAGES = {
  removed: 'You were removed from this session by the instructor.',
  ended: 'This session has ended.',
  outdated: 'This page is out of date: reload it to join.',
  replaced: 'You joined this session from another page or device, which now takes part instead.',
} as const;
/** A stop the client knows the reason of; a stop without one carries the server's own message. */
export type StopReason = keyof typeof STOP_MESSAGES;

/** What a failed join or reconnect means: try again later, or stop with a status and the reason in words (and as a code where known). */
export function joinFailure(err: unknown): { retry: true } | { retry: false; status: 'removed' | 'ended' | 'failed'; message: string; reason: StopReason | null } {
  const code = typeof (err as { code?: unknown })?.code === 'number' ? (err as { code: number }).code : null;
  const message = err instanceof Error ? err.message : String(err);
  if (code === CLOSE_REMOVED || /\bremoved\b/i.test(message)) return { retry: false, status: 'removed', message: STOP_MESSAGES.removed, reason: 'removed' };
  if (code === 410 || /session_ended|\bended\b/i.test(message)) return { retry: false, status: 'ended', message: STOP_MESSAGES.ended, reason: 'ended' };
  if (code === 426 || /client_too_old/i.test(message)) return { retry: false, status: 'failed', message: STOP_MESSAGES.outdated, reason: 'outdated' };
  // Not signed in, not a participant, no such session: asking again will not change the answer.
  if (code === 401 || code === 403 || code === 404) return { retry: false, status: 'failed', message, reason: null };
  return { retry: true };
}

export class LiveRefusedError extends Error {
  override name = 'LiveRefusedError';
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

interface Waiting {
  intent: Intent;
  resolve: () => void;
  reject: (e: Error) => void;
}

/** Intents sent and not yet acknowledged, by sequence number. */
export class PendingIntents {
  private next = 1;
  private readonly waiting = new Map<number, Waiting>();

  /** Numbers an intent and keeps it until its ack or refusal; `settled` resolves on the ack. */
  add(body: IntentBody): { intent: Intent; settled: Promise<void> } {
    const intent = { ...body, v: LIVE_PROTOCOL_VERSION, seq: this.next++ } as Intent;
    let resolve!: () => void;
    let reject!: (e: Error) => void;
    const settled = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A refusal nobody awaits must not surface as an unhandled rejection: the store shows it anyway.
    settled.catch(() => {});
    this.waiting.set(intent.seq, { intent, resolve, reject });
    return { intent, settled };
  }

  ack(seq: number): Intent | null {
    const w = this.waiting.get(seq);
    if (!w) return null;
    this.waiting.delete(seq);
    w.resolve();
    return w.intent;
  }

  /**
   * A refusal of `seq`. An answer refused as already answered was taken (a resend after a drop
   * whose ack was lost): it counts as acknowledged.
   */
  refuse(refusal: Refusal): Intent | null {
    if (refusal.seq === null) return null;
    const w = this.waiting.get(refusal.seq);
    if (!w) return null;
    this.waiting.delete(refusal.seq);
    if (w.intent.type === 'answer' && refusal.code === 'already_answered') w.resolve();
    else w.reject(new LiveRefusedError(refusal));
    return w.intent;
  }

  /** What to send again after a reconnection, oldest first: all but turns, which the next turn replaces. */
  resendable(): Intent[] {
    const out: Intent[] = [];
    for (const [seq, w] of this.waiting) {
      if (w.intent.type === 'turn') {
        this.waiting.delete(seq);
        w.resolve();
      } else out.push(w.intent);
    }
    return out;
  }

  get size(): number {
    return this.waiting.size;
  }

  /** The connection is over: every waiting intent fails with `reason`. */
  failAll(reason: string): void {
    for (const w of this.waiting.values()) w.reject(new Error(reason));
    this.waiting.clear();
  }
}

/** What a reload needs to rejoin at once: kept in sessionStorage, so per tab. */
export interface LiveResume {
  sessionId: string;
  reconnectionToken: string | null;
}

export const RESUME_KEY = 'twinspect.live';

export function saveResume(storage: Pick<Storage, 'setItem'> | undefined, resume: LiveResume): void {
  try {
    storage?.setItem(RESUME_KEY, JSON.stringify(resume));
  } catch {
    // Storage full or blocked: a reload then asks for the code again.
  }
}

export function loadResume(storage: Pick<Storage, 'getItem'> | undefined): LiveResume | null {
  try {
    const raw = storage?.getItem(RESUME_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<LiveResume>;
    if (typeof v.sessionId !== 'string' || !v.sessionId) return null;
    return { sessionId: v.sessionId, reconnectionToken: typeof v.reconnectionToken === 'string' ? v.reconnectionToken : null };
  } catch {
    return null;
  }
}

export function clearResume(storage: Pick<Storage, 'removeItem'> | undefined): void {
  try {
    storage?.removeItem(RESUME_KEY);
  } catch {
    // nothing to clear
  }
}
