/**
 * The inspection stage's one item: the product's GENUINE model alone on the middle turntable, with a
 * numbered marker at each check's place. It reuses the comparison's slot (turning, the UV lamp, the
 * ruler, XR panels); the selected check is the compare store's selected tell, so choosing a check in
 * the list turns the model to its marker, and clicking a marker chooses the check.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Vector3 } from 'three';
import { useTranslation } from 'react-i18next';
import type { Tell, Variant } from '../domain/catalogue';
import type { Check } from '../domain/inspection';
import { compareStore, useCompare } from './state/compare-store';
import { DISPLAY_SIZE, Slot } from './ComparisonPair';
import { useModel } from './ProductModel';
import { animateTurntables, turnToFace } from './turntable';

const toCamera = new Vector3();
const centre = new Vector3(0, 0.5, 0);

export function InspectionItem({ genuine, checks }: { genuine: Variant; checks: readonly Check[] }) {
  const { t } = useTranslation('inspect');
  const model = useModel(genuine.model);
  const unit = DISPLAY_SIZE / Math.max(model.size.x, model.size.y, model.size.z, 1e-3);
  const camera = useThree((s) => s.camera);
  const focusSeq = useCompare((s) => s.focusSeq);
  const pins = useMemo(() => checks.map((c, i) => ({ tellId: c.key, n: i + 1, at: c.at })), [checks]);
  /** The checks as the XR text panels read tells: what to look at and what the genuine shows. */
  const panels = useMemo(
    () => checks.map((c) => ({ id: c.key, title: c.title, genuine: c.genuine, counterfeit: '', category: c.category, tool: c.tool, severity: c.severity, at: c.at, genuineAt: c.at }) as unknown as Tell),
    [checks],
  );

  useEffect(() => {
    const check = checks.find((c) => c.key === compareStore.getState().selectedTellId);
    if (!check || focusSeq === 0) return;
    toCamera.copy(camera.position).sub(centre).normalize();
    turnToFace('A', new Vector3(...check.at.normal), toCamera);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusSeq]);

  useFrame((_, dt) => animateTurntables(dt));

  return (
    <group name="inspection">
      <Slot side="A" variant={genuine} pins={pins} unit={unit} x={0} label={t('genuineItem')} tells={panels} />
    </group>
  );
}
