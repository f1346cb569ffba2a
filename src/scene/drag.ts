/**
 * Dragging turns the items: a drag that starts on a model turns that model (and its twin when the
 * views are linked); a drag on the empty stage turns both. Right-drag and the wheel pan and zoom.
 */
import type { Camera } from 'three';
import { Vector3 } from 'three';
import type { Side } from './state/compare-store';
import { compareStore } from './state/compare-store';
import { turn } from './turntable';

export const dragState: { pendingSide: Side | null } = { pendingSide: null };
const right = new Vector3();

export function attachDragTurner(el: HTMLElement, getCamera: () => Camera): () => void {
  let active: { side: Side | 'both'; x: number; y: number; id: number } | null = null;
  const down = (e: PointerEvent) => {
    if (e.button !== 0 || compareStore.getState().tool === 'ruler') {
      dragState.pendingSide = null;
      return;
    }
    active = { side: dragState.pendingSide ?? 'both', x: e.clientX, y: e.clientY, id: e.pointerId };
    dragState.pendingSide = null;
  };
  const move = (e: PointerEvent) => {
    if (!active || e.pointerId !== active.id) return;
    const dx = (e.clientX - active.x) * 0.01;
    const dy = (e.clientY - active.y) * 0.01;
    active.x = e.clientX;
    active.y = e.clientY;
    right.set(1, 0, 0).applyQuaternion(getCamera().quaternion);
    const s = compareStore.getState();
    const linked = s.linkViews || s.overlay !== 'off' || active.side === 'both';
    turn(active.side === 'both' ? 'A' : active.side, linked, dx, dy, right);
  };
  const up = (e: PointerEvent) => {
    if (active && e.pointerId === active.id) active = null;
  };
  // Bubble phase on window: R3F's own handler on the canvas has already said which model was hit.
  const onDown = (e: PointerEvent) => el.contains(e.target as Node) && down(e);
  // Keys on the focused stage (turn, zoom, the crosshair) are StageKeyboard's.
  el.tabIndex = 0;
  window.addEventListener('pointerdown', onDown);
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  return () => {
    window.removeEventListener('pointerdown', onDown);
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
  };
}
