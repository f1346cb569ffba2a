/**
 * Numbered pins at the tells, lifted a little off the surface along the normal. They are depth-tested
 * sprites, so the model itself hides a pin that is round the back.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { SurfacePoint } from '../domain/catalogue';
import { compareActions } from '../app/compare-store';
import { pinTexture } from './pin-texture';

export interface PinSpec {
  tellId: string;
  n: number;
  at: SurfacePoint;
}

/** `size` is the pin's on-screen size, in the model's own units (the model group is scaled). */
export function TellPins({ pins, selectedId, lift, size }: { pins: PinSpec[]; selectedId: string | null; lift: number; size: number }) {
  return (
    <group>
      {pins.map((p) => {
        const pos = new Vector3(...p.at.position).addScaledVector(new Vector3(...p.at.normal), lift);
        const selected = p.tellId === selectedId;
        return (
          <sprite
            key={p.tellId}
            name={`pin-${p.n}`}
            position={pos}
            scale={selected ? size * 2.2 : size}
            renderOrder={2}
            onClick={(e: ThreeEvent<MouseEvent>) => {
              e.stopPropagation();
              compareActions.focusTell(p.tellId);
            }}
          >
            <spriteMaterial map={pinTexture(p.n, selected)} sizeAttenuation={false} depthTest transparent />
          </sprite>
        );
      })}
    </group>
  );
}
