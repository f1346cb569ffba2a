/** The WebXR session store: one per page. Controller and hand models come from the app's own server. */
import { createXRStore } from '@react-three/xr';

export const XR_PROFILES_PATH = '/xr-profiles/';

export const xrStore = createXRStore({
  emulate: false,
  hitTest: true,
  anchors: true,
  domOverlay: true,
  controller: { model: { baseAssetPath: XR_PROFILES_PATH } } as never,
  hand: { model: { baseAssetPath: XR_PROFILES_PATH } } as never,
});

/** Set once the store is connected to the renderer (first frame inside <XR>); enterAR waits for it. */
export const xrReady = { connected: false };
