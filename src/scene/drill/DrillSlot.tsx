/**
 * One drill item on its turntable, as the study mode's Slot stands one variant: the same mat, label
 * and turntable (drags turn it through drag.ts), but it knows nothing of what the item is. On the
 * suspect of "Find the tells" a click (not a drag) drops a pin where it lands, in the GLB's space.
 */
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useRef } from 'react';
import { Box3, Group, Vector3 } from 'three';
import type { ItemLabel } from '../../domain/drill';
import type { DroppedPin } from '../state/drill-store';
import { compareActions, compareStore } from '../state/compare-store';
import { dragState } from '../drag';
import { ProductModel, useModel } from '../ProductModel';
import { RulerMarks } from '../RulerMarks';
import { SlotBase } from '../SlotBase';
import { stageStats } from '../stats';
import { rotationOf } from '../turntable';
import { DrillPins, type TellMark, type TraineeMark } from './DrillPins';
import { useKeyboardPick } from './keyboard-pick';
import { isShown, pinFromHit } from './pick';
import { useReleaseOnUnmount } from './release';

/** A press that moves further than this (CSS pixels) before release turned the item: it drops no pin. */
export const CLICK_SLOP_PX = 5;
const rulerPoint = new Vector3();
const pickBox = new Box3();
const corner = new Vector3();

/** Where the pickable item is on the canvas (CSS px), for browser tests that click it like a trainee would. */
function notePickBox(object: Group, camera: import('three').Camera, width: number, height: number): void {
  pickBox.setFromObject(object);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < 8; i++) {
    corner.set(i & 1 ? pickBox.max.x : pickBox.min.x, i & 2 ? pickBox.max.y : pickBox.min.y, i & 4 ? pickBox.max.z : pickBox.min.z).project(camera);
    const px = ((corner.x + 1) / 2) * width;
    const py = ((1 - corner.y) / 2) * height;
    x0 = Math.min(x0, px);
    y0 = Math.min(y0, py);
    x1 = Math.max(x1, px);
    y1 = Math.max(y1, py);
  }
  const box = stageStats.pickBox;
  box[0] = x0;
  box[1] = y0;
  box[2] = x1;
  box[3] = y1;
}

export interface DrillSlotProps {
  label: ItemLabel;
  url: string;
  /** World units per metre, shared by every item on the table so that sizes compare truly. */
  unit: number;
  x: number;
  caption: string;
  uv: boolean;
  tells: TellMark[];
  trainee: TraineeMark[];
  /** Called with a pin when the trainee clicks this item; absent where clicks drop nothing. */
  onPick?: (pin: DroppedPin) => void;
}

export function DrillSlot({ label, url, unit, x, caption, uv, tells, trainee, onPick }: DrillSlotProps) {
  const turntable = useRef<Group>(null);
  const model = useModel(url);
  const gl = useThree((s) => s.gl);
  const inXr = useXR((s) => s.mode) !== null;
  useReleaseOnUnmount(url, model.scene);
  // The keyboard's crosshair drops the same pins as a click (see keyboard-pick.ts).
  useKeyboardPick(turntable, model.scene, onPick);

  useFrame(({ camera, size }) => {
    turntable.current?.quaternion.copy(rotationOf(label));
    if (onPick && turntable.current) notePickBox(turntable.current, camera, size.width, size.height);
  });

  const onPointerDown = (e: ThreeEvent<PointerEvent>) => {
    dragState.pendingSide = label;
    if (compareStore.getState().tool !== 'ruler' || !isShown(e.object)) return;
    e.stopPropagation();
    const p = model.scene.worldToLocal(rulerPoint.copy(e.point));
    compareActions.addRulerMark({ side: label, point: [p.x, p.y, p.z] });
  };

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (!onPick || compareStore.getState().tool === 'ruler') return;
    // A hidden covert mark lies on the surface: let the next hit along the ray (the surface itself) take the click.
    if (!isShown(e.object)) return;
    e.stopPropagation();
    if (e.delta >= CLICK_SLOP_PX) return;
    onPick(pinFromHit(e, model.scene));
  };

  const maxSide = Math.max(model.size.x, model.size.y, model.size.z);
  return (
    <group position={[x, 0, 0]} name={`slot-${label}`}>
      <group
        ref={turntable}
        position={[0, (model.centre.y - model.bottom) * unit, 0]}
        scale={unit}
        onPointerDown={onPointerDown}
        onClick={onClick}
        onPointerOver={() => onPick && (gl.domElement.style.cursor = 'crosshair')}
        onPointerOut={() => onPick && (gl.domElement.style.cursor = '')}
      >
        <group position={[-model.centre.x, -model.centre.y, -model.centre.z]} name={`model-${label}`}>
          <ProductModel url={url} uv={uv} />
          <RulerMarks side={label} radius={0.008 / unit} />
          <DrillPins tells={tells} trainee={trainee} centre={model.centre} lift={maxSide * 0.02} size={0.038 / unit} />
        </group>
      </group>
      <SlotBase caption={caption} uv={uv} inXr={inXr} />
    </group>
  );
}
