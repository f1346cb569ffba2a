/**
 * The comparison stage: one canvas for desktop, AR and VR. On the desktop the camera pans and zooms
 * while drags turn the items; in XR the pair stands on a real table (AR, placed by hit-test) or on
 * the table of a neutral room (VR), where controllers and hands grab, turn and scale it.
 */
import { OrbitControls, PerformanceMonitor } from '@react-three/drei';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { XR, useXR } from '@react-three/xr';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { MathUtils, type PerspectiveCamera } from 'three';
import { RoomEnvironment } from './RoomEnvironment';
import { useCompare } from './state/compare-store';
import { attachDragTurner } from './drag';
import { Loupe } from './Loupe';
import { renderQuality } from './render-quality';
import { StageKeyboard } from './StageKeyboard';
import { ExaminerKeys } from './examiner-keys';
import { stageStats } from './stats';
import { xrReady, xrStore } from './xr-store';
import { XrPair } from './xr/XrPair';
import type { CameraScanLinks } from './xr/XrCameraScan';
import { XrScene } from './xr/XrScene';
import { useTranslation } from 'react-i18next';

function Lighting() {
  const uv = useCompare((s) => s.uvLamp);
  const mode = useXR((s) => s.mode);
  const scene = useThree((s) => s.scene);
  useEffect(() => {
    scene.environmentIntensity = uv ? 0.08 : 1;
  }, [uv, scene]);
  return (
    <>
      {mode !== 'immersive-ar' && <color attach="background" args={[uv ? '#0d0618' : '#eef1f5']} />}
      <ambientLight intensity={uv ? 0.05 : 0.35} color={uv ? '#6a3cff' : '#ffffff'} />
      <directionalLight position={[2, 4, 3]} intensity={uv ? 0.1 : 1.6} />
      <directionalLight position={[-3, 2, -2]} intensity={uv ? 0.05 : 0.5} />
    </>
  );
}

function ExaminerLoupe() {
  const on = useCompare((s) => s.tool === 'loupe');
  return on ? <Loupe /> : null;
}

/** The desktop pair with its mats and labels, in world units: the camera frames this whatever the window's shape. */
const PAIR_VIEW = { width: 2.4, height: 1.35, centreY: 0.36 };

function DesktopControls() {
  const mode = useXR((s) => s.mode);
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const gl = useThree((s) => s.gl);
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height));
  useEffect(() => attachDragTurner(gl.domElement.parentElement ?? gl.domElement, () => camera), [gl, camera]);
  useEffect(() => {
    if (mode) return;
    const t = Math.tan(MathUtils.degToRad(camera.fov / 2));
    const distance = Math.max(PAIR_VIEW.height / 2 / t, PAIR_VIEW.width / 2 / (t * aspect)) * 1.05;
    camera.position.set(0, PAIR_VIEW.centreY + distance * 0.18, distance);
    camera.lookAt(0, PAIR_VIEW.centreY, 0);
  }, [camera, aspect, mode]);
  if (mode) return null;
  return <OrbitControls makeDefault enableRotate={false} enableDamping={false} minDistance={0.4} maxDistance={8} target={[0, PAIR_VIEW.centreY, 0]} />;
}

/** Counts frames and draw calls for tests and benchmarks, and marks the XR store as connected. */
function FrameProbe() {
  const gl = useThree((s) => s.gl);
  useFrame(() => {
    xrReady.connected = true;
    if (stageStats.frames++ === 0) stageStats.firstFrameAt = performance.now();
    stageStats.drawCalls = gl.info.render.calls;
    stageStats.triangles = gl.info.render.triangles;
  });
  return null;
}

/** Lowest pixel ratio: a slow device draws fewer pixels rather than fewer frames. */
const MIN_DPR = 0.6;

/** `cameraScan`: what the AR camera scan needs of the app; without it AR offers no scan. */
export function Stage({ children, cameraScan }: { children: ReactNode; cameraScan?: CameraScanLinks }) {
  const { t } = useTranslation('xr');
  const { software } = renderQuality();
  const maxDpr = Math.min(software ? 1 : 2, window.devicePixelRatio || 1);
  const [dpr, setDpr] = useState(maxDpr);
  return (
    <Canvas
      className="stage-canvas"
      camera={{ position: [0, 0.8, 3.3], fov: 35, near: 0.01, far: 100 }}
      dpr={dpr}
      gl={{ antialias: !software, preserveDrawingBuffer: true }}
      role="group"
      aria-label={t('stage')}
    >
      <PerformanceMonitor onChange={({ factor }) => setDpr(Math.round((MIN_DPR + (maxDpr - MIN_DPR) * factor) * 10) / 10)} />
      <XR store={xrStore}>
        <RoomEnvironment />
        <Lighting />
        <DesktopControls />
        <StageKeyboard />
        <ExaminerKeys />
        <FrameProbe />
        <ExaminerLoupe />
        <Suspense fallback={null}>
          <XrPair>{children}</XrPair>
        </Suspense>
        <Suspense fallback={null}>
          <XrScene cameraScan={cameraScan} />
        </Suspense>
      </XR>
    </Canvas>
  );
}
