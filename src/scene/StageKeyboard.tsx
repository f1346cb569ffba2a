/**
 * The stage by keyboard alone. The stage's focusable element (the one drag.ts makes tabbable) is an
 * application with a name and a description of its keys; W/A/S/D (and the arrows, where no pins are
 * dropped) turn the items, + and - zoom. Where pins are dropped (find the tells), the arrows move a
 * crosshair over the view instead: Enter or Space drops a pin where its ray meets the suspect (the
 * click's own path, see drill/keyboard-pick.ts), Tab walks the pins, Delete removes one. The
 * examiner's ruler and loupe take the crosshair the same way (examiner-keys.ts): Enter sets a ruler
 * mark, and the loupe follows the crosshair. What happened is spoken through a live region. Nothing said names a part: parts are renamed so as not
 * to give the tells away, and "Pin 2 placed" is all that is known.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { Vector3, type PerspectiveCamera } from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { i18n } from '../i18n/i18n';
import { MAX_PINS } from '../domain/drill';
import { announce, stageKeyboard, type KeyboardPicker, type PickerSubject } from './keyboard-store';
import { CENTRE, cursorToNdc, moveCursor, ndcToCursor, pinToRemove, stageKeyAction, type StageKeyAction } from './stage-keys';
import { StageKeyOverlay } from './StageKeyOverlay';
import { turn } from './turntable';

let ids = 0;

/** The words for the studio's model ("Tell 2 placed"), the ruler ("Mark 2 set") and the loupe are the suspect's key with the subject after it. */
const SUFFIX: Record<PickerSubject, string> = { suspect: '', model: 'Model', ruler: 'Ruler', loupe: 'Loupe' };
const said = (picker: KeyboardPicker, key: string) => key + SUFFIX[picker.subject];
const right = new Vector3();
const offset = new Vector3();

function zoom(camera: PerspectiveCamera, controls: OrbitControls | null, factor: number): void {
  if (!controls) return;
  offset.copy(camera.position).sub(controls.target);
  const distance = Math.min(controls.maxDistance, Math.max(controls.minDistance, offset.length() * factor));
  camera.position.copy(controls.target).addScaledVector(offset.normalize(), distance);
  controls.update();
}

/** `orbit`: the keys turn the camera round the model (the studio's view) rather than the items on their turntables. */
export function StageKeyboard({ orbit = false }: { orbit?: boolean }) {
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);

  // The overlay (crosshair, key help, live region) is DOM over the canvas, in its own React root.
  useEffect(() => {
    const el = gl.domElement.parentElement;
    if (!el) return;
    const helpId = `stage-keys-${++ids}`;
    // The comparison's stage is made tabbable by drag.ts; the studio's view is made so here.
    if (el.tabIndex < 0) el.tabIndex = 0;
    const host = document.createElement('div');
    host.className = 'stage-keys';
    el.appendChild(host);
    const root = createRoot(host);
    root.render(<StageKeyOverlay helpId={helpId} />);
    const label = () => {
      el.setAttribute('role', 'application');
      el.setAttribute('aria-roledescription', i18n.t('a11y:stage.roledescription'));
      el.setAttribute('aria-label', i18n.t('a11y:stage.label'));
      el.setAttribute('aria-describedby', helpId);
    };
    label();
    i18n.on('languageChanged', label);
    return () => {
      i18n.off('languageChanged', label);
      // Not while React is still rendering the canvas's own tree.
      setTimeout(() => root.unmount(), 0);
      host.remove();
    };
  }, [gl]);

  useEffect(() => {
    const el = gl.domElement.parentElement;
    if (!el) return;
    const onFocus = () => stageKeyboard.setState({ focused: true, keyboard: el.matches(':focus-visible') });
    const onBlur = () => stageKeyboard.setState({ focused: false });
    const onPointer = () => stageKeyboard.setState({ keyboard: false });
    const act = (a: StageKeyAction) => {
      const s = stageKeyboard.getState();
      const picker = s.picker;
      const { camera, size, controls } = get();
      switch (a.type) {
        case 'turn':
          if (orbit) {
            const c = controls as unknown as OrbitControls | null;
            c?.rotateLeft(a.dx);
            c?.rotateUp(a.dy);
            return;
          }
          right.set(1, 0, 0).applyQuaternion(camera.quaternion);
          turn('A', true, a.dx, a.dy, right);
          return;
        case 'zoom':
          zoom(camera as PerspectiveCamera, controls as unknown as OrbitControls | null, a.factor);
          return;
        case 'move':
        case 'centre': {
          const cursor = a.type === 'move' ? moveCursor(s.cursor, a.dx, a.dy, size.width, size.height) : CENTRE;
          const over = picker?.over(cursorToNdc(cursor)) ?? false;
          stageKeyboard.setState({ cursor, over });
          if (over !== s.over && picker) announce(said(picker, over ? 'cursor.on' : 'cursor.off'));
          return;
        }
        case 'drop': {
          if (!picker?.drop) return;
          const outcome = picker.drop(cursorToNdc(s.cursor));
          if (outcome === 'miss') announce(said(picker, 'pin.miss'));
          else if (outcome === 'full') announce('pin.full', { max: MAX_PINS });
          else {
            stageKeyboard.setState({ selected: null });
            announce(said(picker, 'pin.placed'), { n: outcome.placed });
          }
          return;
        }
        case 'remove': {
          if (!picker?.remove) return;
          const i = pinToRemove(s.selected, picker.count());
          if (i < 0) return;
          picker.remove(i);
          stageKeyboard.setState({ selected: null });
          announce(said(picker, 'pin.removed'), { n: i + 1, left: picker.count() });
          return;
        }
        case 'select': {
          if (!picker) return;
          const i = s.selected === null ? (a.step === 1 ? 0 : picker.count() - 1) : s.selected + a.step;
          const at = picker.locate(i);
          const cursor = at ? ndcToCursor(at.x, at.y, at.z) : null;
          stageKeyboard.setState({ selected: i, ...(cursor ? { cursor, over: true } : {}) });
          picker.select?.(i);
          announce(said(picker, cursor ? 'pin.selected' : 'pin.selectedHidden'), { n: i + 1, count: picker.count() });
          return;
        }
        case 'deselect':
          stageKeyboard.setState({ selected: null });
          if (picker) announce(said(picker, 'pin.deselected'));
      }
    };
    const onKey = (e: KeyboardEvent) => {
      // In a headset the controllers and hands do all this.
      if (e.target !== el || e.defaultPrevented || gl.xr.isPresenting) return;
      const s = stageKeyboard.getState();
      const action = stageKeyAction(e, { pinning: s.picker !== null, pins: s.picker?.count() ?? 0, selected: s.selected });
      // Tab past the last pin leaves the stage: forget the chosen pin on the way.
      if (!action && e.key === 'Tab' && s.selected !== null) stageKeyboard.setState({ selected: null });
      if (!s.keyboard) stageKeyboard.setState({ keyboard: true });
      if (!action) return;
      // Handled here: the arrows turn the items, or move the crosshair while pins can be dropped.
      e.preventDefault();
      act(action);
    };
    el.addEventListener('focus', onFocus);
    el.addEventListener('blur', onBlur);
    el.addEventListener('pointerdown', onPointer);
    el.addEventListener('keydown', onKey, { capture: true });
    return () => {
      el.removeEventListener('focus', onFocus);
      el.removeEventListener('blur', onBlur);
      el.removeEventListener('pointerdown', onPointer);
      el.removeEventListener('keydown', onKey, { capture: true });
      stageKeyboard.setState({ focused: false });
    };
  }, [gl, get, orbit]);

  return null;
}
