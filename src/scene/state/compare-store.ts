/**
 * The comparison's state: which product and counterfeit are on the stage, the toggles, the chosen
 * tell and the active examiner's tool. Created outside React; read with selector hooks.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Product, Tell, Variant } from '../../domain/catalogue';
import { counterfeitsOf, genuineOf } from '../../domain/catalogue';

export type Side = 'A' | 'B';
/** The tool in the examiner's hand; the UV lamp is a light and can shine while one is used. */
export type ExaminerTool = 'none' | 'loupe' | 'ruler';
export type OverlayMode = 'off' | 'ghost' | 'flicker';

export interface RulerMark {
  side: Side;
  /** Model-space point (metres). */
  point: [number, number, number];
}

export interface CompareState {
  product: Product | null;
  counterfeitId: string | null;
  genuineSide: Side;
  showTells: boolean;
  linkViews: boolean;
  selectedTellId: string | null;
  /** Bumped on each "focus on tell" so the stage animates even when the same tell is chosen again. */
  focusSeq: number;
  tool: ExaminerTool;
  uvLamp: boolean;
  overlay: OverlayMode;
  /** Under reduced motion the flicker holds still on one item, swapped by hand. */
  flickerShows: 'genuine' | 'counterfeit';
  ruler: RulerMark[];
}

const initial: CompareState = {
  product: null,
  counterfeitId: null,
  genuineSide: 'A',
  showTells: false,
  linkViews: true,
  selectedTellId: null,
  focusSeq: 0,
  tool: 'none',
  uvLamp: false,
  overlay: 'off',
  flickerShows: 'genuine',
  ruler: [],
};

export const compareStore = createStore<CompareState>()(() => ({ ...initial }));

export function useCompare<T>(selector: (s: CompareState) => T): T {
  return useStore(compareStore, selector);
}

/**
 * The side the genuine item took on each product during this visit: drawn once, then kept when the
 * page is opened again or another counterfeit is chosen, so the items do not swap under the trainee.
 */
const sideOfProduct = new Map<string, Side>();

function sideFor(productId: string): Side {
  let side = sideOfProduct.get(productId);
  if (!side) sideOfProduct.set(productId, (side = Math.random() < 0.5 ? 'A' : 'B'));
  return side;
}

export const compareActions = {
  open(product: Product, counterfeitId?: string | null, genuineSide: Side = sideFor(product.id)) {
    const fakes = counterfeitsOf(product);
    const chosen = fakes.find((v) => v.id === counterfeitId) ?? fakes[0] ?? null;
    compareStore.setState({ ...initial, product, counterfeitId: chosen?.id ?? null, genuineSide, linkViews: compareStore.getState().linkViews });
  },
  close() {
    compareStore.setState({ ...initial });
  },
  chooseCounterfeit(id: string) {
    compareStore.setState({ counterfeitId: id, selectedTellId: null, ruler: [] });
  },
  toggleTells() {
    compareStore.setState((s) => ({ showTells: !s.showTells }));
  },
  toggleLink() {
    compareStore.setState((s) => ({ linkViews: !s.linkViews }));
  },
  focusTell(id: string) {
    compareStore.setState((s) => ({ selectedTellId: id, focusSeq: s.focusSeq + 1, showTells: true }));
  },
  clearTell() {
    compareStore.setState({ selectedTellId: null });
  },
  setTool(tool: ExaminerTool) {
    compareStore.setState((s) => ({ tool: s.tool === tool ? 'none' : tool, ruler: [] }));
  },
  toggleUvLamp() {
    compareStore.setState((s) => ({ uvLamp: !s.uvLamp }));
  },
  setOverlay(overlay: OverlayMode) {
    compareStore.setState({ overlay, flickerShows: 'genuine' });
  },
  swapFlicker() {
    compareStore.setState((s) => ({ flickerShows: s.flickerShows === 'genuine' ? 'counterfeit' : 'genuine' }));
  },
  addRulerMark(mark: RulerMark) {
    compareStore.setState((s) => {
      const kept = s.ruler.length >= 2 || (s.ruler[0] && s.ruler[0].side !== mark.side) ? [] : s.ruler;
      return { ruler: [...kept, mark] };
    });
  },
  removeRulerMark(i: number) {
    compareStore.setState((s) => ({ ruler: s.ruler.filter((_, j) => j !== i) }));
  },
};

/** What the stage shows on each side. */
export interface Pair {
  genuine: Variant;
  counterfeit: Variant;
  tells: Tell[];
}

/** The variant on each side of the stage. */
export function variantsBySide(pair: Pair, genuineSide: Side): Record<Side, Variant> {
  return genuineSide === 'A' ? { A: pair.genuine, B: pair.counterfeit } : { A: pair.counterfeit, B: pair.genuine };
}

export function pairOf(product: Product | null, counterfeitId: string | null): Pair | null {
  if (!product || !counterfeitId) return null;
  const counterfeit = product.variants.find((v) => v.id === counterfeitId);
  if (!counterfeit) return null;
  return { genuine: genuineOf(product), counterfeit, tells: counterfeit.tells };
}
