/**
 * The drill in progress: the question, what the trainee has chosen so far (a call and a confidence,
 * or pins), the hints taken, and the result once the answer is in. A vanilla zustand store like the
 * comparison's, so the 3D stage (which drops pins) and the side panel (which submits) share it
 * without threading props through the canvas. The server is reached only through a DrillClient,
 * by default the app's api.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MAX_PINS, type DrillAnswer, type DrillKind, type DrillQuestion, type DrillResult, type Hint, type ItemLabel, type Pin } from '../../domain/drill';
import { api, ApiError } from '../api';
import type { PendingAnswer } from '../offline/answer-queue';
import { offlineDrillClient } from '../offline/offline-drill-client';

export type DrillStatus = 'idle' | 'loading' | 'answering' | 'submitting' | 'done' | 'error';
/** Spot the fake: the label called counterfeit. Verdict: the call on the one item. */
export type DrillChoice = ItemLabel | 'genuine' | 'counterfeit';
type Vec3 = [number, number, number];

/** A dropped pin: what the server gets (Pin), plus the surface normal where it was dropped, only to lift its badge off the surface. */
export interface DroppedPin extends Pin {
  normal?: Vec3;
}

export interface DrillFailure {
  /** What failed, so that "Retry" does it again. */
  during: 'start' | 'hint' | 'submit';
  message: string;
  status: number;
  code: string;
}

export interface DrillState {
  status: DrillStatus;
  /** What was asked for: kept so that "Next drill" and a retry ask again for the same. */
  kind: DrillKind | null;
  productId: string | null;
  question: DrillQuestion | null;
  choice: DrillChoice | null;
  /** The probability the trainee gives that their call is right: 0.5 (a coin toss) to 1. */
  confidence: number;
  pins: DroppedPin[];
  hints: Hint[];
  hintsUsed: number;
  hintPending: boolean;
  result: DrillResult | null;
  /** An answer given offline, waiting to be scored when the connection is back (in place of a result). */
  pending: PendingAnswer | null;
  error: DrillFailure | null;
  /** Date.now() when the question arrived: the page's own clock (the server times the answer itself). */
  startedAt: number | null;
}

/** What the store needs of the server. `sealed` is a guest drill's token, which the server wants back with hints and the answer. */
export interface DrillClient {
  newDrill(kind: DrillKind, productId?: string): Promise<DrillQuestion>;
  hint(drillId: string, hintsUsed: number, sealed?: string): Promise<{ hint: Hint; hintsUsed: number }>;
  answer(drillId: string, answer: DrillAnswer, hintsUsed: number, sealed?: string): Promise<DrillResult | PendingAnswer>;
}

export const DEFAULT_CONFIDENCE = 0.75;

export const initialDrillState: DrillState = {
  status: 'idle',
  kind: null,
  productId: null,
  question: null,
  choice: null,
  confidence: DEFAULT_CONFIDENCE,
  pins: [],
  hints: [],
  hintsUsed: 0,
  hintPending: false,
  result: null,
  pending: null,
  error: null,
  startedAt: null,
};

/** Snaps a confidence to the slider's 5 % steps within 0.5..1 (the server refuses anything outside). */
export function clampConfidence(c: number): number {
  if (!Number.isFinite(c)) return DEFAULT_CONFIDENCE;
  return Math.min(1, Math.max(0.5, Math.round(c * 20) / 20));
}

/** The answer the state amounts to, or null while it is not complete enough to submit. */
export function drillAnswerOf(s: Pick<DrillState, 'question' | 'choice' | 'confidence' | 'pins'>): DrillAnswer | null {
  const kind = s.question?.kind;
  const confidence = clampConfidence(s.confidence);
  if (kind === 'spot-the-fake') {
    return s.choice === 'A' || s.choice === 'B' ? { kind, counterfeit: s.choice, confidence } : null;
  }
  if (kind === 'verdict') {
    return s.choice === 'genuine' || s.choice === 'counterfeit' ? { kind, verdict: s.choice, confidence } : null;
  }
  if (kind === 'find-the-tells') {
    if (s.pins.length === 0) return null;
    // Only what the contract names goes to the server: the normal is the page's own business.
    return { kind, pins: s.pins.slice(0, MAX_PINS).map((p) => (p.node ? { position: p.position, node: p.node } : { position: p.position })) };
  }
  return null;
}

function failureOf(during: DrillFailure['during'], e: unknown): DrillFailure {
  if (e instanceof ApiError) return { during, message: e.message, status: e.status, code: e.code };
  return { during, message: e instanceof Error ? e.message : String(e), status: 0, code: 'network_error' };
}

export function createDrillStore(client: DrillClient = api) {
  const store: StoreApi<DrillState> = createStore<DrillState>()(() => ({ ...initialDrillState }));
  const get = store.getState;
  const set = store.setState;
  /** Bumped by each start and reset: a reply to an older request finds it changed and is dropped. */
  let generation = 0;

  const actions = {
    async start(kind: DrillKind, productId?: string | null): Promise<void> {
      const mine = ++generation;
      set({ ...initialDrillState, status: 'loading', kind, productId: productId ?? null });
      try {
        const question = await client.newDrill(kind, productId ?? undefined);
        if (mine !== generation) return;
        set({ status: 'answering', question, hintsUsed: question.hintsUsed, startedAt: Date.now() });
      } catch (e) {
        if (mine === generation) set({ status: 'error', error: failureOf('start', e) });
      }
    },
    reset(): void {
      generation++;
      set({ ...initialDrillState });
    },
    choose(choice: DrillChoice): void {
      if (get().status === 'answering') set({ choice });
    },
    setConfidence(confidence: number): void {
      set({ confidence: clampConfidence(confidence) });
    },
    /** Drops a pin on the suspect; false when it is not a find-the-tells drill being answered, or the pins are used up. */
    addPin(pin: DroppedPin): boolean {
      const s = get();
      if (s.status !== 'answering' || s.question?.kind !== 'find-the-tells' || s.pins.length >= MAX_PINS) return false;
      set({ pins: [...s.pins, pin] });
      return true;
    },
    removePin(i: number): void {
      const s = get();
      if (s.status !== 'answering' || i < 0 || i >= s.pins.length) return;
      set({ pins: s.pins.filter((_, j) => j !== i) });
    },
    async hint(): Promise<void> {
      const s = get();
      const q = s.question;
      if (!q || s.status !== 'answering' || s.hintPending || s.hintsUsed >= q.maxHints) return;
      const mine = generation;
      set({ hintPending: true, error: null });
      try {
        const { hint, hintsUsed } = await client.hint(q.id, s.hintsUsed, q.sealed);
        if (mine !== generation) return;
        set((now) => ({ hintPending: false, hints: [...now.hints, hint], hintsUsed }));
      } catch (e) {
        if (mine === generation) set({ hintPending: false, error: failureOf('hint', e) });
      }
    },
    async submit(): Promise<void> {
      const s = get();
      const answer = drillAnswerOf(s);
      if (!s.question || !answer || s.status !== 'answering') return;
      const mine = generation;
      set({ status: 'submitting', error: null });
      try {
        const result = await client.answer(s.question.id, answer, s.hintsUsed, s.question.sealed);
        if (mine === generation) set('queued' in result ? { status: 'done', pending: result } : { status: 'done', result });
      } catch (e) {
        // The question stays: the trainee can retry, or start another.
        if (mine === generation) set({ status: 'answering', error: failureOf('submit', e) });
      }
    },
    /** Does again what failed. */
    retry(): Promise<void> {
      const s = get();
      if (s.error?.during === 'hint') return actions.hint();
      if (s.error?.during === 'submit') return actions.submit();
      return s.kind ? actions.start(s.kind, s.productId) : Promise.resolve();
    },
  };
  return { store, actions };
}

const drill = createDrillStore(offlineDrillClient);
export const drillStore = drill.store;
export const drillActions = drill.actions;

export function useDrill<T>(selector: (s: DrillState) => T): T {
  return useStore(drillStore, selector);
}
