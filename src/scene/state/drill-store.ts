/**
 * The drill in progress: the question, what the trainee has chosen so far (a call and a confidence,
 * or pins), the hints taken, and the result once the answer is in. A vanilla zustand store like the
 * comparison's, so the 3D stage (which drops pins) and the side panel (which submits) share it
 * without threading props through the canvas. Here are the state and the actions that only change
 * it (a call, a confidence, pins); the actions that reach the server (start, hint, submit) are the
 * app's (src/app/drill/drill-actions.ts) and write this store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MAX_PINS, type DrillAnswer, type DrillKind, type DrillQuestion, type DrillResult, type Hint, type ItemLabel, type Pin } from '../../domain/drill';

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

/** What the drill page gets back for an answer that is queued (given offline), in place of a result. */
export interface PendingAnswer {
  queued: true;
  drillId: string;
  answeredAt: string;
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

/** The actions that only change the answer being put together: no server is reached. */
export interface DrillAnswerActions {
  choose(choice: DrillChoice): void;
  setConfidence(confidence: number): void;
  /** Drops a pin on the suspect; false when it is not a find-the-tells drill being answered, or the pins are used up. */
  addPin(pin: DroppedPin): boolean;
  removePin(i: number): void;
}

/** A drill store and its answer actions (the page's one is below; tests make their own). */
export function createDrillState(): { store: StoreApi<DrillState>; answerActions: DrillAnswerActions } {
  const store: StoreApi<DrillState> = createStore<DrillState>()(() => ({ ...initialDrillState }));
  const get = store.getState;
  const set = store.setState;

  const answerActions: DrillAnswerActions = {
    choose(choice: DrillChoice): void {
      if (get().status === 'answering') set({ choice });
    },
    setConfidence(confidence: number): void {
      set({ confidence: clampConfidence(confidence) });
    },
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
  };
  return { store, answerActions };
}

const drill = createDrillState();
export const drillStore = drill.store;
/** What the stage does to the answer (drop and remove pins, a call and a confidence in a headset). */
export const drillAnswerActions = drill.answerActions;

export function useDrill<T>(selector: (s: DrillState) => T): T {
  return useStore(drillStore, selector);
}
