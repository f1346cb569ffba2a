/**
 * What the stage's keyboard layer shares between the canvas (which raycasts) and its overlay (the
 * crosshair, the key help and the spoken messages): a small vanilla store, as for the comparison.
 * The item that takes pins registers a picker while pins may be dropped, and so do the examiner's
 * ruler and loupe while chosen (they take the keys over a drill's pins, as they take its clicks);
 * without one the crosshair is not shown and the arrow keys turn the items.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { CENTRE, type Cursor } from './stage-keys';

/** What a keyboard drop did: a pin placed (its 1-based number), nothing of the item under the crosshair, or no pins left. */
export type DropOutcome = { placed: number } | 'miss' | 'full';

export type PickerSubject = 'suspect' | 'model' | 'ruler' | 'loupe';

export interface KeyboardPicker {
  /** What the crosshair aims, for the words spoken: pins on the drill's suspect, tells on the studio's model, the ruler's marks, or the loupe. */
  subject: PickerSubject;
  /** Drops a pin where the ray through `ndc` first meets the item, by the same path as a click; absent where the crosshair only aims (the loupe). */
  drop?(ndc: { x: number; y: number }): DropOutcome;
  /** Whether the ray through `ndc` meets the item. */
  over(ndc: { x: number; y: number }): boolean;
  /** How many pins are dropped. */
  count(): number;
  /** Where pin `i` (0-based) stands on the screen, as normalised device coordinates; null if it is gone. */
  locate(i: number): { x: number; y: number; z: number } | null;
  /** Removes pin `i`; absent where pins are removed elsewhere (the studio's tell form). */
  remove?(i: number): void;
  /** Called when Tab reaches pin `i` (the studio opens that tell). */
  select?(i: number): void;
}

/** A spoken message: the key of a string in the a11y namespace and its values. `n` makes each one new, so the same words are spoken again. */
export interface Announcement {
  key: string;
  values?: Record<string, string | number>;
  n: number;
}

export interface StageKeyboardState {
  /** The stage has the focus. */
  focused: boolean;
  /** The keyboard is in use there (focus came by Tab, or a key was pressed): the crosshair shows. */
  keyboard: boolean;
  cursor: Cursor;
  /** The crosshair is over the item that takes pins. */
  over: boolean;
  /** The pin Tab has reached (0-based), or null. */
  selected: number | null;
  announcement: Announcement | null;
  picker: KeyboardPicker | null;
}

export const stageKeyboard = createStore<StageKeyboardState>()(() => ({
  focused: false,
  keyboard: false,
  cursor: CENTRE,
  over: false,
  selected: null,
  announcement: null,
  picker: null,
}));

let said = 0;
export function announce(key: string, values?: Record<string, string | number>): void {
  stageKeyboard.setState({ announcement: { key, values, n: ++said } });
}

const registered: KeyboardPicker[] = [];
const isTool = (p: KeyboardPicker) => p.subject === 'ruler' || p.subject === 'loupe';

/** The picker the keys drive: the newest examiner's tool, else the newest registered. */
function current(): KeyboardPicker | null {
  for (let i = registered.length - 1; i >= 0; i--) if (isTool(registered[i]!)) return registered[i]!;
  return registered.at(-1) ?? null;
}

function update(): void {
  const picker = current();
  if (stageKeyboard.getState().picker !== picker) stageKeyboard.setState({ picker, cursor: CENTRE, selected: null, over: false });
}

/** Registers what the crosshair drives; returns the unregistering function. */
export function registerPicker(picker: KeyboardPicker): () => void {
  registered.push(picker);
  update();
  return () => {
    const i = registered.indexOf(picker);
    if (i >= 0) registered.splice(i, 1);
    update();
  };
}

export function useStageKeyboard<T>(selector: (s: StageKeyboardState) => T): T {
  return useStore(stageKeyboard, selector);
}
