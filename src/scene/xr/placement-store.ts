/**
 * Where the pair stands in XR. In AR it waits for the examiner to place it on a real surface (hit-test
 * and trigger or pinch); in VR it stands on the room's table. Created outside React, read with hooks.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type Vec3 = [number, number, number];

export interface Placement {
  /** True once the pair stands somewhere: always in VR, after the first placement in AR. */
  placed: boolean;
  /** Where the pair's base stands, in world space (metres). */
  position: Vec3 | null;
  /** The turn about world up that makes the pair face the examiner. */
  yaw: number;
  /** The XRAnchor that keeps the pair on the real surface, where the device offers anchors. */
  anchor: XRAnchor | null;
}

const initial: Placement = { placed: false, position: null, yaw: 0, anchor: null };

export const placementStore = createStore<Placement>(() => ({ ...initial }));

export function usePlacement<T>(selector: (s: Placement) => T): T {
  return useStore(placementStore, selector);
}

export const placementActions = {
  place(position: Vec3, yaw: number, anchor: XRAnchor | null = null) {
    placementStore.getState().anchor?.delete?.();
    placementStore.setState({ placed: true, position, yaw, anchor });
  },
  reset() {
    placementStore.getState().anchor?.delete?.();
    placementStore.setState({ ...initial });
  },
};
