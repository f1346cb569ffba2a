/**
 * window.__twinspect.drill, for browser tests: aiming the mouse at a point of a turning model is
 * fragile, so a test drops a pin at an exact model-space point instead. It goes through the same
 * store action as a click, so the same rules hold (find-the-tells only, while answering, at most
 * MAX_PINS). Installed only where the test hooks are (window.__twinspect exists).
 */
import { useEffect } from 'react';
import { drillActions } from './drill-actions';

export function useDrillTestHook(): void {
  useEffect(() => {
    const hooks = window.__twinspect;
    if (!hooks) return;
    hooks.drill = {
      dropPinAt: (position, node) => drillActions.addPin(node ? { position: [position[0], position[1], position[2]], node } : { position: [position[0], position[1], position[2]] }),
    };
    return () => {
      delete hooks.drill;
    };
  }, []);
}
