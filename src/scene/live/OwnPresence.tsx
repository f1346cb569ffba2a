/**
 * This participant's presence, sent at most 20 times a second when it changed: the head (the camera,
 * or in a headset the viewer), both hands or controllers in XR, and a pointer ray (the mouse over the
 * stage on a desktop, the right controller or hand in XR). Every pose is in the pair's frame (this
 * group's parent, the stage's origin), so a desktop user and a headset user mean the same spot.
 * Nothing is allocated per frame: one update object is filled in place.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Group, Matrix4, Quaternion, Raycaster, Vector3 } from 'three';
import type { Pose, PresenceUpdate } from '../../domain/live-protocol';
import { liveActions } from '../../session/live';
import { PresenceSender } from '../../session/presence-sender';
import { xrStore } from '../xr-store';
import { liveSceneStats } from './live-scene-stats';

const toPair = new Matrix4();
const m = new Matrix4();
const pos = new Vector3();
const quat = new Quaternion();
const scl = new Vector3();
const dir = new Vector3();
const raycaster = new Raycaster();

const pose = (): Pose => ({ p: [0, 0, 0], q: [0, 0, 0, 1] });
const head = pose();
const left = pose();
const right = pose();
const ray = { origin: [0, 0, 0] as [number, number, number], direction: [0, 0, -1] as [number, number, number] };
const update: PresenceUpdate = { t: 0, head, ray: null };

/** Writes world matrix `world` into `out`, in the pair's frame. */
function writePose(world: Matrix4, out: Pose): void {
  m.multiplyMatrices(toPair, world).decompose(pos, quat, scl);
  out.p[0] = pos.x;
  out.p[1] = pos.y;
  out.p[2] = pos.z;
  out.q[0] = quat.x;
  out.q[1] = quat.y;
  out.q[2] = quat.z;
  out.q[3] = quat.w;
}

/** A ray from world origin `o` along world direction `d`, into the pair's frame. */
function writeRay(o: Vector3, d: Vector3): void {
  o.applyMatrix4(toPair);
  d.transformDirection(toPair);
  ray.origin[0] = o.x;
  ray.origin[1] = o.y;
  ray.origin[2] = o.z;
  ray.direction[0] = d.x;
  ray.direction[1] = d.y;
  ray.direction[2] = d.z;
  update.ray = ray;
}

/** The XR input source's pose (grip, else target ray) as a world matrix in `out`; false when untracked. */
function inputPose(frame: XRFrame, space: XRSpace | undefined, out: Matrix4): boolean {
  const { originReferenceSpace, origin } = xrStore.getState();
  if (!space || !originReferenceSpace) return false;
  const p = frame.getPose(space, originReferenceSpace);
  if (!p) return false;
  out.fromArray(p.transform.matrix);
  if (origin) out.premultiply(origin.matrixWorld);
  return true;
}

export function OwnPresence() {
  const frameOf = useRef<Group>(null);
  const gl = useThree((s) => s.gl);
  const over = useRef(false);
  const sender = useMemo(() => new PresenceSender((u) => liveActions.sendPresence(u)), []);

  useEffect(() => {
    const el = gl.domElement;
    const enter = () => (over.current = true);
    const leave = () => (over.current = false);
    el.addEventListener('pointermove', enter);
    el.addEventListener('pointerleave', leave);
    return () => {
      el.removeEventListener('pointermove', enter);
      el.removeEventListener('pointerleave', leave);
    };
  }, [gl]);

  useFrame((state, _dt, frame?: XRFrame) => {
    const g = frameOf.current?.parent;
    if (!g) return;
    toPair.copy(g.matrixWorld).invert();
    writePose(state.camera.matrixWorld, head);
    liveSceneStats.head[0] = head.p[0];
    liveSceneStats.head[1] = head.p[1];
    liveSceneStats.head[2] = head.p[2];
    update.left = undefined;
    update.right = undefined;
    update.ray = null;
    const session = xrStore.getState().session;
    if (session && frame) {
      for (const s of xrStore.getState().inputSourceStates) {
        if (s.type !== 'controller' && s.type !== 'hand') continue;
        const src = s.inputSource as XRInputSource;
        const side = src.handedness === 'left' ? left : src.handedness === 'right' ? right : null;
        if (side && inputPose(frame, src.gripSpace ?? src.targetRaySpace, m)) {
          writePose(m, side);
          if (side === left) update.left = left;
          else update.right = right;
        }
        if (src.handedness === 'right' && inputPose(frame, src.targetRaySpace, m)) {
          m.decompose(pos, quat, scl);
          writeRay(pos, dir.set(0, 0, -1).applyQuaternion(quat));
        }
      }
    } else if (over.current) {
      raycaster.setFromCamera(state.pointer, state.camera);
      writeRay(pos.copy(raycaster.ray.origin), dir.copy(raycaster.ray.direction));
    }
    if (sender.offer(update)) liveSceneStats.presenceSent++;
  });
  return <group ref={frameOf} name="own-presence" />;
}
