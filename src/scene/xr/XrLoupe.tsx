/**
 * The examiner's loupe in XR: a round lens, 6 cm across, held just above and ahead of the right
 * controller (or the right hand), facing the examiner's eyes. It shows what lies behind it magnified
 * 3x, as a real magnifying glass does: each frame the scene is drawn into a render target from the
 * head, looking through the lens centre with a field of view a third of the lens's own angular size,
 * and that picture is laid on the glass. The lens and the toolbar live on XR_UI_LAYER, which the
 * head camera sees and the lens camera does not (so the lens never draws itself).
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useXR, useXRInputSourceState } from '@react-three/xr';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { CircleGeometry, Color, Group, MathUtils, Matrix4, MeshBasicMaterial, PerspectiveCamera, Quaternion, RingGeometry, Vector3, WebGLRenderTarget } from 'three';
import { useCompare } from '../state/compare-store';
import { stageStats } from '../stats';
import { xrStore } from '../xr-store';

/** Objects on this layer only (XR toolbar, lens) are seen by the headset's cameras, never by the lens camera. */
export const XR_UI_LAYER = 5;

const ZOOM = 3;
const LENS_RADIUS = 0.03;
const TARGET_PX = 512;
/** Where the lens sits in the grip's frame: 5 cm above, 7 cm ahead, clear of the controller. */
const LENS_OFFSET = new Vector3(0, 0.05, -0.07);
/** What the lens shows where nothing virtual lies behind it (in AR the passthrough cannot be magnified). */
const AR_BACKDROP = new Color('#1c2128');

const matrix = new Matrix4();
const gripPos = new Vector3();
const gripQuat = new Quaternion();
const scl = new Vector3();
const head = new Vector3();
const savedClear = new Color();
const noRaycast = () => null;

/** Puts an object and everything under it on XR_UI_LAYER only. */
export function onXrUiLayer(root: Group) {
  root.traverse((o) => o.layers.set(XR_UI_LAYER));
}

export function XrLoupe() {
  const on = useCompare((s) => s.tool === 'loupe');
  const mode = useXR((s) => s.mode);
  return on && mode ? <Lens ar={mode === 'immersive-ar'} /> : null;
}

function Lens({ ar }: { ar: boolean }) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const controller = useXRInputSourceState('controller', 'right');
  const hand = useXRInputSourceState('hand', 'right');
  const root = useRef<Group>(null);
  const parts = useMemo(() => {
    const target = new WebGLRenderTarget(TARGET_PX, TARGET_PX);
    return {
      target,
      lensCam: new PerspectiveCamera(10, 1, 0.05, 50),
      glassGeometry: new CircleGeometry(LENS_RADIUS, 48),
      glass: new MeshBasicMaterial({ map: target.texture }),
      rimGeometry: new RingGeometry(LENS_RADIUS, LENS_RADIUS + 0.004, 48),
      rim: new MeshBasicMaterial({ color: '#1b1f24' }),
    };
  }, []);
  useEffect(
    () => () => {
      for (const d of [parts.target, parts.glassGeometry, parts.glass, parts.rimGeometry, parts.rim]) d.dispose();
      stageStats.xrLoupe.visible = false;
    },
    [parts],
  );
  useLayoutEffect(() => {
    onXrUiLayer(root.current!);
    camera.layers.enable(XR_UI_LAYER);
  }, [camera]);

  useFrame((state, _dt, frame?: XRFrame) => {
    const g = root.current;
    if (!g) return;
    const source = (hand ?? controller)?.inputSource;
    const space = source?.gripSpace ?? source?.targetRaySpace;
    const { originReferenceSpace, origin } = xrStore.getState();
    const pose = space && frame && originReferenceSpace ? frame.getPose(space, originReferenceSpace) : undefined;
    g.visible = !!pose;
    stageStats.xrLoupe.visible = !!pose;
    if (!pose) return;
    matrix.fromArray(pose.transform.matrix);
    if (origin) matrix.premultiply(origin.matrixWorld);
    matrix.decompose(gripPos, gripQuat, scl);
    g.position.copy(LENS_OFFSET).applyQuaternion(gripQuat).add(gripPos);
    state.camera.getWorldPosition(head);
    g.lookAt(head);
    const out = stageStats.xrLoupe.position;
    out[0] = g.position.x;
    out[1] = g.position.y;
    out[2] = g.position.z;

    // The lens camera: at the head, through the lens centre, a third of the lens's angular size.
    const { lensCam, target } = parts;
    const dist = Math.max(head.distanceTo(g.position), 0.1);
    lensCam.position.copy(head);
    lensCam.lookAt(g.position);
    lensCam.fov = (2 * Math.atan(LENS_RADIUS / dist) * MathUtils.RAD2DEG) / ZOOM;
    lensCam.near = dist + 0.01;
    lensCam.updateProjectionMatrix();
    lensCam.updateMatrixWorld();

    // Draw it outside the XR pipeline: with xr enabled three would swap in the headset's cameras.
    const xrEnabled = gl.xr.enabled;
    const previous = gl.getRenderTarget();
    const alpha = gl.getClearAlpha();
    gl.getClearColor(savedClear);
    if (ar) gl.setClearColor(AR_BACKDROP, 1);
    gl.xr.enabled = false;
    gl.setRenderTarget(target);
    gl.render(state.scene, lensCam);
    gl.setRenderTarget(previous);
    gl.xr.enabled = xrEnabled;
    gl.setClearColor(savedClear, alpha);
    stageStats.xrLoupe.renders++;
  });

  return (
    <group ref={root} name="xr-loupe">
      <mesh geometry={parts.glassGeometry} material={parts.glass} raycast={noRaycast} />
      <mesh geometry={parts.rimGeometry} material={parts.rim} raycast={noRaycast} />
    </group>
  );
}
