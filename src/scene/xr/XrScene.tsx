/**
 * What the stage adds inside an XR session: placement on real surfaces in AR, the neutral room in VR,
 * the loupe in the right hand, and in AR the camera scan where the page gives it its links.
 * Outside a session it renders nothing.
 */
import { useFrame } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useEffect } from 'react';
import { setSpriteRaycastCamera } from './sprite-raycast';
import { VrRoom } from './VrRoom';
import { XrCameraScan, type CameraScanLinks } from './XrCameraScan';
import { XrLoupe } from './XrLoupe';
import { XrPlacement } from './XrPlacement';

function SpriteRaycastCamera() {
  useFrame((state) => setSpriteRaycastCamera(state.camera));
  useEffect(() => () => setSpriteRaycastCamera(null), []);
  return null;
}

export function XrScene({ cameraScan }: { cameraScan?: CameraScanLinks }) {
  const mode = useXR((s) => s.mode);
  if (!mode) return null;
  return (
    <>
      <SpriteRaycastCamera />
      <XrLoupe />
      {mode === 'immersive-ar' && <XrPlacement />}
      {mode === 'immersive-ar' && cameraScan && <XrCameraScan links={cameraScan} />}
      {mode === 'immersive-vr' && <VrRoom />}
    </>
  );
}
