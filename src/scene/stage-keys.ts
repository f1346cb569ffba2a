/**
 * The stage's keyboard, as pure functions: which key does what, and how the keyboard crosshair moves.
 * The crosshair stands in for the pointer where pins are dropped (find the tells): arrow keys move it
 * over the view, a ray from it picks the surface, so a keyboard pin lands just where a click would.
 * Elsewhere the arrow keys turn the items, as before.
 */

/** The crosshair, as fractions of the view's width and height (0,0 top left). */
export interface Cursor {
  x: number;
  y: number;
}

export const CENTRE: Cursor = { x: 0.5, y: 0.5 };
/** CSS pixels per arrow press, and with Shift. */
export const CURSOR_STEP_PX = 8;
export const CURSOR_BIG_STEP_PX = 48;
/** Turning per key press (radians): 15 degrees, as the arrow keys always turned. */
export const TURN_STEP = Math.PI / 12;
/** Each zoom key press moves the camera this factor nearer (or, inverted, further). */
export const ZOOM_STEP = 0.85;

export type StageKeyAction =
  | { type: 'turn'; dx: number; dy: number }
  | { type: 'zoom'; factor: number }
  | { type: 'move'; dx: number; dy: number }
  | { type: 'centre' }
  | { type: 'drop' }
  | { type: 'remove' }
  | { type: 'select'; step: 1 | -1 }
  | { type: 'deselect' };

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
/** W/A/S/D turn the items in every mode (so they still turn while the arrows move the crosshair). */
const TURN_LETTERS: Record<string, [number, number]> = { a: [-1, 0], d: [1, 0], w: [0, -1], s: [0, 1] };

/**
 * What a key press on the focused stage does. `pinning`: pins can be dropped now (the crosshair is
 * there); `pins`: how many are dropped; `selected`: the pin Tab has reached (0-based), or null.
 * Tab walks the pins and then leaves the stage as usual (null: let the browser have it).
 */
export function stageKeyAction(e: KeyPress, mode: { pinning: boolean; pins: number; selected: number | null }): StageKeyAction | null {
  // Ctrl, Alt and Cmd combinations belong to the browser and the screen reader.
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const arrow = ARROWS[e.key];
  if (arrow) {
    if (!mode.pinning) return { type: 'turn', dx: arrow[0] * TURN_STEP, dy: arrow[1] * TURN_STEP };
    const step = e.shiftKey ? CURSOR_BIG_STEP_PX : CURSOR_STEP_PX;
    return { type: 'move', dx: arrow[0] * step, dy: arrow[1] * step };
  }
  const letter = TURN_LETTERS[e.key.toLowerCase()];
  if (letter) return { type: 'turn', dx: letter[0] * TURN_STEP, dy: letter[1] * TURN_STEP };
  if (e.key === '+' || e.key === '=') return { type: 'zoom', factor: ZOOM_STEP };
  if (e.key === '-' || e.key === '_') return { type: 'zoom', factor: 1 / ZOOM_STEP };
  if (!mode.pinning) return null;
  if (e.key === 'Enter' || e.key === ' ') return { type: 'drop' };
  if (e.key === 'Home') return { type: 'centre' };
  if (e.key === 'Delete' || e.key === 'Backspace') return mode.pins > 0 ? { type: 'remove' } : null;
  if (e.key === 'Escape') return mode.selected !== null ? { type: 'deselect' } : null;
  if (e.key === 'Tab') {
    if (e.shiftKey) return mode.selected !== null && mode.selected > 0 ? { type: 'select', step: -1 } : null;
    const next = mode.selected === null ? 0 : mode.selected + 1;
    return next < mode.pins ? { type: 'select', step: 1 } : null;
  }
  return null;
}

/** Moves the crosshair by (dx, dy) CSS pixels over a view of `width` × `height`, kept inside it. */
export function moveCursor(c: Cursor, dx: number, dy: number, width: number, height: number): Cursor {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  return { x: clamp01(c.x + dx / w), y: clamp01(c.y + dy / h) };
}

/** The crosshair as normalised device coordinates (-1..1, y up), which three's raycaster takes. */
export function cursorToNdc(c: Cursor): { x: number; y: number } {
  return { x: c.x * 2 - 1, y: 1 - c.y * 2 };
}

/** The reverse: where a projected point (NDC) stands as a crosshair, or null when it lies outside the view. */
export function ndcToCursor(x: number, y: number, z = 0): Cursor | null {
  if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 1 || Math.abs(y) > 1 || z > 1) return null;
  return { x: (x + 1) / 2, y: (1 - y) / 2 };
}

/** Which pin a Delete removes: the one selected, else the last dropped (-1: none). */
export function pinToRemove(selected: number | null, pins: number): number {
  if (pins <= 0) return -1;
  return selected !== null && selected >= 0 && selected < pins ? selected : pins - 1;
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5;
}
