import { beforeEach, describe, expect, it } from 'vitest';
import { compareActions, compareStore, pairOf } from '../../../../src/scene/state/compare-store';
import type { Product } from '../../../../src/domain/catalogue';

const point = { position: [0, 0, 0] as [number, number, number], normal: [0, 0, 1] as [number, number, number], node: 'body' };
const tell = (id: string) => ({ id, title: id, category: 'logo-typography' as const, iso: 'overt' as const, tool: 'loupe' as const, genuine: 'g', counterfeit: 'c', severity: 'major' as const, tolerance: 0.01, at: point, genuineAt: point });
const product: Product = {
  id: 'p', name: 'P', brand: 'B', category: 'watch', hsCode: '9102.11', description: 'd', cocoClasses: ['clock'], photos: [],
  variants: [
    { id: 'genuine', kind: 'genuine', label: 'Genuine', model: 'models/g.glb', weightGrams: 150, provenance: 'ref', tells: [] },
    { id: 'fake-a', kind: 'counterfeit', label: 'A', model: 'models/a.glb', weightGrams: 90, provenance: 'seized', tells: [tell('t1'), tell('t2')] },
    { id: 'fake-b', kind: 'counterfeit', label: 'B', model: 'models/b.glb', weightGrams: 120, provenance: 'seized', tells: [tell('t3')] },
  ],
};

beforeEach(() => compareActions.close());

describe('the comparison store', () => {
  it('opens a product with its first counterfeit unless one is named', () => {
    compareActions.open(product, null, 'A');
    expect(compareStore.getState().counterfeitId).toBe('fake-a');
    compareActions.open(product, 'fake-b', 'B');
    expect(compareStore.getState().counterfeitId).toBe('fake-b');
    compareActions.open(product, 'no-such', 'B');
    expect(compareStore.getState().counterfeitId).toBe('fake-a');
  });

  it('keeps the genuine on one side for the whole visit: reopening the product or choosing another counterfeit never swaps the items', () => {
    const sides = new Set<string>();
    for (let i = 0; i < 40; i++) {
      compareActions.open(product, i % 2 ? 'fake-b' : 'fake-a');
      sides.add(compareStore.getState().genuineSide);
      compareActions.chooseCounterfeit(i % 2 ? 'fake-a' : 'fake-b');
      sides.add(compareStore.getState().genuineSide);
      compareActions.close();
    }
    expect(sides.size).toBe(1);
  });

  it('pairs the genuine with the chosen counterfeit and its tells', () => {
    const pair = pairOf(product, 'fake-b')!;
    expect(pair.genuine.id).toBe('genuine');
    expect(pair.counterfeit.id).toBe('fake-b');
    expect(pair.tells.map((t) => t.id)).toEqual(['t3']);
    expect(pairOf(product, 'nope')).toBeNull();
  });

  it('choosing a tell shows the tells and asks the stage to focus again each time', () => {
    compareActions.open(product, null, 'A');
    compareActions.focusTell('t1');
    compareActions.focusTell('t1');
    const s = compareStore.getState();
    expect(s.selectedTellId).toBe('t1');
    expect(s.showTells).toBe(true);
    expect(s.focusSeq).toBe(2);
  });

  it('the ruler keeps two marks on one model and starts again on a third or on the other model', () => {
    compareActions.open(product, null, 'A');
    compareActions.addRulerMark({ side: 'A', point: [0, 0, 0] });
    compareActions.addRulerMark({ side: 'A', point: [0.01, 0, 0] });
    expect(compareStore.getState().ruler).toHaveLength(2);
    compareActions.addRulerMark({ side: 'A', point: [0.02, 0, 0] });
    expect(compareStore.getState().ruler).toHaveLength(1);
    compareActions.addRulerMark({ side: 'B', point: [0, 0, 0] });
    expect(compareStore.getState().ruler).toEqual([{ side: 'B', point: [0, 0, 0] }]);
  });

  it("a ruler mark can be removed by its number (the keyboard's Delete)", () => {
    compareActions.open(product, null, 'A');
    compareActions.addRulerMark({ side: 'A', point: [0, 0, 0] });
    compareActions.addRulerMark({ side: 'A', point: [0.01, 0, 0] });
    compareActions.removeRulerMark(0);
    expect(compareStore.getState().ruler).toEqual([{ side: 'A', point: [0.01, 0, 0] }]);
  });

  it('the still flicker (reduced motion) swaps by hand and starts on the genuine with each overlay', () => {
    compareActions.setOverlay('flicker');
    expect(compareStore.getState().flickerShows).toBe('genuine');
    compareActions.swapFlicker();
    expect(compareStore.getState().flickerShows).toBe('counterfeit');
    compareActions.setOverlay('ghost');
    compareActions.setOverlay('flicker');
    expect(compareStore.getState().flickerShows).toBe('genuine');
  });

  it('a tool toggles off when chosen again, and the UV lamp shines alongside it', () => {
    compareActions.setTool('loupe');
    compareActions.toggleUvLamp();
    expect(compareStore.getState()).toMatchObject({ tool: 'loupe', uvLamp: true });
    compareActions.setTool('loupe');
    expect(compareStore.getState()).toMatchObject({ tool: 'none', uvLamp: true });
  });
});
