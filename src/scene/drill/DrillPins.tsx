/**
 * Pins on one drill item, in its model space so they turn with it: the trainee's own pins, and after
 * the answer the tells (a missed tell ringed, as the study mode rings the chosen one). Depth-tested
 * sprites like TellPins, so the model hides a pin round the back; they ignore the raycaster, so a
 * click on a pin drops a pin on the surface under it rather than on the badge.
 */
import { useMemo } from 'react';
import { Vector3 } from 'three';
import type { SurfacePoint } from '../../domain/catalogue';
import type { DroppedPin } from '../state/drill-store';
import { pinTexture } from '../pin-texture';
import { PinLeaders, tellPinHeads } from '../TellPins';
import { traineePinTexture, type TraineePinState } from './drill-pin-texture';
import { liftedPosition } from './pick';

export interface TellMark {
  id: string;
  n: number;
  at: SurfacePoint;
  /** A tell the trainee missed: drawn as the large amber ring. */
  highlighted: boolean;
}

export interface TraineeMark {
  n: number;
  pin: DroppedPin;
  state: TraineePinState;
}

const noRaycast = () => undefined;

export function DrillPins({ tells, trainee, centre, lift, size }: { tells: TellMark[]; trainee: TraineeMark[]; centre: Vector3; lift: number; size: number }) {
  // The tells stand beside their features on leader lines, as in study (TellPins); the trainee's own pins where they clicked.
  const tellHeads = useMemo(() => tellPinHeads(tells.map((t) => t.at), lift, size), [tells, lift, size]);
  const tellAt = useMemo(() => tellHeads.map((h) => new Vector3(...h)), [tellHeads]);
  const pinAt = useMemo(() => trainee.map((p) => liftedPosition(p.pin.position, p.pin.normal, centre, lift, new Vector3())), [trainee, centre, lift]);
  return (
    <group name="drill-pins">
      <PinLeaders points={tells} heads={tellHeads} lift={lift} />
      {tells.map((t, i) => (
        <sprite key={t.id} name={`tell-${t.n}`} position={tellAt[i]} scale={t.highlighted ? size * 1.6 : size} renderOrder={2} raycast={noRaycast}>
          <spriteMaterial map={pinTexture(t.n, t.highlighted)} sizeAttenuation={false} depthTest transparent />
        </sprite>
      ))}
      {trainee.map((p, i) => (
        <sprite
          key={i}
          name={`trainee-pin-${p.n}`}
          userData={{ state: p.state }}
          position={pinAt[i]}
          scale={p.state === 'placed' ? size * 0.85 : size * 1.6}
          renderOrder={3}
          raycast={noRaycast}
        >
          <spriteMaterial map={traineePinTexture(p.n, p.state)} sizeAttenuation={false} depthTest transparent />
        </sprite>
      ))}
    </group>
  );
}
