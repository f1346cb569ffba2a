/** The WebXR session store: one per page. Controller and hand models come from the app's own server. */
import { createXRStore } from '@react-three/xr';
// @react-three/xr's own session init, from its core (@pmndrs/xr, the one copy it depends on), which
// exports it only here. @react-three/xr has no option for the features added below.
import { buildXRSessionInit } from '@pmndrs/xr/internals';

export const XR_PROFILES_PATH = '/xr-profiles/';

/** The loaders resolve file names against this base with `new URL`, so it must be absolute. */
const baseAssetPath = typeof location === 'undefined' ? `http://localhost${XR_PROFILES_PATH}` : new URL(XR_PROFILES_PATH, location.href).href;

/**
 * The DOM overlay that handheld AR (a phone) shows over the camera; headsets offer none. The session
 * shows `root`; in it, `controls` is the store's overlay root (XRDomOverlay renders the placement
 * controls there) and `scan` holds the camera scan's panel (XrCameraScan).
 */
export const xrOverlay = typeof document === 'undefined' ? null : { root: document.createElement('div'), controls: document.createElement('div'), scan: document.createElement('div') };

const features = { hitTest: true, anchors: true, planeDetection: false, meshDetection: false } as const;

/**
 * The init @react-three/xr would build (it is the same for AR and VR), with the camera picture asked
 * for where the device offers it (WebXR Raw Camera Access: Chrome on Android), for recognition in AR.
 */
function sessionInit(): XRSessionInit | undefined {
  if (!xrOverlay) return undefined;
  const init = buildXRSessionInit('immersive-ar', xrOverlay.root, { ...features, domOverlay: true });
  init.optionalFeatures = [...(init.optionalFeatures ?? []), 'camera-access'];
  return init;
}

export const xrStore = createXRStore({
  emulate: false,
  ...features,
  domOverlay: xrOverlay?.controls ?? true,
  customSessionInit: sessionInit(),
  baseAssetPath,
  // Vision Pro's look-and-pinch: a 'transient-pointer' input for each pinch, with a ray pointer (the
  // default). A deliberate pinch can outlast pointer-events' 300 ms click, which the tell panels need.
  transientPointer: { clickThresholdMs: 800 },
});

if (xrOverlay) {
  // The store has put `controls` in the body (shown only in a session): it goes inside the session's root.
  xrOverlay.root.className = 'xr-overlay-root';
  xrOverlay.root.append(xrOverlay.controls, xrOverlay.scan);
  document.body.append(xrOverlay.root);
}

/** Set once the store is connected to the renderer (first frame inside <XR>); enterAR waits for it. */
export const xrReady = { connected: false };
