/**
 * The drill's actions that reach the server: start a drill, take a hint, submit the answer, retry
 * what failed. They write the drill store, which lives with the stage (src/scene/state/drill-store.ts)
 * because the stage reads it and drops pins in it. The server is reached only through a DrillClient,
 * by default the app's api.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { DrillAnswer, DrillKind, DrillQuestion, DrillResult, Hint } from '../../domain/drill';
import { createDrillState, drillAnswerOf, drillAnswerActions, drillStore, initialDrillState, type DrillAnswerActions, type DrillFailure, type DrillState, type PendingAnswer } from '../../scene/state/drill-store';
import { api, ApiError } from '../api';
import { offlineDrillClient } from '../offline/offline-drill-client';

/** What the store needs of the server. `sealed` is a guest drill's token, which the server wants back with hints and the answer. */
export interface DrillClient {
  newDrill(kind: DrillKind, productId?: string): Promise<DrillQuestion>;
  hint(drillId: string, hintsUsed: number, sealed?: string): Promise<{ hint: Hint; hintsUsed: number }>;
  answer(drillId: string, answer: DrillAnswer, hintsUsed: number, sealed?: string): Promise<DrillResult | PendingAnswer>;
}

function failureOf(during: DrillFailure['during'], e: unknown): DrillFailure {
  if (e instanceof ApiError) return { during, message: e.message, status: e.status, code: e.code };
  return { during, message: e instanceof Error ? e.message : String(e), status: 0, code: 'network_error' };
}

/** The answer actions and the server's, on one drill store. */
function drillActionsOn(store: StoreApi<DrillState>, answerActions: DrillAnswerActions, client: DrillClient) {
  const get = store.getState;
  const set = store.setState;
  /** Bumped by each start and reset: a reply to an older request finds it changed and is dropped. */
  let generation = 0;

  const actions = {
    ...answerActions,
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
  return actions;
}

/** A drill store of its own with all its actions (for tests, with a client of their own). */
export function createDrillStore(client: DrillClient = api) {
  const { store, answerActions } = createDrillState();
  return { store, actions: drillActionsOn(store, answerActions, client) };
}

/** All the actions of the page's drill (the store the stage reads), answers queued while offline. */
export const drillActions = drillActionsOn(drillStore, drillAnswerActions, offlineDrillClient);
