/**
 * Tells placed by keyboard in the studio's view: the stage's crosshair (StageKeyboard) casts a ray,
 * the first drawn surface of the model it meets (not a tell's badge) goes through pinFromHit to the
 * editor's own click command, so a tell placed by keyboard is the one a click there would place.
 * Tab reaching a tell's pin opens that tell, as a click on its badge does.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useRef, type RefObject } from 'react';
import type { Object3D } from 'three';
import { registerPicker } from '../keyboard-store';
import { firstShownHit, pinFromHit, projectToNdc } from '../drill/pick';
import type { StudioPick, StudioPin } from './StudioView';

const notBadge = (o: Object3D) => o.type !== 'Sprite';

export function useStudioKeyboardPick(
  target: RefObject<Object3D | null>,
  root: Object3D,
  pins: StudioPin[],
  onPick: ((point: StudioPick) => void) | undefined,
  onSelectPin: ((id: string) => void) | undefined,
): void {
  const get = useThree((s) => s.get);
  // The editor passes new functions each render: read the latest through refs, and register once.
  const latest = useRef({ pins, onPick, onSelectPin });
  latest.current = { pins, onPick, onSelectPin };
  const editable = !!onPick;
  useEffect(() => {
    if (!editable) return;
    const hitAt = (ndc: { x: number; y: number }) => (target.current ? firstShownHit(target.current, get().camera, ndc, notBadge) : null);
    return registerPicker({
      subject: 'model',
      drop(ndc) {
        const hit = hitAt(ndc);
        if (!hit) return 'miss';
        latest.current.onPick?.(pinFromHit(hit, root));
        return { placed: latest.current.pins.length + 1 };
      },
      over: (ndc) => hitAt(ndc) !== null,
      count: () => latest.current.pins.length,
      locate(i) {
        const pin = latest.current.pins[i];
        return pin ? projectToNdc(root, pin.at.position, get().camera) : null;
      },
      select(i) {
        const pin = latest.current.pins[i];
        if (pin) latest.current.onSelectPin?.(pin.id);
      },
    });
  }, [editable, root, get, target]);
}
