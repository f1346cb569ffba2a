/**
 * The pointer handlers of a button in XR: pressed on release, whatever the hold. A click event is
 * lost after pointer-events' 300 ms click threshold, which a deliberate trigger pull or pinch easily
 * exceeds; leaving the button cancels the press.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { useRef } from 'react';

export function usePressOnRelease(press: () => void, onLeave?: () => void) {
  const held = useRef(false);
  return {
    onPointerDown(e: ThreeEvent<PointerEvent>) {
      e.stopPropagation();
      held.current = true;
    },
    onPointerUp(e: ThreeEvent<PointerEvent>) {
      e.stopPropagation();
      if (held.current) press();
      held.current = false;
    },
    onPointerOut() {
      held.current = false;
      onLeave?.();
    },
  };
}
