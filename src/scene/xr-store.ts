/** The WebXR session store: one per page. Controller and hand models come from the app's own server. */
import { createXRStore } from '@react-three/xr';

export const XR_PROFILES_PATH = '/xr-profiles/';

/** The loaders resolve file names against this base with `new URL`, so it must be absolute. */
const baseAssetPath = typeof location === 'undefined' ? `http://localhost${XR_PROFILES_PATH}` : new URL(XR_PROFILES_PATH, location.href).href;

export const xrStore = createXRStore({
  emulate: false,
  hitTest: true,
  anchors: true,
  planeDetection: false,
  meshDetection: false,
  domOverlay: true,
  baseAssetPath,
});

/** Set once the store is connected to the renderer (first frame inside <XR>); enterAR waits for it. */
export const xrReady = { connected: false };
