/**
 * Placing the pair on a real surface in immersive-ar: hit-tests from the headset's gaze and from each
 * controller's or hand's ray; a reticle shows where the pair will stand; the trigger (or a pinch)
 * places it there, facing the examiner, held by an XRAnchor where the device offers anchors. A device
 * without hit-test gets the pair half a metre ahead at table height.
 * The A button (or "Place again" in the DOM overlay) lifts it to place it anew.
 */
import { Text } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { XRDomOverlay, XRHitTest, requestXRAnchor, useXR, useXRHitTest, useXRInputSourceState, useXRInputSourceStates } from '@react-three/xr';
import { useEffect, useRef } from 'react';
import { Group, Matrix4, Quaternion, Vector3, type Camera } from 'three';
import { compareActions, useCompare } from '../state/compare-store';
import { uiFont } from '../fonts';
import { stageStats } from '../stats';
import { xrStore } from '../xr-store';
import { placementActions, placementStore, usePlacement } from './placement-store';
import { XR_PAIR_WIDTH } from './XrPair';
import { useTranslation } from 'react-i18next';

interface Hit {
  position: Vector3;
  /** The frame number it was seen in: stale hits are not used. */
  seen: number;
}

/** Latest upward-facing hit per ray ('viewer' is the headset's gaze). Module-level: nothing allocated per frame. */
const hits = new Map<XRInputSource | 'viewer', Hit>();
let frameNo = 0;
let pendingSelect: XRInputSource | 'viewer' | null = null;
const matrix = new Matrix4();
const normal = new Vector3();
const scratchQ = new Quaternion();
const scratchS = new Vector3();
const headPos = new Vector3();
const forward = new Vector3();
const up = new Vector3(0, 1, 0);
const reticleAt: [number, number, number] = [0, 0, 0];

function record(key: XRInputSource | 'viewer', results: XRHitTestResult[], getWorldMatrix: (m: Matrix4, r: XRHitTestResult) => boolean) {
  const first = results[0];
  if (!first || !getWorldMatrix(matrix, first)) return;
  normal.set(0, 1, 0).applyQuaternion(scratchQ.setFromRotationMatrix(matrix));
  if (normal.y < 0.8) return; // walls and screens: the pair stands only on level surfaces
  let hit = hits.get(key);
  if (!hit) hits.set(key, (hit = { position: new Vector3(), seen: 0 }));
  matrix.decompose(hit.position, scratchQ, scratchS);
  hit.seen = frameNo;
}

function fresh(key: XRInputSource | 'viewer' | null): Hit | undefined {
  const hit = key ? hits.get(key) : undefined;
  return hit && frameNo - hit.seen <= 3 ? hit : undefined;
}

/** The hit that the reticle shows: a controller's or hand's ray first, else the gaze. */
function currentHit(preferred: XRInputSource | 'viewer' | null): Hit | undefined {
  const own = fresh(preferred);
  if (own) return own;
  for (const key of hits.keys()) if (key !== 'viewer' && fresh(key)) return fresh(key);
  return fresh('viewer');
}

function hitTestOffered(session: XRSession | undefined): boolean {
  return !!session?.enabledFeatures?.includes('hit-test');
}

/** Without hit-test the pair floats at table height half a metre ahead of the examiner. */
function inFrontOf(camera: Camera): Vector3 {
  camera.getWorldDirection(forward).setY(0).normalize();
  return new Vector3().copy(headPos).addScaledVector(forward, 0.5).setY(Math.max(0.3, headPos.y - 0.5));
}

function RayHitTest({ inputSource }: { inputSource: XRInputSource }) {
  return <XRHitTest space={inputSource.targetRaySpace} onResults={(r, gwm) => record(inputSource, r, gwm)} />;
}

function Reticle() {
  return (
    <group rotation-x={-Math.PI / 2}>
      <mesh renderOrder={10}>
        <ringGeometry args={[0.045, 0.06, 40]} />
        <meshBasicMaterial color="#ffffff" depthTest={false} transparent opacity={0.9} />
      </mesh>
      <mesh renderOrder={10}>
        <ringGeometry args={[XR_PAIR_WIDTH / 2 - 0.004, XR_PAIR_WIDTH / 2, 64]} />
        <meshBasicMaterial color="#3ad0c0" depthTest={false} transparent opacity={0.7} />
      </mesh>
    </group>
  );
}

export function XrPlacement() {
  const session = useXR((s) => s.session);
  const placed = usePlacement((s) => s.placed);
  const showTells = useCompare((s) => s.showTells);
  const { t } = useTranslation('xr');
  const sources = useXRInputSourceStates();
  const rightController = useXRInputSourceState('controller', 'right');
  const reticle = useRef<Group>(null);
  const hint = useRef<Group>(null);
  const aWasPressed = useRef(false);

  useXRHitTest((r, gwm) => record('viewer', r, gwm), 'viewer');

  useEffect(() => {
    if (!session) return;
    const onSelect = (e: XRInputSourceEvent) => {
      if (!placementStore.getState().placed) pendingSelect = e.inputSource;
    };
    session.addEventListener('select', onSelect);
    return () => {
      session.removeEventListener('select', onSelect);
      hits.clear();
      pendingSelect = null;
      stageStats.reticleAt = null;
    };
  }, [session]);

  useFrame((state, _dt, frame?: XRFrame) => {
    frameNo++;
    const isPlaced = placementStore.getState().placed;
    const hit = isPlaced ? undefined : currentHit(pendingSelect);
    const r = reticle.current;
    if (r) {
      r.visible = !!hit;
      if (hit) r.position.copy(hit.position);
    }
    if (hit) reticleAt.splice(0, 3, hit.position.x, hit.position.y, hit.position.z);
    stageStats.reticleAt = hit ? reticleAt : null;
    state.camera.getWorldPosition(headPos);
    const h = hint.current;
    if (h) {
      h.visible = !isPlaced;
      if (hit) h.position.set(hit.position.x, hit.position.y + 0.12, hit.position.z);
      else h.position.copy(headPos).add(state.camera.getWorldDirection(forward).multiplyScalar(1.2));
      h.lookAt(headPos);
    }
    const a = rightController?.gamepad['a-button']?.state === 'pressed';
    if (a && !aWasPressed.current && isPlaced) placementActions.reset();
    aWasPressed.current = a;

    if (pendingSelect === null || isPlaced) return;
    pendingSelect = null;
    const spot = hit?.position ?? (hitTestOffered(session) ? null : inFrontOf(state.camera));
    if (!spot) return;
    // Face the examiner: the pair's front (+z) turns towards the head, about world up only.
    const yaw = Math.atan2(headPos.x - spot.x, headPos.z - spot.z);
    const at: [number, number, number] = [spot.x, spot.y, spot.z];
    placementActions.place(at, yaw);
    if (frame && session?.enabledFeatures?.includes('anchors')) {
      const worldQuaternion = new Quaternion().setFromAxisAngle(up, yaw);
      requestXRAnchor(xrStore, { relativeTo: 'world', worldPosition: spot.clone(), worldQuaternion, frame }).then(
        (anchor) => {
          const p = placementStore.getState();
          if (anchor && p.placed && p.position === at) placementActions.place(at, yaw, anchor);
          else anchor?.delete?.();
        },
        () => {}, // without an anchor the pair simply keeps its place in the reference space
      );
    }
  });

  const overlay = !!session?.domOverlayState;
  return (
    <>
      {sources.map((s) => (s.type === 'controller' || s.type === 'hand' ? <RayHitTest key={s.id} inputSource={s.inputSource} /> : null))}
      <group ref={reticle} visible={false} name="xr-reticle">
        <Reticle />
      </group>
      <group ref={hint} visible={!placed}>
        <Text font={uiFont} fontSize={0.028} maxWidth={0.45} textAlign="center" color="#ffffff" outlineWidth={0.004} outlineColor="#0b1320" anchorY="bottom">
          {t('placeHint')}
        </Text>
      </group>
      {overlay && (
        <XRDomOverlay className="xr-overlay">
          <button type="button" onClick={placementActions.reset} disabled={!placed}>{t('placeAgain')}</button>
          <button type="button" aria-pressed={showTells} onClick={compareActions.toggleTells}>{t('showTells')}</button>
          <button type="button" onClick={() => void xrStore.getState().session?.end()}>{t('exitAr')}</button>
        </XRDomOverlay>
      )}
    </>
  );
}
