/**
 * The genuine item and the counterfeit side by side, each on its turntable, with tell pins and the
 * "A"/"B" labels. In the overlay view both stand in the middle, one ghosted or flickering.
 */
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Group, Vector3 } from 'three';
import { useXR } from '@react-three/xr';
import type { Tell, Variant } from '../domain/catalogue';
import { compareActions, compareStore, useCompare, type Side } from './state/compare-store';
import { applyGhost } from './materials';
import { ProductModel, useModel } from './ProductModel';
import { TellPins, type PinSpec } from './TellPins';
import { RulerMarks } from './RulerMarks';
import { SlotBase } from './SlotBase';
import { animateTurntables, restingHeight, rotationOf, turnToFace } from './turntable';
import { dragState } from './drag';
import { prefersReducedMotion } from './reduced-motion';
import { stageStats } from './stats';
import { XrTellPanels } from './xr/XrTellPanels';
import { useTranslation } from 'react-i18next';

/** World units between the two items' centres, halved; each item's largest side is DISPLAY_SIZE. */
const SPACING = 0.62;
/** The overlay's flicker: the view switches items this many times a second, under the three flashes a second WCAG 2.3.1 allows. */
const FLICKER_HZ = 2.5;
export const DISPLAY_SIZE = 0.8;
const toCamera = new Vector3();
const slotWorld = new Vector3();

export interface SlotProps {
  side: Side;
  variant: Variant;
  pins: PinSpec[];
  /** World units per metre: both sides share it so that sizes compare truly. */
  unit: number;
  x: number;
  label: string;
  /** The counterfeit's tells: in XR they show as text panels beside the item. */
  tells?: Tell[];
}

export function Slot({ side, variant, pins, unit, x, label, tells = [] }: SlotProps) {
  const turntable = useRef<Group>(null);
  const model = useModel(variant.model);
  const uv = useCompare((s) => s.uvLamp);
  const showTells = useCompare((s) => s.showTells);
  const selectedTellId = useCompare((s) => s.selectedTellId);
  const overlay = useCompare((s) => s.overlay);
  const { t } = useTranslation('xr');
  const isGenuine = variant.kind === 'genuine';
  const inXr = useXR((s) => s.mode) !== null;
  const ghosted = overlay !== 'off' && !isGenuine;

  useEffect(() => applyGhost(model.scene, overlay === 'ghost' && ghosted ? 0.45 : null), [model.scene, overlay, ghosted]);
  useFrame(({ clock }) => {
    const g = turntable.current;
    if (!g) return;
    g.quaternion.copy(rotationOf(side));
    // The item rests on its base however it is turned: a watch turned face-on stands on its rim
    // instead of sinking through the mat (its lowest point is the rotated box's).
    g.position.y = unit * restingHeight(g.quaternion, model.size);
    if (overlay !== 'flicker') g.visible = true;
    else if (prefersReducedMotion()) g.visible = compareStore.getState().flickerShows === variant.kind;
    else g.visible = isGenuine === (Math.floor(clock.elapsedTime * FLICKER_HZ) % 2 === 0);
    stageStats.itemsShown[variant.kind] = g.visible;
  });

  const onPointerDown = (e: ThreeEvent<PointerEvent>) => {
    dragState.pendingSide = side;
    if (compareStore.getState().tool === 'ruler' && turntable.current) {
      e.stopPropagation();
      const local = turntable.current.children[0]!.worldToLocal(e.point.clone());
      compareActions.addRulerMark({ side, point: [local.x, local.y, local.z] });
    }
  };

  return (
    <group position={[x, 0, 0]} name={`slot-${side}`} userData={{ variantId: variant.id, genuine: isGenuine }}>
      <group ref={turntable} position={[0, restingHeight(rotationOf(side), model.size) * unit, 0]} scale={unit} onPointerDown={onPointerDown}>
        <group position={[-model.centre.x, -model.centre.y, -model.centre.z]} name={`model-${side}`}>
          <ProductModel url={variant.model} uv={uv} />
          <RulerMarks side={side} radius={0.008 / unit} />
          {showTells && <TellPins pins={pins} selectedId={selectedTellId} lift={Math.max(model.size.x, model.size.y, model.size.z) * 0.02} size={0.038 / unit} />}
        </group>
      </group>
      {inXr && showTells && <XrTellPanels pins={pins} tells={tells} genuine={isGenuine} outward={side === 'A' ? -1 : 1} selectedId={selectedTellId} />}
      <SlotBase caption={label} uv={uv} inXr={inXr} showCaption={overlay === 'off'} />
    </group>
  );
}

export function ComparisonPair({ genuine, counterfeit, genuineSide, study }: { genuine: Variant; counterfeit: Variant; genuineSide: Side; study: boolean }) {
  const g = useModel(genuine.model);
  const unit = DISPLAY_SIZE / Math.max(g.size.x, g.size.y, g.size.z, 1e-3);
  const overlay = useCompare((s) => s.overlay);
  const { t } = useTranslation('xr');
  const focusSeq = useCompare((s) => s.focusSeq);
  const camera = useThree((s) => s.camera);
  const numbered = useMemo(() => counterfeit.tells.map((t, i) => ({ t, n: i + 1 })), [counterfeit]);
  const fakePins = useMemo(() => numbered.map(({ t, n }) => ({ tellId: t.id, n, at: t.at })), [numbered]);
  const genuinePins = useMemo(() => numbered.map(({ t, n }) => ({ tellId: t.id, n, at: t.genuineAt })), [numbered]);

  const sides: Record<Side, { variant: Variant; pins: PinSpec[] }> = {
    [genuineSide]: { variant: genuine, pins: genuinePins },
    [genuineSide === 'A' ? 'B' : 'A']: { variant: counterfeit, pins: fakePins },
  } as Record<Side, { variant: Variant; pins: PinSpec[] }>;

  useEffect(() => {
    const s = compareStore.getState();
    const tell = counterfeit.tells.find((t) => t.id === s.selectedTellId);
    if (!tell || focusSeq === 0) return;
    for (const side of ['A', 'B'] as Side[]) {
      const at = sides[side].variant.kind === 'genuine' ? tell.genuineAt : tell.at;
      slotWorld.set(overlay === 'off' ? (side === 'A' ? -SPACING : SPACING) : 0, 0.5, 0);
      toCamera.copy(camera.position).sub(slotWorld).normalize();
      turnToFace(side, new Vector3(...at.normal), toCamera);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusSeq]);

  useFrame((_, dt) => animateTurntables(dt));

  const labelOf = (side: Side) => (study ? t('itemKind', { label: side, kind: t(`common:${sides[side].variant.kind}`) }) : side);
  return (
    <group name="comparison">
      {(['A', 'B'] as Side[]).map((side) => (
        <Slot key={side + sides[side].variant.id} side={side} variant={sides[side].variant} pins={sides[side].pins} unit={unit} x={overlay === 'off' ? (side === 'A' ? -SPACING : SPACING) : 0} label={labelOf(side)} tells={counterfeit.tells} />
      ))}
    </group>
  );
}
