/**
 * The examiner's loupe on the desktop: a round lens that follows the pointer and shows the stage
 * magnified 3x beneath it. While mounted it takes over the frame: the stage, then the lens on top.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useEffect, useMemo } from 'react';
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
  useEffect(() => {
    gl.domElement.style.cursor = 'zoom-in';
    return () => {
      gl.domElement.style.cursor = '';
      lens.target.dispose();
    };
  }, [gl, lens]);

  useFrame(({ scene, camera, size, pointer }) => {
    const { target, hud, glass, rim, hudCam, lensCam } = lens;
    const px = (pointer.x * 0.5 + 0.5) * size.width;
    const py = (pointer.y * 0.5 + 0.5) * size.height;
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
