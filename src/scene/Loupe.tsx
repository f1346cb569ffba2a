/**
 * The examiner's loupe on the desktop: a round lens that follows the pointer and shows the stage
 * magnified 3x beneath it. While mounted it takes over the frame: the stage, then the lens on top.
 * By keyboard the lens follows the stage's crosshair instead (examiner-keys.ts), until the pointer
 * moves over the stage again.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useEffect, useMemo, useRef } from 'react';
import { cursorToNdc } from './stage-keys';
import { stageKeyboard } from './keyboard-store';
import { stageStats } from './stats';
import { CircleGeometry, Mesh, MeshBasicMaterial, OrthographicCamera, PerspectiveCamera, RingGeometry, Scene, WebGLRenderTarget } from 'three';

const ZOOM = 3;
const LENS_PX = 240;

export function Loupe() {
  const inXr = useXR((s) => s.mode !== null);
  if (inXr) return null;
  return <DesktopLoupe />;
}

function DesktopLoupe() {
  const gl = useThree((s) => s.gl);
  const lens = useMemo(() => {
    const target = new WebGLRenderTarget(LENS_PX * 2, LENS_PX * 2);
    const hud = new Scene();
    const glass = new Mesh(new CircleGeometry(LENS_PX / 2, 64), new MeshBasicMaterial({ map: target.texture }));
    const rim = new Mesh(new RingGeometry(LENS_PX / 2, LENS_PX / 2 + 6, 64), new MeshBasicMaterial({ color: '#1b1f24' }));
    hud.add(glass, rim);
    return { target, hud, glass, rim, hudCam: new OrthographicCamera(0, 1, 1, 0, -1, 1), lensCam: new PerspectiveCamera() };
  }, []);
  /** Whether the last hand on the lens was the keyboard's (the crosshair moved) rather than the pointer's. */
  const byKeys = useRef(false);
  useEffect(() => {
    gl.domElement.style.cursor = 'zoom-in';
    const onPointer = () => (byKeys.current = false);
    const stopWatching = stageKeyboard.subscribe((s, was) => {
      // The crosshair moved, or the stage was reached by keyboard.
      if (s.cursor !== was.cursor || (s.focused && s.keyboard && !(was.focused && was.keyboard))) byKeys.current = true;
    });
    gl.domElement.addEventListener('pointermove', onPointer);
    return () => {
      gl.domElement.style.cursor = '';
      gl.domElement.removeEventListener('pointermove', onPointer);
      stopWatching();
      stageStats.loupeAt = null;
      lens.target.dispose();
    };
  }, [gl, lens]);

  useFrame(({ scene, camera, size, pointer }) => {
    const { target, hud, glass, rim, hudCam, lensCam } = lens;
    const keys = stageKeyboard.getState();
    const aim = byKeys.current && keys.focused && keys.picker?.subject === 'loupe' ? cursorToNdc(keys.cursor) : pointer;
    const px = (aim.x * 0.5 + 0.5) * size.width;
    const py = (aim.y * 0.5 + 0.5) * size.height;
    stageStats.loupeAt = [px, size.height - py];
    const src = LENS_PX / ZOOM;
    lensCam.copy(camera as PerspectiveCamera);
    lensCam.setViewOffset(size.width, size.height, px - src / 2, size.height - py - src / 2, src, src);
    lensCam.updateProjectionMatrix();
    gl.setRenderTarget(target);
    gl.render(scene, lensCam);
    gl.setRenderTarget(null);
    gl.render(scene, camera);
    hudCam.right = size.width;
    hudCam.top = size.height;
    hudCam.updateProjectionMatrix();
    glass.position.set(px, py, 0);
    rim.position.set(px, py, 0);
    const autoClear = gl.autoClear;
    gl.autoClear = false;
    gl.clearDepth();
    gl.render(hud, hudCam);
    gl.autoClear = autoClear;
  }, 1);
  return null;
}
