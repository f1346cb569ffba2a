import { describe, expect, it } from 'vitest';
import { BoxGeometry, Group, Mesh, PerspectiveCamera, Vector3 } from 'three';
import { firstShownHit, pinFromHit } from '../../../src/scene/drill/pick';
import {
  CENTRE,
  CURSOR_BIG_STEP_PX,
  CURSOR_STEP_PX,
  cursorToNdc,
  moveCursor,
  ndcToCursor,
  pinToRemove,
  stageKeyAction,
  TURN_STEP,
  ZOOM_STEP,
} from '../../../src/scene/stage-keys';

const turning = { pinning: false, pins: 0, selected: null };
const pinning = (pins = 0, selected: number | null = null) => ({ pinning: true, pins, selected });

describe('the stage keys', () => {
  it('turn the items with the arrows where no pins are dropped, and with W/A/S/D everywhere', () => {
    expect(stageKeyAction({ key: 'ArrowLeft' }, turning)).toEqual({ type: 'turn', dx: -TURN_STEP, dy: 0 });
    expect(stageKeyAction({ key: 'ArrowDown' }, turning)).toEqual({ type: 'turn', dx: 0, dy: TURN_STEP });
    expect(stageKeyAction({ key: 'd' }, pinning())).toEqual({ type: 'turn', dx: TURN_STEP, dy: 0 });
    expect(stageKeyAction({ key: 'W', shiftKey: true }, pinning())).toEqual({ type: 'turn', dx: 0, dy: -TURN_STEP });
  });

  it('move the crosshair with the arrows while pinning, further with Shift', () => {
    expect(stageKeyAction({ key: 'ArrowRight' }, pinning())).toEqual({ type: 'move', dx: CURSOR_STEP_PX, dy: 0 });
    expect(stageKeyAction({ key: 'ArrowUp', shiftKey: true }, pinning())).toEqual({ type: 'move', dx: 0, dy: -CURSOR_BIG_STEP_PX });
  });

  it('zoom with plus and minus, in and out by the same factor', () => {
    expect(stageKeyAction({ key: '+' }, turning)).toEqual({ type: 'zoom', factor: ZOOM_STEP });
    expect(stageKeyAction({ key: '=' }, turning)).toEqual({ type: 'zoom', factor: ZOOM_STEP });
    expect(stageKeyAction({ key: '-' }, pinning())).toEqual({ type: 'zoom', factor: 1 / ZOOM_STEP });
  });

  it('drop a pin with Enter or Space, and only while pinning', () => {
    expect(stageKeyAction({ key: 'Enter' }, pinning())).toEqual({ type: 'drop' });
    expect(stageKeyAction({ key: ' ' }, pinning())).toEqual({ type: 'drop' });
    expect(stageKeyAction({ key: 'Enter' }, turning)).toBeNull();
    expect(stageKeyAction({ key: 'Home' }, pinning())).toEqual({ type: 'centre' });
  });

  it('walk the pins with Tab, then let Tab leave the stage', () => {
    expect(stageKeyAction({ key: 'Tab' }, pinning(0))).toBeNull();
    expect(stageKeyAction({ key: 'Tab' }, pinning(2))).toEqual({ type: 'select', step: 1 });
    expect(stageKeyAction({ key: 'Tab' }, pinning(2, 0))).toEqual({ type: 'select', step: 1 });
    expect(stageKeyAction({ key: 'Tab' }, pinning(2, 1))).toBeNull();
    expect(stageKeyAction({ key: 'Tab', shiftKey: true }, pinning(2, 1))).toEqual({ type: 'select', step: -1 });
    expect(stageKeyAction({ key: 'Tab', shiftKey: true }, pinning(2, 0))).toBeNull();
    expect(stageKeyAction({ key: 'Tab', shiftKey: true }, pinning(2))).toBeNull();
    expect(stageKeyAction({ key: 'Tab' }, turning)).toBeNull();
    expect(stageKeyAction({ key: 'Escape' }, pinning(2, 1))).toEqual({ type: 'deselect' });
    expect(stageKeyAction({ key: 'Escape' }, pinning(2))).toBeNull();
  });

  it('remove a pin with Delete or Backspace when there is one', () => {
    expect(stageKeyAction({ key: 'Delete' }, pinning(1))).toEqual({ type: 'remove' });
    expect(stageKeyAction({ key: 'Backspace' }, pinning(3, 1))).toEqual({ type: 'remove' });
    expect(stageKeyAction({ key: 'Delete' }, pinning(0))).toBeNull();
    expect(pinToRemove(1, 3)).toBe(1);
    expect(pinToRemove(null, 3)).toBe(2);
    expect(pinToRemove(5, 3)).toBe(2);
    expect(pinToRemove(null, 0)).toBe(-1);
  });

  it('leave Ctrl, Alt and Cmd combinations to the browser and the screen reader', () => {
    for (const mod of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      expect(stageKeyAction({ key: 'ArrowLeft', [mod]: true }, pinning())).toBeNull();
      expect(stageKeyAction({ key: '+', [mod]: true }, turning)).toBeNull();
    }
    expect(stageKeyAction({ key: 'x' }, pinning())).toBeNull();
  });
});

describe('the keyboard crosshair', () => {
  it('moves by pixels over the view and stays inside it', () => {
    expect(moveCursor(CENTRE, 80, -40, 800, 400)).toEqual({ x: 0.6, y: 0.4 });
    expect(moveCursor({ x: 0.99, y: 0.01 }, 50, -50, 800, 400)).toEqual({ x: 1, y: 0 });
    expect(moveCursor({ x: 0.01, y: 0.99 }, -50, 50, 800, 400)).toEqual({ x: 0, y: 1 });
    expect(moveCursor(CENTRE, 8, 8, 0, 0)).toEqual({ x: 1, y: 1 });
    expect(moveCursor({ x: Number.NaN, y: 0.5 }, 0, 0, 100, 100)).toEqual({ x: 0.5, y: 0.5 });
  });

  it('turns into device coordinates and back', () => {
    expect(cursorToNdc(CENTRE)).toEqual({ x: 0, y: 0 });
    expect(cursorToNdc({ x: 0, y: 0 })).toEqual({ x: -1, y: 1 });
    expect(cursorToNdc({ x: 1, y: 1 })).toEqual({ x: 1, y: -1 });
    const c = { x: 0.25, y: 0.75 };
    const n = cursorToNdc(c);
    expect(ndcToCursor(n.x, n.y)).toEqual(c);
    expect(ndcToCursor(1.2, 0)).toBeNull();
    expect(ndcToCursor(0, 0, 1.5)).toBeNull();
  });

  it('drops the same pin as a click on the same spot', () => {
    const camera = new PerspectiveCamera(35, 1, 0.01, 100);
    camera.position.set(0, 0, 3);
    camera.lookAt(0, 0, 0);
    camera.updateMatrixWorld();
    const turntable = new Group();
    turntable.position.set(0.6, 0, 0);
    turntable.rotation.y = 0.4;
    turntable.scale.setScalar(2);
    const root = new Group();
    const hidden = new Mesh(new BoxGeometry(0.3, 0.3, 0.3));
    hidden.visible = false;
    const surface = new Mesh(new BoxGeometry(0.2, 0.2, 0.2));
    surface.name = 'n7';
    root.add(hidden, surface);
    turntable.add(root);
    turntable.updateWorldMatrix(true, true);

    // The crosshair over the item's centre: the ray passes the hidden mark and lands on the surface.
    const centre = new Vector3().setFromMatrixPosition(turntable.matrixWorld).project(camera);
    const hit = firstShownHit(turntable, camera, { x: centre.x, y: centre.y });
    expect(hit?.object).toBe(surface);
    const keyboardPin = pinFromHit(hit!, root);
    const clickPin = pinFromHit({ point: hit!.point.clone(), object: surface, face: hit!.face }, root);
    expect(keyboardPin).toEqual(clickPin);
    expect(keyboardPin.node).toBe('n7');
    expect(keyboardPin.position[2]).toBeCloseTo(0.1, 4);

    expect(firstShownHit(turntable, camera, { x: -0.9, y: 0.9 })).toBeNull();
  });
});
