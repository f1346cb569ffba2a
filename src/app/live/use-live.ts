/** React's view of the live session store (src/session/live.ts), by selector, as useDrill reads the drill's. */
import { useStore } from 'zustand';
import type { LiveStoreState } from '../../session/live-store';
import { liveStore } from '../../session/live';

export function useLive<T>(selector: (s: LiveStoreState) => T): T {
  return useStore(liveStore, selector);
}
