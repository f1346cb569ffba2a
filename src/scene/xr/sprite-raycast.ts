/**
 * three's Sprite.raycast needs `raycaster.camera` (a sprite faces the camera), but the XR pointers of
 * @react-three/xr raycast without one, and would throw on the tell pins. While an XR session runs,
 * sprites are raycast against the XR camera instead.
 */
import { Sprite, type Camera, type Intersection, type Raycaster } from 'three';

const original = Sprite.prototype.raycast;
let xrCamera: Camera | null = null;

export function setSpriteRaycastCamera(camera: Camera | null): void {
  xrCamera = camera;
}

Sprite.prototype.raycast = function raycast(this: Sprite, raycaster: Raycaster, intersects: Intersection[]) {
  if (raycaster.camera != null) return original.call(this, raycaster, intersects);
  if (!xrCamera) return;
  raycaster.camera = xrCamera;
  try {
    original.call(this, raycaster, intersects);
  } finally {
    raycaster.camera = null as unknown as Camera;
  }
};
