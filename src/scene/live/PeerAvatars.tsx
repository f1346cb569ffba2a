/**
 * The others in the session, drawn from their latest presence (read each frame from the mutable
 * presence map, never from React state): a head with a visor showing where it looks and a name, two
 * hands in XR, and a pointer ray ending in a dot where it crosses the pair's plane. The instructor's
 * ray is a red laser; trainees' rays are blue and hidden while the instructor mutes pointers. A head
 * that sits where this client's own camera is (another desktop user on the default view) is not drawn.
 */
import { Text } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Color, CylinderGeometry, Group, Matrix4, Mesh, MeshBasicMaterial, MeshStandardMaterial, Quaternion, SphereGeometry, BoxGeometry, Vector3 } from 'three';
import { useStore } from 'zustand';
import type { Pose, Ray } from '../../domain/live-protocol';
import { livePeers, liveStore } from '../../session/live';
import { uiFont } from '../fonts';
import { liveSceneStats } from './live-scene-stats';
import { i18n } from '../../i18n/i18n';

/** In the pair's units (the pair is about 2.2 wide): a head and hands that read at a glance without hiding the items. */
const HEAD_RADIUS = 0.07;
const HAND_RADIUS = 0.028;
const RAY_RADIUS = 0.006;
const MAX_RAY = 6;

const headGeometry = new SphereGeometry(HEAD_RADIUS, 20, 14);
const visorGeometry = new BoxGeometry(HEAD_RADIUS * 1.3, HEAD_RADIUS * 0.45, HEAD_RADIUS * 0.5);
const handGeometry = new SphereGeometry(HAND_RADIUS, 12, 8);
/** A unit cylinder along +y from 0 to 1: scaled to the ray's length. */
const rayGeometry = new CylinderGeometry(1, 1, 1, 8, 1, true).translate(0, 0.5, 0);
const dotGeometry = new SphereGeometry(1, 12, 8);
const visorMaterial = new MeshStandardMaterial({ color: '#1b1f24', roughness: 0.3 });
const laserMaterial = new MeshBasicMaterial({ color: '#ff2d55', depthTest: false, transparent: true, opacity: 0.9 });
const pointerMaterial = new MeshBasicMaterial({ color: '#2f80ed', depthTest: false, transparent: true, opacity: 0.8 });

const up = new Vector3(0, 1, 0);
const o = new Vector3();
const d = new Vector3();
const camInPair = new Vector3();
const toPair = new Matrix4();
const q = new Quaternion();
const camQ = new Quaternion();

interface Shown {
  heads: number;
  hands: number;
  rays: number;
  laser: boolean;
}
/** What each avatar drew in its last frame, summed for the test figures. */
const shown = new Map<string, Shown>();

function hue(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return (h % 360) / 360;
}

function place(obj: Group | Mesh | null, pose: Pose | undefined): boolean {
  if (!obj) return false;
  obj.visible = !!pose;
  if (pose) {
    obj.position.set(pose.p[0], pose.p[1], pose.p[2]);
    obj.quaternion.set(pose.q[0], pose.q[1], pose.q[2], pose.q[3]);
  }
  return !!pose;
}

/** Lays the unit cylinder along the ray, to where it crosses the pair's plane (z = 0), and the dot there. */
function aim(beam: Mesh, dot: Mesh, ray: Ray, thick: number): void {
  o.set(ray.origin[0], ray.origin[1], ray.origin[2]);
  d.set(ray.direction[0], ray.direction[1], ray.direction[2]).normalize();
  let len = Math.abs(d.z) > 1e-3 ? -o.z / d.z : -1;
  if (!(len > 0.05 && len < MAX_RAY)) len = 1.5;
  beam.position.copy(o);
  beam.quaternion.setFromUnitVectors(up, d);
  beam.scale.set(RAY_RADIUS * thick, len, RAY_RADIUS * thick);
  dot.position.copy(o).addScaledVector(d, len);
  dot.scale.setScalar(0.02 * thick);
}

function PeerAvatar({ id, name, instructor }: { id: string; name: string; instructor: boolean }) {
  const head = useRef<Group>(null);
  const leftHand = useRef<Mesh>(null);
  const rightHand = useRef<Mesh>(null);
  const beam = useRef<Mesh>(null);
  const dot = useRef<Mesh>(null);
  const label = useRef<Group>(null);
  const mine = useMemo<Shown>(() => ({ heads: 0, hands: 0, rays: 0, laser: false }), []);
  useEffect(() => {
    shown.set(id, mine);
    return () => void shown.delete(id);
  }, [id, mine]);
  const skin = useMemo(() => new MeshStandardMaterial({ color: instructor ? new Color('#f2994a') : new Color().setHSL(hue(id), 0.55, 0.55), roughness: 0.6 }), [id, instructor]);

  useFrame(({ camera }) => {
    const p = livePeers.get(id);
    const muted = !instructor && (liveStore.getState().state?.pointersMuted ?? false);
    const root = head.current?.parent;
    if (!root) return;
    toPair.copy(root.matrixWorld).invert();
    mine.heads = mine.hands = mine.rays = 0;
    mine.laser = false;
    camInPair.setFromMatrixPosition(camera.matrixWorld).applyMatrix4(toPair);
    const h = p?.head && camInPair.distanceTo(o.set(p.head.p[0], p.head.p[1], p.head.p[2])) > HEAD_RADIUS * 3 ? p.head : undefined;
    if (place(head.current, h)) mine.heads++;
    if (h && label.current) {
      label.current.position.set(h.p[0], h.p[1] + HEAD_RADIUS * 1.6, h.p[2]);
      // Face the viewer: the camera's rotation, brought into the pair's frame.
      label.current.quaternion.copy(root.getWorldQuaternion(q).invert()).multiply(camera.getWorldQuaternion(camQ));
    }
    if (label.current) label.current.visible = !!h;
    if (place(leftHand.current, p?.left)) mine.hands++;
    if (place(rightHand.current, p?.right)) mine.hands++;
    const ray = !muted ? p?.ray : null;
    if (beam.current && dot.current) {
      beam.current.visible = dot.current.visible = !!ray;
      if (ray) {
        aim(beam.current, dot.current, ray, instructor ? 2 : 1);
        mine.rays++;
        mine.laser = instructor;
      }
    }
  });

  const rayMaterial = instructor ? laserMaterial : pointerMaterial;
  return (
    <group name={`peer-${id}`}>
      <group ref={head} visible={false}>
        <mesh geometry={headGeometry} material={skin} />
        <mesh geometry={visorGeometry} material={visorMaterial} position={[0, HEAD_RADIUS * 0.15, -HEAD_RADIUS * 0.8]} />
      </group>
      <group ref={label} visible={false}>
        <Text font={uiFont} fontSize={0.04} anchorY="bottom" color="#1b1f24" outlineWidth={0.005} outlineColor="#ffffff">
          {instructor ? i18n.t('xr:peerInstructor', { name }) : name}
        </Text>
      </group>
      <mesh ref={leftHand} geometry={handGeometry} material={skin} visible={false} />
      <mesh ref={rightHand} geometry={handGeometry} material={skin} visible={false} />
      <mesh ref={beam} geometry={rayGeometry} material={rayMaterial} visible={false} renderOrder={4} raycast={() => null} />
      <mesh ref={dot} geometry={dotGeometry} material={rayMaterial} visible={false} renderOrder={4} raycast={() => null} />
    </group>
  );
}

/** Sums what the avatars drew into the test figures. */
function CountFrame() {
  useFrame(() => {
    let heads = 0;
    let hands = 0;
    let rays = 0;
    let laser = false;
    for (const s of shown.values()) {
      heads += s.heads;
      hands += s.hands;
      rays += s.rays;
      laser ||= s.laser;
    }
    liveSceneStats.heads = heads;
    liveSceneStats.hands = hands;
    liveSceneStats.rays = rays;
    liveSceneStats.laser = laser;
  });
  return null;
}

export function PeerAvatars() {
  const you = useStore(liveStore, (s) => s.you);
  const others = useStore(liveStore, (s) => s.state?.participants);
  const list = others ? Object.values(others).filter((p) => p.id !== you && p.connected) : [];
  return (
    <group name="peers">
      <CountFrame />
      {list.map((p) => (
        <PeerAvatar key={p.id} id={p.id} name={p.name} instructor={p.role === 'instructor'} />
      ))}
    </group>
  );
}
