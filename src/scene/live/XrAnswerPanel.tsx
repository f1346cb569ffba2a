/**
 * A trainee's answer in a headset, where the page's panel cannot be seen (Quest offers no DOM
 * overlay): a line saying where the round is, and while answers are open a row of 3D buttons above
 * the pair (A or B is the counterfeit, or genuine / counterfeit; surer or less sure; for find the
 * tells, undo the last pin), then "Send answer". A controller's ray and trigger, a pinch or a poke
 * presses them. The panel rides with the pair but keeps its size in metres, like the XR toolbar.
 */
import { Text } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useRef } from 'react';
import { Group, MeshBasicMaterial, PlaneGeometry, Vector3 } from 'three';
import type { DrillKind } from '../../domain/drill';
import { drillAnswerActions, drillStore, useDrill, type DrillState } from '../state/drill-store';
import { uiFont } from '../fonts';
import { liveSceneStats } from './live-scene-stats';
import { usePressOnRelease } from '../xr/press-on-release';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';

const WIDTH = 0.07;
const HEIGHT = 0.032;
const GAP = 0.006;
/** Above the pair and a little behind its centre, in the pair's units. */
const AT: [number, number, number] = [0, 1.2, -0.25];

interface ButtonSpec {
  name: string;
  isOn?: (s: DrillState) => boolean;
  press: () => void;
}

const surer = () => drillAnswerActions.setConfidence(drillStore.getState().confidence + 0.05);
const lessSure = () => drillAnswerActions.setConfidence(drillStore.getState().confidence - 0.05);

function buttonsFor(kind: DrillKind, send: () => void): ButtonSpec[] {
  const sendButton = { name: 'Send answer', press: send };
  if (kind === 'find-the-tells') {
    return [{ name: 'Undo pin', press: () => drillAnswerActions.removePin(drillStore.getState().pins.length - 1) }, sendButton];
  }
  const calls: ButtonSpec[] =
    kind === 'spot-the-fake'
      ? [
          { name: 'A is fake', isOn: (s) => s.choice === 'A', press: () => drillAnswerActions.choose('A') },
          { name: 'B is fake', isOn: (s) => s.choice === 'B', press: () => drillAnswerActions.choose('B') },
        ]
      : [
          { name: 'Genuine', isOn: (s) => s.choice === 'genuine', press: () => drillAnswerActions.choose('genuine') },
          { name: 'Counterfeit', isOn: (s) => s.choice === 'counterfeit', press: () => drillAnswerActions.choose('counterfeit') },
        ];
  return [...calls, { name: 'Less sure', press: lessSure }, { name: 'Surer', press: surer }, sendButton];
}

const panel = new PlaneGeometry(WIDTH, HEIGHT);
const offMaterial = new MeshBasicMaterial({ color: '#1d2733' });
const onMaterial = new MeshBasicMaterial({ color: '#3fd6bf' });
const sendMaterial = new MeshBasicMaterial({ color: '#2f80ed' });
const never = () => false;
const world = new Vector3();

function Button({ spec, x }: { spec: ButtonSpec; x: number }) {
  const on = useDrill(spec.isOn ?? never);
  const press = usePressOnRelease(spec.press);
  const { t } = useTranslation('xr');
  return (
    <group position-x={x} name={`live-xr-${spec.name}`} {...press}>
      <mesh geometry={panel} material={spec.name === 'Send answer' ? sendMaterial : on ? onMaterial : offMaterial} />
      <Text font={uiFont} fontSize={0.011} position-z={0.001} anchorX="center" anchorY="middle" color={on ? '#05231f' : '#e8eef5'} maxWidth={WIDTH - 0.006} textAlign="center">
        {t(`answer.${spec.name}`)}
      </Text>
    </group>
  );
}

/** `open`: answers are open and this trainee has not answered; `line`: where the round is, in words. */
export function XrAnswerPanel({ kind, open, line, onSend }: { kind: DrillKind | null; open: boolean; line: string; onSend: () => void }) {
  const root = useRef<Group>(null);
  const row = useRef<Group>(null);
  const buttons = open && kind ? buttonsFor(kind, onSend) : [];
  const step = WIDTH + GAP;

  useLayoutEffect(() => {
    liveSceneStats.xrButtons.names = buttons.map((b) => b.name);
    liveSceneStats.xrButtons.positions = buttons.map(() => [0, 0, 0]);
    liveSceneStats.xrButtons.pressed = buttons.map(() => false);
    liveSceneStats.xrLine = line;
  });
  useLayoutEffect(
    () => () => {
      liveSceneStats.xrButtons.names = [];
      liveSceneStats.xrLine = '';
    },
    [],
  );

  useFrame(() => {
    const r = root.current;
    const parent = r?.parent;
    if (!r || !parent) return;
    // Metres, whatever the pair's scale.
    parent.getWorldScale(world);
    r.scale.setScalar(1 / Math.max(1e-6, world.x));
    const stats = liveSceneStats.xrButtons;
    const s = drillStore.getState();
    const children = row.current?.children ?? [];
    for (let i = 0; i < children.length && i < buttons.length; i++) {
      stats.pressed[i] = buttons[i]!.isOn?.(s) ?? false;
      const out = stats.positions[i];
      if (!out) continue;
      children[i]!.getWorldPosition(world);
      out[0] = world.x;
      out[1] = world.y;
      out[2] = world.z;
    }
  });

  const confidence = useDrill((s) => Math.round(s.confidence * 100));
  const pins = useDrill((s) => s.pins.length);
  const detail = !open || !kind ? '' : kind === 'find-the-tells' ? i18n.t('xr:pinsDetail', { count: pins }) : i18n.t('xr:sureDetail', { value: confidence });
  return (
    <group ref={root} position={AT} name="live-xr-panel">
      <Text font={uiFont} fontSize={0.014} position-y={HEIGHT} anchorY="bottom" color="#ffffff" outlineWidth={0.002} outlineColor="#0b1320" maxWidth={0.42} textAlign="center">
        {line + detail}
      </Text>
      <group ref={row}>
        {buttons.map((b, i) => (
          <Button key={`${kind}-${b.name}`} spec={b} x={(i - (buttons.length - 1) / 2) * step} />
        ))}
      </group>
    </group>
  );
}
