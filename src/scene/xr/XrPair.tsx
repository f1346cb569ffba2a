/**
 * The comparison pair in XR: stands where it was placed (an XRAnchor on a real surface in AR, the
 * room's table in VR) at a table-top scale, and both controllers or hands can grab, turn and scale
 * it (two hands scale). The right thumbstick turns the items on their turntables. On the desktop
 * it is a plain group and nothing changes. The examiner's toolbar stands in front of it (XrToolbar).
 */
import { useFrame } from '@react-three/fiber';
import { Handle } from '@react-three/handle';
import { useXR, useXRInputSourceState } from '@react-three/xr';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Group, Matrix4, Quaternion, Vector3 } from 'three';
import { compareStore } from '../state/compare-store';
import { isShown } from '../drill/pick';
import { stageStats } from '../stats';
import { turn } from '../turntable';
import { xrStore } from '../xr-store';
import { placementActions, placementStore, type Vec3 } from './placement-store';
import { XrToolbar } from './XrToolbar';

/** The desktop layout's width in world units: two turntables of radius 0.5 whose centres are 1.24 apart. */
const DESKTOP_PAIR_WIDTH = 2.24;
/** In XR the pair starts about 36 cm wide: a comfortable table-top size that the examiner can rescale. */
export const XR_PAIR_WIDTH = 0.36;
export const XR_SCALE = XR_PAIR_WIDTH / DESKTOP_PAIR_WIDTH;
/** Where the pair stands on the VR room's table (see VrRoom). */
export const VR_TABLE_TOP: Vec3 = [0, 0.75, -0.62];
const SCALE_RANGE: [number, number] = [XR_SCALE * 0.3, XR_SCALE * 8];

const matrix = new Matrix4();
const pos = new Vector3();
const quat = new Quaternion();
const scl = new Vector3();
const up = new Vector3(0, 1, 0);
const right = new Vector3(1, 0, 0);

function writeSlotStats(content: Group) {
  for (const side of ['A', 'B'] as const) {
    const slot = content.getObjectByName(`slot-${side}`);
    const out = stageStats.xrSlots[side];
    out.visible = !!slot && isShown(slot);
    out.genuine = slot?.userData.genuine === true;
    if (slot) {
      slot.getWorldPosition(pos);
      out.position[0] = pos.x;
      out.position[1] = pos.y;
      out.position[2] = pos.z;
    }
  }
}

export function XrPair({ children }: { children: ReactNode }) {
  const mode = useXR((s) => s.mode);
  const thumbstick = useXRInputSourceState('controller', 'right');
  const stand = useRef<Group>(null);
  const target = useRef<Group>(null);
  const content = useRef<Group>(null);

  useLayoutEffect(() => {
    const t = target.current!;
    t.position.set(0, 0, 0);
    t.quaternion.identity();
    t.scale.setScalar(mode ? XR_SCALE : 1);
    if (mode === 'immersive-vr') placementActions.place(VR_TABLE_TOP, 0);
    else placementActions.reset();
    stageStats.xrMode = mode ?? null;
    stageStats.placed = false;
    stageStats.placedPosition = null;
    stageStats.anchored = false;
  }, [mode]);

  useFrame((_, dt, frame?: XRFrame) => {
    const s = stand.current;
    if (!s || !content.current) return;
    if (!mode) {
      s.position.set(0, 0, 0);
      s.quaternion.identity();
      s.visible = true;
      return;
    }
    stageStats.xrFrames++;
    const p = placementStore.getState();
    s.visible = p.placed;
    const { originReferenceSpace, origin } = xrStore.getState();
    const pose = p.anchor && frame && originReferenceSpace ? frame.getPose(p.anchor.anchorSpace, originReferenceSpace) : undefined;
    if (pose) {
      matrix.fromArray(pose.transform.matrix);
      if (origin) matrix.premultiply(origin.matrixWorld);
      matrix.decompose(s.position, s.quaternion, scl);
    } else if (p.position) {
      s.position.set(...p.position);
      s.quaternion.setFromAxisAngle(up, p.yaw);
    }
    stageStats.placed = p.placed;
    stageStats.anchored = !!pose;
    if (p.placed) {
      s.getWorldPosition(pos);
      stageStats.placedPosition = [pos.x, pos.y, pos.z];
    } else stageStats.placedPosition = null;
    writeSlotStats(content.current);

    // The right thumbstick turns the items (both when the views are linked), as a drag does on the desktop.
    const x = thumbstick?.gamepad['xr-standard-thumbstick']?.xAxis ?? 0;
    const y = thumbstick?.gamepad['xr-standard-thumbstick']?.yAxis ?? 0;
    if (Math.abs(x) > 0.15 || Math.abs(y) > 0.15) {
      right.set(1, 0, 0).applyQuaternion(s.getWorldQuaternion(quat));
      turn('A', compareStore.getState().linkViews, x * dt * 2.5, y * dt * 2.5, right);
      if (!compareStore.getState().linkViews) turn('B', false, x * dt * 2.5, y * dt * 2.5, right);
    }
  });

  return (
    <group ref={stand} name="xr-stand">
      <group ref={target} name="xr-pair">
        {mode && (
          <Handle
            targetRef={target}
            handleRef={content}
            translate
            rotate={{ x: false, y: true, z: false }}
            scale={{ uniform: true, x: SCALE_RANGE, y: SCALE_RANGE, z: SCALE_RANGE }}
          />
        )}
        <group ref={content}>{children}</group>
      </group>
      {mode && <XrToolbar pair={target} />}
    </group>
  );
}
