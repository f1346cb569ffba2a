/**
 * Numbered pins at the tells, standing beside each feature on a short leader line (pin-layout.ts), so
 * the pin never hides what it points at and pins on one spot spread apart. They are depth-tested
 * sprites, so the model hides a pin round the back, except the chosen tell's, drawn over everything
 * so that it stays in sight when the stage turns to it.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';
import type { SurfacePoint } from '../domain/catalogue';
import { compareActions } from './state/compare-store';
import { pinTexture } from './pin-texture';
import { layoutPins, type Vec3 } from './pin-layout';

export interface PinSpec {
  tellId: string;
  n: number;
  at: SurfacePoint;
}

/**
 * In units of `size` (a pin is about 3.3 of them wide at the desk view's distance): the least distance
 * between two heads, the lean across the surface, and the lift off it.
 */
const SPACING_IN_PINS = 3.3;
const LEAN_IN_PINS = 4.5;
const LIFT_IN_PINS = 2;

/** Line segments from each point (lifted by `lift`) to its head. */
function leaderGeometry(points: { at: SurfacePoint }[], heads: Vec3[], lift: number): BufferGeometry {
  const xyz: number[] = [];
  points.forEach(({ at: { position: p, normal: n } }, i) => xyz.push(p[0] + n[0] * lift, p[1] + n[1] * lift, p[2] + n[2] * lift, ...heads[i]!));
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(xyz, 3));
  return g;
}

/** Where the pins of `points` stand (study and drill results alike): `size` as TellPins takes it. */
export function tellPinHeads(points: readonly SurfacePoint[], lift: number, size: number): Vec3[] {
  return layoutPins(points, { offset: lift + size * LIFT_IN_PINS, lean: size * LEAN_IN_PINS, spacing: size * SPACING_IN_PINS });
}

/** The thin lines from each tell's point to its pin. */
export function PinLeaders({ points, heads, lift }: { points: { at: SurfacePoint }[]; heads: Vec3[]; lift: number }) {
  const leaders = useMemo(() => leaderGeometry(points, heads, lift), [points, heads, lift]);
  return (
    <lineSegments geometry={leaders} renderOrder={1} raycast={() => undefined}>
      <lineBasicMaterial color="#1b1f24" transparent opacity={0.75} />
    </lineSegments>
  );
}

/** `size` is the pin's on-screen size, in the model's own units (the model group is scaled). */
export function TellPins({ pins, selectedId, lift, size }: { pins: PinSpec[]; selectedId: string | null; lift: number; size: number }) {
  const heads = useMemo(() => tellPinHeads(pins.map((p) => p.at), lift, size), [pins, lift, size]);
  const chosen = pins.findIndex((p) => p.tellId === selectedId);
  const chosenLeader = useMemo(() => (chosen < 0 ? null : leaderGeometry([pins[chosen]!], [heads[chosen]!], lift)), [pins, heads, lift, chosen]);
  return (
    <group name="tell-pins">
      <PinLeaders points={pins} heads={heads} lift={lift} />
      {chosenLeader && (
        <lineSegments geometry={chosenLeader} renderOrder={9} raycast={() => undefined}>
          <lineBasicMaterial color="#ffb400" depthTest={false} transparent />
        </lineSegments>
      )}
      {pins.map((p, i) => {
        const selected = i === chosen;
        return (
          <sprite
            key={p.tellId}
            name={`pin-${p.n}`}
            position={heads[i]}
            scale={selected ? size * 2.2 : size}
            renderOrder={selected ? 10 : 2}
            onClick={(e: ThreeEvent<MouseEvent>) => {
              e.stopPropagation();
              compareActions.focusTell(p.tellId);
            }}
          >
            <spriteMaterial map={pinTexture(p.n, selected)} sizeAttenuation={false} depthTest={!selected} transparent />
          </sprite>
        );
      })}
    </group>
  );
}
