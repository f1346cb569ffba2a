/**
 * The studio's 3D view of one variant: the model fitted to the view, turned and zoomed with the
 * mouse, its tells as numbered pins. A click (not a drag) on the surface gives the model-space point,
 * normal and node name, as a trainee's pick does in a drill (pick.ts), to the editor's click command.
 */
import { OrbitControls } from '@react-three/drei';
import { Canvas, useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { Suspense, useEffect, useRef } from 'react';
import { Box3, Group, MathUtils, PerspectiveCamera, Vector3, type Camera } from 'three';
import { RoomEnvironment } from '../RoomEnvironment';
import type { SurfacePoint } from '../../domain/catalogue';
import { CLICK_SLOP_PX } from '../drill/DrillSlot';
import { isShown, pinFromHit } from '../drill/pick';
import { pinTexture } from '../pin-texture';
import { ProductModel, useModel } from '../ProductModel';
import { StageKeyboard } from '../StageKeyboard';
import { stageStats } from '../stats';
import { useStudioKeyboardPick } from './studio-keyboard';
import { useTranslation } from 'react-i18next';

export interface StudioPin {
  id: string;
  n: number;
  at: SurfacePoint;
}

export interface StudioPick {
  position: [number, number, number];
  normal?: [number, number, number];
  node?: string;
}

interface Props {
  url: string;
  pins: StudioPin[];
  selectedId: string | null;
  /** Absent where the view is read-only (the reviewer's). */
  onPick?: (point: StudioPick) => void;
  onSelectPin?: (id: string) => void;
}

const box = new Box3();
const corner = new Vector3();

/** The model's rectangle on the canvas (CSS px), for browser tests that click it as an author would. */
function notePickBox(object: Group, camera: Camera, width: number, height: number): void {
  box.setFromObject(object);
  const out = stageStats.pickBox;
  [out[0], out[1], out[2], out[3]] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < 8; i++) {
    corner.set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z).project(camera);
    const x = ((corner.x + 1) / 2) * width;
    const y = ((1 - corner.y) / 2) * height;
    out[0] = Math.min(out[0], x);
    out[1] = Math.min(out[1], y);
    out[2] = Math.max(out[2], x);
    out[3] = Math.max(out[3], y);
  }
}

/** The view's starting direction: a little above the model, in front of it. */
const VIEW_DIRECTION = new Vector3(0, 0.35, 1.9).normalize();
/** Room left round the model's bounding sphere when it is framed. */
const FRAME_MARGIN = 1.12;

/**
 * How far the camera stands so that a sphere of `radius` fits the view whatever the canvas's shape:
 * the narrower of the vertical and horizontal fields of view decides.
 */
export function framingDistance(radius: number, verticalFovDeg: number, aspect: number): number {
  const halfV = MathUtils.degToRad(verticalFovDeg) / 2;
  const halfH = Math.atan(Math.tan(halfV) * aspect);
  return (radius / Math.sin(Math.min(halfV, halfH))) * FRAME_MARGIN;
}

/** Frames the whole model once each time a model is opened (a new upload, another variant). */
function useFrameWhole(radius: number) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as { target: Vector3; update: () => void } | null;
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height));
  const framed = useRef(false);
  useEffect(() => {
    if (framed.current || !controls || !(camera instanceof PerspectiveCamera)) return;
    framed.current = true;
    camera.position.copy(VIEW_DIRECTION).multiplyScalar(framingDistance(radius, camera.fov, aspect));
    controls.target.set(0, 0, 0);
    controls.update();
  }, [camera, controls, aspect, radius]);
}

function FittedModel({ url, pins, selectedId, onPick, onSelectPin }: Props) {
  const model = useModel(url);
  const root = useRef<Group>(null);
  const gl = useThree((s) => s.gl);
  const scale = 1 / Math.max(model.size.x, model.size.y, model.size.z, 1e-6);
  // Fitted to a unit box: the bounding sphere's radius is half the scaled box's diagonal.
  useFrameWhole((model.size.length() * scale) / 2);
  // The keyboard's crosshair places tells by the same path as a click (studio-keyboard.ts).
  useStudioKeyboardPick(root, model.scene, pins, onPick, onSelectPin);
  useFrame(({ camera, size }) => {
    stageStats.frames++;
    if (root.current) notePickBox(root.current, camera, size.width, size.height);
  });
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (!onPick || !isShown(e.object) || e.object.type === 'Sprite') return;
    e.stopPropagation();
    if (e.delta >= CLICK_SLOP_PX) return;
    onPick(pinFromHit(e, model.scene));
  };
  const lift = Math.max(model.size.x, model.size.y, model.size.z) * 0.02;
  return (
    <group scale={scale} ref={root}>
      <group
        position={[-model.centre.x, -model.centre.y, -model.centre.z]}
        onClick={onClick}
        onPointerOver={() => onPick && (gl.domElement.style.cursor = 'crosshair')}
        onPointerOut={() => (gl.domElement.style.cursor = '')}
      >
        <ProductModel url={url} uv={false} />
        {pins.map((p) => (
          <sprite
            key={p.id}
            name={`studio-pin-${p.n}`}
            position={new Vector3(...p.at.position).addScaledVector(new Vector3(...p.at.normal), lift)}
            scale={(p.id === selectedId ? 0.06 : 0.04) / scale}
            renderOrder={2}
            onClick={(e: ThreeEvent<MouseEvent>) => {
              e.stopPropagation();
              onSelectPin?.(p.id);
            }}
          >
            <spriteMaterial map={pinTexture(p.n, p.id === selectedId)} sizeAttenuation={false} depthTest transparent />
          </sprite>
        ))}
      </group>
    </group>
  );
}

export function StudioView(props: Props) {
  const { t } = useTranslation('xr');
  return (
    <Canvas className="stage-canvas" camera={{ position: [0, 0.35, 1.9], fov: 35, near: 0.01, far: 100 }} gl={{ preserveDrawingBuffer: true }} role="group" aria-label={t('variantModel')}>
      <color attach="background" args={['#eef1f5']} />
      <RoomEnvironment />
      <ambientLight intensity={0.35} />
      <directionalLight position={[2, 4, 3]} intensity={1.6} />
      <directionalLight position={[-3, 2, -2]} intensity={0.5} />
      <OrbitControls makeDefault enableDamping={false} minDistance={0.4} maxDistance={12} />
      <StageKeyboard orbit />
      <Suspense fallback={null}>
        <FittedModel key={props.url} {...props} />
      </Suspense>
    </Canvas>
  );
}
