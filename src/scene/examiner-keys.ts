/**
 * The examiner's ruler and loupe by keyboard. While one is chosen it drives the stage's crosshair
 * (keyboard-store.ts): the ruler sets a mark where the crosshair's ray first meets a drawn part of
 * an item, in the same model space as a click does (the `model-A`/`model-B` group, see Slot and
 * DrillSlot), so the reading is the same; the loupe only aims, and Loupe.tsx draws its lens over
 * the crosshair.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3, type Camera, type Object3D } from 'three';
import { compareActions, compareStore, useCompare, type Side } from './state/compare-store';
import { firstShownHit, projectToNdc } from './drill/pick';
import { registerPicker } from './keyboard-store';

const SIDES: Side[] = ['A', 'B'];
const local = new Vector3();

interface ItemHit {
  side: Side;
  /** The item's model group: ruler marks live in its space. */
  group: Object3D;
  point: Vector3;
}

/** The nearest item under the ray through `ndc`; only the product's own surface counts, not its pins or marks. */
function itemAt(scene: Object3D, camera: Camera, ndc: { x: number; y: number }): ItemHit | null {
  let best: (ItemHit & { distance: number }) | null = null;
  for (const side of SIDES) {
    const group = scene.getObjectByName(`model-${side}`);
    const model = group?.children.find((c) => c.userData.productModel === true);
    if (!group || !model) continue;
    const hit = firstShownHit(model, camera, ndc);
    if (hit && (!best || hit.distance < best.distance)) best = { side, group, point: hit.point.clone(), distance: hit.distance };
  }
  return best;
}

export function ExaminerKeys() {
  const tool = useCompare((s) => s.tool);
  const get = useThree((s) => s.get);
  useEffect(() => {
    if (tool === 'none') return;
    const over = (ndc: { x: number; y: number }) => itemAt(get().scene, get().camera, ndc) !== null;
    if (tool === 'loupe') return registerPicker({ subject: 'loupe', over, count: () => 0, locate: () => null });
    return registerPicker({
      subject: 'ruler',
      over,
      drop(ndc) {
        const hit = itemAt(get().scene, get().camera, ndc);
        if (!hit) return 'miss';
        hit.group.worldToLocal(local.copy(hit.point));
        compareActions.addRulerMark({ side: hit.side, point: [local.x, local.y, local.z] });
        return { placed: compareStore.getState().ruler.length };
      },
      count: () => compareStore.getState().ruler.length,
      locate(i) {
        const mark = compareStore.getState().ruler[i];
        const group = mark && get().scene.getObjectByName(`model-${mark.side}`);
        return mark && group ? projectToNdc(group, mark.point, get().camera) : null;
      },
      remove: (i) => compareActions.removeRulerMark(i),
    });
  }, [tool, get]);
  return null;
}
