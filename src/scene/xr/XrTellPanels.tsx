/**
 * The tells as 3D text panels in XR (drei <Html> renders nothing inside an XR session): a column of
 * panels beside each item, outward of the pair, each with its pin's number, the tell's title and
 * what this item shows ("Genuine: …" or "Counterfeit: …"), and a thin leader line to its pin.
 * Units are the stage's (the pair is scaled as a whole in XR); text uses the app's own font.
 */
import { Text } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { BufferAttribute, BufferGeometry, Group, Mesh, Vector3 } from 'three';
import type { Tell } from '../../domain/catalogue';
import { compareActions } from '../state/compare-store';
import { uiFont } from '../fonts';
import { stageStats } from '../stats';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../../i18n/text';

export interface PanelPin {
  tellId: string;
  n: number;
}

const PANEL_WIDTH = 1.1;
const GAP = 0.035;
const PAD = 0.03;
/** A panel's height before its text is laid out (troika lays text out asynchronously). */
const DEFAULT_HEIGHT = 0.22;
/** Panels stand a little in front of the item's centre line, so the item itself hides less of them. */
const PANEL_Z = 0.3;
const pinWorld = new Vector3();

interface TroikaText extends Mesh {
  textRenderInfo?: { blockBounds: [number, number, number, number] };
}

interface PanelProps {
  n: number;
  tell: Tell;
  genuine: boolean;
  selected: boolean;
  x: number;
  y: number;
  outward: number;
  onHeight: (tellId: string, height: number) => void;
}

function Panel({ n, tell, genuine, selected, x, y, outward, onHeight }: PanelProps) {
  const bg = useRef<Mesh>(null);
  const fit = (t: TroikaText) => {
    const b = t.textRenderInfo?.blockBounds;
    if (!b || !bg.current) return;
    const [x0, y0, x1, y1] = b;
    bg.current.scale.set(x1 - x0 + PAD * 2, y1 - y0 + PAD * 2, 1);
    bg.current.position.set((x0 + x1) / 2, (y0 + y1) / 2, -0.002);
    onHeight(tell.id, y1 - y0 + PAD * 2);
  };
  const { t } = useTranslation('xr');
  const text = useLocalText();
  const body = `${n}  ${text(tell.title)}\n${genuine ? t('panelGenuine', { text: text(tell.genuine) }) : t('panelCounterfeit', { text: text(tell.counterfeit) })}`;
  return (
    <group position={[x, y, PANEL_Z]} name={`tell-panel-${n}`} onClick={(e) => (e.stopPropagation(), compareActions.focusTell(tell.id))}>
      <mesh ref={bg} renderOrder={3}>
        <planeGeometry />
        <meshBasicMaterial color={selected ? '#123f3a' : '#0b1320'} transparent opacity={0.82} />
      </mesh>
      <Text
        font={uiFont}
        fontSize={0.05}
        lineHeight={1.25}
        maxWidth={PANEL_WIDTH}
        anchorX={outward < 0 ? 'right' : 'left'}
        anchorY="top"
        color={selected ? '#7ff0e0' : '#ffffff'}
        renderOrder={4}
        onSync={fit}
      >
        {body}
      </Text>
    </group>
  );
}

/** Draws leader lines from each panel's inner edge to its pin (found by name inside the panels' slot). */
function Leaders({ panels, anchors }: { panels: RefObject<Group | null>; anchors: { n: number; x: number; y: number }[] }) {
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(anchors.length * 6), 3));
    return g;
  }, [anchors.length]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useFrame(() => {
    const s = panels.current?.parent;
    if (!s) return;
    const attr = geometry.getAttribute('position') as BufferAttribute;
    anchors.forEach((a, i) => {
      const pin = s.getObjectByName(`pin-${a.n}`);
      if (pin) s.worldToLocal(pin.getWorldPosition(pinWorld));
      else pinWorld.set(a.x, a.y, PANEL_Z);
      attr.setXYZ(i * 2, a.x, a.y, PANEL_Z);
      attr.setXYZ(i * 2 + 1, pinWorld.x, pinWorld.y, pinWorld.z);
    });
    attr.needsUpdate = true;
    geometry.computeBoundingSphere();
  });
  return (
    <lineSegments geometry={geometry} renderOrder={3} raycast={() => null}>
      <lineBasicMaterial color="#7ff0e0" transparent opacity={0.8} />
    </lineSegments>
  );
}

/** `outward` is -1 for the item on the left (panels further left), +1 for the one on the right. */
export function XrTellPanels({ pins, tells, genuine, outward, selectedId }: { pins: PanelPin[]; tells: Tell[]; genuine: boolean; outward: number; selectedId: string | null }) {
  const root = useRef<Group>(null);
  const [heights, setHeights] = useState<Record<string, number>>({});
  const onHeight = useCallback((id: string, h: number) => setHeights((old) => (Math.abs((old[id] ?? 0) - h) < 1e-4 ? old : { ...old, [id]: h })), []);
  const x = outward * 0.6;
  const found = pins.flatMap((p) => {
    const tell = tells.find((t) => t.id === p.tellId);
    return tell ? [{ p, tell, h: heights[p.tellId] ?? DEFAULT_HEIGHT }] : [];
  });
  // One column, stacked by the panels' measured heights, centred on the item and never below the mat.
  const total = found.reduce((sum, r) => sum + r.h + GAP, -GAP);
  let y = Math.max(total + 0.02, 0.4 + total / 2);
  const rows = found.map((r) => {
    const row = { ...r, y };
    y -= r.h + GAP;
    return row;
  });
  useEffect(() => {
    stageStats.tellPanels += rows.length;
    return () => void (stageStats.tellPanels -= rows.length);
  }, [rows.length]);
  const anchors = rows.map((r) => ({ n: r.p.n, x, y: r.y - PAD - 0.03 }));
  return (
    <group ref={root} name="xr-tell-panels">
      {rows.map((r) => (
        <Panel key={r.p.tellId} n={r.p.n} tell={r.tell} genuine={genuine} selected={r.p.tellId === selectedId} x={x} y={r.y - PAD} outward={outward} onHeight={onHeight} />
      ))}
      <Leaders panels={root} anchors={anchors} />
    </group>
  );
}
