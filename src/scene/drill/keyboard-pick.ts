/**
 * The keyboard's way to drop a pin on the suspect: a ray from the stage's crosshair instead of the
 * pointer, the first drawn surface it meets, and then the click's own path (pinFromHit, then the
 * slot's onPick), so that a keyboard pin and a click at the same spot are the same pin. Registered
 * with the stage's keyboard layer while the item takes pins.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, type RefObject } from 'react';
import type { Object3D } from 'three';
import { drillAnswerActions, drillStore, type DroppedPin } from '../state/drill-store';
import { registerPicker } from '../keyboard-store';
import { firstShownHit, pinFromHit, projectToNdc } from './pick';

export function useKeyboardPick(target: RefObject<Object3D | null>, root: Object3D, onPick: ((pin: DroppedPin) => void) | undefined): void {
  const get = useThree((s) => s.get);
  useEffect(() => {
    if (!onPick) return;
    const hitAt = (ndc: { x: number; y: number }) => (target.current ? firstShownHit(target.current, get().camera, ndc) : null);
    return registerPicker({
      subject: 'suspect',
      drop(ndc) {
        const hit = hitAt(ndc);
        if (!hit) return 'miss';
        const before = drillStore.getState().pins.length;
        onPick(pinFromHit(hit, root));
        const after = drillStore.getState().pins.length;
        return after > before ? { placed: after } : 'full';
      },
      over: (ndc) => hitAt(ndc) !== null,
      count: () => drillStore.getState().pins.length,
      locate(i) {
        const pin = drillStore.getState().pins[i];
        return pin ? projectToNdc(root, pin.position, get().camera) : null;
      },
      remove: (i) => drillAnswerActions.removePin(i),
    });
  }, [onPick, root, get, target]);
}
