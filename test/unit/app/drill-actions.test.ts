import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/app/api';
import { createDrillStore, drillActions, type DrillClient } from '../../../src/app/drill/drill-actions';
import { clampConfidence, drillAnswerOf, drillAnswerActions, drillStore, initialDrillState, type DrillState } from '../../../src/scene/state/drill-store';
import { MAX_PINS, type DrillAnswer, type DrillKind, type DrillQuestion, type DrillResult, type Hint } from '../../../src/domain/drill';

const question = (kind: DrillKind, extra: Partial<DrillQuestion> = {}): DrillQuestion => ({
  id: `d-${kind}`,
  kind,
  product: { id: 'p', name: 'P', brand: 'B', category: 'watch', description: 'd' },
  items: kind === 'verdict' ? [{ label: 'A', model: '/api/drill-items/x', weightGrams: 100 }] : [
    { label: 'A', model: '/api/drill-items/a', weightGrams: 100, ...(kind === 'find-the-tells' ? { role: 'reference' as const } : {}) },
    { label: 'B', model: '/api/drill-items/b', weightGrams: 90, ...(kind === 'find-the-tells' ? { role: 'suspect' as const } : {}) },
  ],
  ...(kind === 'find-the-tells' ? { tellCount: 3 } : {}),
  hintsUsed: 0,
  maxHints: 2,
  issuedAt: '2025-01-01T00:00:00.000Z',
  guest: false,
  ...extra,
});

const state = (over: Partial<DrillState>): DrillState => ({ ...initialDrillState, ...over });
const hint: Hint = { category: 'logo-typography', title: 'Logo', genuine: 'crisp' };

/** An in-memory stand-in for the api: records calls, answers at once or fails as told. No server, no fetch. */
function fakeClient(q: DrillQuestion) {
  const calls: { answer: [string, DrillAnswer, number, string | undefined][]; hint: [string, number, string | undefined][]; newDrill: number } = { answer: [], hint: [], newDrill: 0 };
  let failNext: Error | null = null;
  const fail = () => {
    const e = failNext;
    failNext = null;
    if (e) throw e;
  };
  const client: DrillClient = {
    async newDrill() {
      calls.newDrill++;
      fail();
      return q;
    },
    async hint(id, hintsUsed, sealed) {
      calls.hint.push([id, hintsUsed, sealed]);
      fail();
      return { hint, hintsUsed: hintsUsed + 1 };
    },
    async answer(id, answer, hintsUsed, sealed) {
      calls.answer.push([id, answer, hintsUsed, sealed]);
      fail();
      return { drillId: id, kind: q.kind, saved: false, revealed: [], tells: [] } as unknown as DrillResult;
    },
  };
  return { client, calls, failWith: (e: Error) => (failNext = e) };
}

describe('drillAnswerOf', () => {
  it('spot the fake: the label called counterfeit and the confidence', () => {
    expect(drillAnswerOf(state({ question: question('spot-the-fake'), choice: 'B', confidence: 0.8 }))).toEqual({ kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.8 });
    expect(drillAnswerOf(state({ question: question('spot-the-fake'), choice: null }))).toBeNull();
    expect(drillAnswerOf(state({ question: question('spot-the-fake'), choice: 'genuine' }))).toBeNull();
  });

  it('verdict: the call and the confidence, snapped to the slider', () => {
    expect(drillAnswerOf(state({ question: question('verdict'), choice: 'counterfeit', confidence: 0.93 }))).toEqual({ kind: 'verdict', verdict: 'counterfeit', confidence: 0.95 });
    expect(drillAnswerOf(state({ question: question('verdict'), choice: 'A' }))).toBeNull();
  });

  it('find the tells: the pins as the contract names them, without the normal kept for drawing', () => {
    const pins = [{ position: [0.01, 0.02, 0.03] as [number, number, number], node: 'dial', normal: [0, 0, 1] as [number, number, number] }, { position: [0, 0, 0] as [number, number, number] }];
    expect(drillAnswerOf(state({ question: question('find-the-tells'), pins }))).toEqual({
      kind: 'find-the-tells',
      pins: [{ position: [0.01, 0.02, 0.03], node: 'dial' }, { position: [0, 0, 0] }],
    });
    expect(drillAnswerOf(state({ question: question('find-the-tells'), pins: [] }))).toBeNull();
  });

  it('is null with no question', () => {
    expect(drillAnswerOf(state({ choice: 'A' }))).toBeNull();
  });
});

describe('clampConfidence', () => {
  it('keeps a confidence between a coin toss and certainty, in 5 % steps', () => {
    expect(clampConfidence(0.77)).toBe(0.75);
    expect(clampConfidence(0.2)).toBe(0.5);
    expect(clampConfidence(1.4)).toBe(1);
    expect(clampConfidence(Number.NaN)).toBe(0.75);
  });
});

describe('the drill store', () => {
  it('starts: loading, then answering with the question and a clock', async () => {
    const { client } = fakeClient(question('spot-the-fake'));
    const { store, actions } = createDrillStore(client);
    const started = actions.start('spot-the-fake', 'p');
    expect(store.getState()).toMatchObject({ status: 'loading', kind: 'spot-the-fake', productId: 'p', question: null });
    await started;
    expect(store.getState().status).toBe('answering');
    expect(store.getState().question?.id).toBe('d-spot-the-fake');
    expect(store.getState().startedAt).toBeTypeOf('number');
  });

  it('caps pins at MAX_PINS, and takes them only in find-the-tells while answering', async () => {
    const { client } = fakeClient(question('find-the-tells'));
    const { store, actions } = createDrillStore(client);
    expect(actions.addPin({ position: [0, 0, 0] })).toBe(false);
    await actions.start('find-the-tells');
    for (let i = 0; i < MAX_PINS + 5; i++) actions.addPin({ position: [i, 0, 0] });
    expect(store.getState().pins).toHaveLength(MAX_PINS);
    actions.removePin(0);
    expect(store.getState().pins[0]!.position[0]).toBe(1);
    expect(store.getState().pins).toHaveLength(MAX_PINS - 1);
    actions.removePin(99);
    expect(store.getState().pins).toHaveLength(MAX_PINS - 1);
  });

  it('refuses pins in a drill of another kind', async () => {
    const { client } = fakeClient(question('verdict'));
    const { store, actions } = createDrillStore(client);
    await actions.start('verdict');
    expect(actions.addPin({ position: [0, 0, 0] })).toBe(false);
    expect(store.getState().pins).toEqual([]);
  });

  it('takes hints up to the drill\'s maximum, sending a guest drill\'s token back', async () => {
    const { client, calls } = fakeClient(question('verdict', { guest: true, sealed: 'tok' }));
    const { store, actions } = createDrillStore(client);
    await actions.start('verdict');
    await actions.hint();
    await actions.hint();
    await actions.hint();
    expect(store.getState().hints).toHaveLength(2);
    expect(store.getState().hintsUsed).toBe(2);
    expect(calls.hint).toEqual([['d-verdict', 0, 'tok'], ['d-verdict', 1, 'tok']]);
  });

  it('submits the answer the state amounts to, with the hints used', async () => {
    const { client, calls } = fakeClient(question('spot-the-fake'));
    const { store, actions } = createDrillStore(client);
    await actions.start('spot-the-fake');
    await actions.submit();
    expect(calls.answer).toHaveLength(0);
    actions.choose('A');
    actions.setConfidence(0.9);
    await actions.hint();
    await actions.submit();
    expect(calls.answer).toEqual([['d-spot-the-fake', { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.9 }, 1, undefined]]);
    expect(store.getState().status).toBe('done');
    expect(store.getState().result?.drillId).toBe('d-spot-the-fake');
    actions.choose('B');
    expect(store.getState().choice).toBe('A');
  });

  it('keeps the question when an answer fails, and retries it', async () => {
    const { client, calls, failWith } = fakeClient(question('verdict'));
    const { store, actions } = createDrillStore(client);
    await actions.start('verdict');
    actions.choose('genuine');
    failWith(new ApiError(503, 'unavailable', 'Try again'));
    await actions.submit();
    expect(store.getState()).toMatchObject({ status: 'answering', error: { during: 'submit', status: 503, code: 'unavailable', message: 'Try again' } });
    await actions.retry();
    expect(store.getState().status).toBe('done');
    expect(store.getState().error).toBeNull();
    expect(calls.answer).toHaveLength(2);
  });

  it('shows an error when a drill cannot start, and retries the same kind and product', async () => {
    const { client, calls, failWith } = fakeClient(question('find-the-tells'));
    const { store, actions } = createDrillStore(client);
    failWith(new ApiError(404, 'no_drill', 'No product has tells'));
    await actions.start('find-the-tells', 'p');
    expect(store.getState()).toMatchObject({ status: 'error', error: { during: 'start', code: 'no_drill' } });
    await actions.retry();
    expect(store.getState()).toMatchObject({ status: 'answering', productId: 'p', error: null });
    expect(calls.newDrill).toBe(2);
  });

  it('drops the reply to a drill that was left before it came', async () => {
    const { client } = fakeClient(question('verdict'));
    const { store, actions } = createDrillStore(client);
    const late = actions.start('verdict');
    actions.reset();
    await late;
    expect(store.getState().status).toBe('idle');
    expect(store.getState().question).toBeNull();
  });

  it("the page's actions and the stage's answer actions write one store, the one the stage reads", () => {
    const question0 = question('find-the-tells');
    drillStore.setState({ ...initialDrillState, status: 'answering', kind: 'find-the-tells', question: question0 });
    expect(drillAnswerActions.addPin({ position: [1, 2, 3] })).toBe(true);
    expect(drillActions.addPin({ position: [4, 5, 6] })).toBe(true);
    expect(drillStore.getState().pins.map((p) => p.position)).toEqual([[1, 2, 3], [4, 5, 6]]);
    drillActions.reset();
    expect(drillStore.getState()).toEqual(initialDrillState);
  });
});
