/**
 * The keyboard's way to drop a pin on the suspect: a ray from the stage's crosshair instead of the
 * pointer, the first drawn surface it meets, and then the click's own path (pinFromHit, then the
 * slot's onPick), so that a keyboard pin and a click at the same spot are the same pin. Registered
 * with the stage's keyboard layer while the item takes pins.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, type RefObject } from 'react';
import { Vector3, type Object3D } from 'three';
import { drillActions, drillStore, type DroppedPin } from '../../app/drill/drill-store';
import { registerPicker } from '../keyboard-store';
import { firstShownHit, pinFromHit } from './pick';

const world = new Vector3();

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
        if (!pin) return null;
        root.updateWorldMatrix(true, false);
        world.set(pin.position[0], pin.position[1], pin.position[2]).applyMatrix4(root.matrixWorld).project(get().camera);
        return { x: world.x, y: world.y, z: world.z };
      },
      remove: (i) => drillActions.removePin(i),
    });
  }, [onPick, root, get, target]);
}
