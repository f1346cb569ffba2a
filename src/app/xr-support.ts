/** Whether this browser offers a WebXR session mode (immersive-ar, immersive-vr). */
import { useEffect, useState } from 'react';

export function useSessionSupported(mode: XRSessionMode): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    let live = true;
    navigator.xr?.isSessionSupported(mode).then(
      (ok) => live && setSupported(ok),
      () => live && setSupported(false),
    );
    return () => {
      live = false;
    };
  }, [mode]);
  return supported;
}
