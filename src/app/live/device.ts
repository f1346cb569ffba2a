/** Which device this page is on, as the room is told: a headset session's mode, else the desktop. */
import type { Device } from '../../domain/live-protocol';
import { xrStore } from '../../scene/xr-store';

export function currentDevice(): Device {
  const mode = xrStore.getState().mode;
  return mode === 'immersive-ar' ? 'ar' : mode === 'immersive-vr' ? 'vr' : 'desktop';
}
