/**
 * The examiner's tools in XR, where the desktop toolbar cannot be reached (Quest offers no DOM
 * overlay): a row of 3D toggle buttons, "Tells", "Link", "UV lamp", "Overlay", "Loupe", standing on
 * the table just in front of the pair and tilted towards the examiner like a lectern. A controller's
 * ray and trigger, a hand's pinch or a poke presses them.
 *
 * The row follows the pair wherever it is grabbed and turned, but keeps a fixed size in metres
 * (33 cm wide, 11 mm type): scaling the pair up to study a detail must not make the buttons huge,
 * nor scaling it down make them unreadable. One geometry and two materials serve all buttons.
 */
import { Text } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { Group, MeshBasicMaterial, Shape, ShapeGeometry, Vector3 } from 'three';
import { compareActions, compareStore, useCompare, type CompareState, type OverlayMode } from '../state/compare-store';
import { uiFont } from '../fonts';
import { prefersReducedMotion } from '../reduced-motion';
import { stageStats } from '../stats';
import { onXrUiLayer, XR_UI_LAYER } from './XrLoupe';
import { usePressOnRelease } from './press-on-release';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';

const WIDTH = 0.062;
const HEIGHT = 0.03;
const GAP = 0.006;
const RADIUS = 0.007;
/** The tilt back from upright: the row's face looks up and towards the examiner. */
const TILT = -0.8;
/** In the pair's (stage) units: the front edge of the mats and the labels lying before them. */
const PAIR_FRONT = 0.64;
const NEXT_OVERLAY: Record<OverlayMode, OverlayMode> = { off: 'ghost', ghost: 'flicker', flicker: 'off' };

/** Under reduced motion the flicker holds still: one press shows the genuine, the next the counterfeit, the next ends the overlay. */
function overlayShown(s: CompareState): string {
  return s.overlay === 'flicker' && prefersReducedMotion() ? s.flickerShows : s.overlay;
}

function nextOverlay(): void {
  const s = compareStore.getState();
  if (s.overlay === 'flicker' && prefersReducedMotion() && s.flickerShows === 'genuine') compareActions.swapFlicker();
  else compareActions.setOverlay(NEXT_OVERLAY[s.overlay]);
}

interface ButtonSpec {
  name: string;
  isOn: (s: CompareState) => boolean;
  label?: (s: CompareState) => string;
  press: () => void;
}

const BUTTONS: ButtonSpec[] = [
  { name: 'Tells', isOn: (s) => s.showTells, press: compareActions.toggleTells },
  { name: 'Link', isOn: (s) => s.linkViews, press: compareActions.toggleLink },
  { name: 'UV lamp', isOn: (s) => s.uvLamp, press: compareActions.toggleUvLamp },
  {
    name: 'Overlay',
    isOn: (s) => s.overlay !== 'off',
    label: (s) => (s.overlay === 'off' ? i18n.t('xr:toolbar.Overlay') : i18n.t('xr:overlayMode', { mode: i18n.t(`xr:overlayModes.${overlayShown(s)}`) })),
    press: nextOverlay,
  },
  { name: 'Loupe', isOn: (s) => s.tool === 'loupe', press: () => compareActions.setTool('loupe') },
];

function roundedRect(w: number, h: number, r: number): ShapeGeometry {
  const s = new Shape();
  s.moveTo(-w / 2 + r, -h / 2);
  s.lineTo(w / 2 - r, -h / 2);
  s.quadraticCurveTo(w / 2, -h / 2, w / 2, -h / 2 + r);
  s.lineTo(w / 2, h / 2 - r);
  s.quadraticCurveTo(w / 2, h / 2, w / 2 - r, h / 2);
  s.lineTo(-w / 2 + r, h / 2);
  s.quadraticCurveTo(-w / 2, h / 2, -w / 2, h / 2 - r);
  s.lineTo(-w / 2, -h / 2 + r);
  s.quadraticCurveTo(-w / 2, -h / 2, -w / 2 + r, -h / 2);
  return new ShapeGeometry(s, 4);
}

// Shared by every button of every mount: a few hundred bytes, never disposed.
const panel = roundedRect(WIDTH, HEIGHT, RADIUS);
const offMaterial = new MeshBasicMaterial({ color: '#1d2733' });
const onMaterial = new MeshBasicMaterial({ color: '#3fd6bf' });

const offset = new Vector3();
const world = new Vector3();

function Button({ spec, x }: { spec: ButtonSpec; x: number }) {
  const on = useCompare(spec.isOn);
  // `name` is the button's id (tests and object names use it); the words come from xr.json.
  const { t } = useTranslation('xr');
  const label = useCompare((s) => spec.label?.(s) ?? t(`toolbar.${spec.name}`));
  const group = useRef<Group>(null);
  const hover = (scale: number) => () => group.current?.scale.setScalar(scale);
  const press = usePressOnRelease(spec.press, hover(1));
  return (
    <group ref={group} position-x={x} name={`xr-button-${spec.name}`} {...press} onPointerOver={hover(1.08)}>
      <mesh geometry={panel} material={on ? onMaterial : offMaterial} />
      <Text font={uiFont} fontSize={0.011} position-z={0.001} anchorX="center" anchorY="middle" color={on ? '#05231f' : '#e8eef5'} maxWidth={WIDTH - 0.006} textAlign="center">
        {label}
      </Text>
    </group>
  );
}

/** `pair` is the group that the examiner grabs, turns and scales (XrPair's target). */
export function XrToolbar({ pair }: { pair: RefObject<Group | null> }) {
  const root = useRef<Group>(null);
  const camera = useThree((s) => s.camera);
  useLayoutEffect(() => {
    onXrUiLayer(root.current!);
    camera.layers.enable(XR_UI_LAYER);
    stageStats.xrToolbar.buttons = BUTTONS.map((b) => b.name);
    stageStats.xrToolbar.positions = BUTTONS.map(() => [0, 0, 0]);
    stageStats.xrToolbar.pressed = BUTTONS.map(() => false);
    return () => {
      stageStats.xrToolbar.buttons = [];
      stageStats.xrToolbar.positions = [];
      stageStats.xrToolbar.pressed = [];
    };
  }, [camera]);
  // Text meshes lay out after mounting and may be replaced: keep the whole row on the UI layer.
  useFrame(() => {
    const r = root.current;
    const p = pair.current;
    if (!r || !p) return;
    offset.set(0, 0.012, PAIR_FRONT * p.scale.x + 0.03).applyQuaternion(p.quaternion);
    r.position.copy(p.position).add(offset);
    r.quaternion.copy(p.quaternion);
    const s = compareStore.getState();
    const stats = stageStats.xrToolbar;
    const row = r.children[0]!.children;
    for (let i = 0; i < row.length && i < BUTTONS.length; i++) {
      const b = row[i]!;
      stats.pressed[i] = BUTTONS[i]!.isOn(s);
      b.layers.set(XR_UI_LAYER);
      for (const c of b.children) c.layers.set(XR_UI_LAYER);
      const out = stats.positions[i];
      if (!out) continue;
      b.getWorldPosition(world);
      out[0] = world.x;
      out[1] = world.y;
      out[2] = world.z;
    }
  });
  const step = WIDTH + GAP;
  return (
    <group ref={root} name="xr-toolbar">
      <group rotation-x={TILT}>
        {BUTTONS.map((b, i) => (
          <Button key={b.name} spec={b} x={(i - (BUTTONS.length - 1) / 2) * step} />
        ))}
      </group>
    </group>
  );
}
