/**
 * Recognition in AR. Where the browser gives the session its camera picture ('camera-access': Chrome
 * on Android), about twice a second a frame goes to the scan worker (coco-ssd, on this device; nothing
 * of the picture is sent) and the best matching product is offered, one press from its comparison.
 * Where it does not (the Meta Quest browser), one line says so and points to the Scan page.
 * The panel goes in the DOM overlay where the session has one (phones), else it stands before the
 * examiner as 3D text (headsets; drei <Html> renders nothing inside <XR>).
 * What it needs of the app (the catalogue to match against, the way to a product's comparison)
 * comes in as CameraScanLinks, so that the stage imports nothing from the pages.
 */
import { Text } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useEffect, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Vector3, type Camera, type Group } from 'three';
import type { ProductMatch } from '../../domain/recognition';
import type { ScanSetup } from '../../recognition/scan-catalogue';
import { createScanner, type Scanner } from '../../recognition/scanner';
import { createCameraFrameReader, type CameraFrameReader, type CameraImageSource, type XrCameraLike } from '../../recognition/xr-camera';
import { uiFont } from '../fonts';
import { xrOverlay, xrStore } from '../xr-store';
import { usePressOnRelease } from './press-on-release';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { localText, percent } from '../../i18n/text';

/** The panel's lines, in the interface's language (xr.json). */
const NOT_OFFERED = () => i18n.t('xr:scan.notOffered');
const LOADING = () => i18n.t('xr:scan.loading');
const LOOKING = () => i18n.t('xr:scan.looking');
/** At most two frames a second go to the worker, and only when it is free. */
const SCAN_INTERVAL_MS = 500;
/** A match stays offered this long after the item leaves the picture. */
const MATCH_HOLD_MS = 4000;

/** What the scan needs of the app. Give one that stays the same object (a module constant): the scanner starts once per session. */
export interface CameraScanLinks {
  /** The catalogue's products with their photos, and the detection model's address. */
  loadSetup: () => Promise<ScanSetup>;
  /** Goes to the product's comparison. */
  openProduct: (productId: string) => void;
}

interface ScanView {
  line: string;
  match: ProductMatch | null;
}

/** For the browser tests (window.__twinspect.xrScan): the panel's line, the offered product, results, the Open button's world position. */
export const xrScanStats = { line: '', match: null as string | null, results: 0, openAt: null as [number, number, number] | null };
const openAt: [number, number, number] = [0, 0, 0];

/**
 * Opens the product's comparison. The session ends first: the comparison page replaces its stage while
 * the product loads, and a session left running would keep drawing into the old stage's lost context.
 */
function open(m: ProductMatch, links: CameraScanLinks): void {
  const session = xrStore.getState().session;
  const go = () => links.openProduct(m.productId);
  if (session) session.end().then(go, go);
  else go();
}

/** The scanner and the frame loop, while the session grants the camera. */
function useCameraScan(session: XRSession | undefined, granted: boolean, loadSetup: CameraScanLinks['loadSetup']): ScanView {
  const gl = useThree((s) => s.gl);
  const load = useRef(loadSetup);
  load.current = loadSetup;
  const [view, setView] = useState<ScanView>({ line: granted ? LOADING() : NOT_OFFERED(), match: null });
  const scanner = useRef<Scanner | null>(null);
  const reader = useRef<CameraFrameReader | null>(null);
  const binding = useRef<CameraImageSource | null>(null);
  const lastGrab = useRef(0);

  useEffect(() => {
    if (!session || !granted) return setView({ line: NOT_OFFERED(), match: null });
    let alive = true;
    let held: ProductMatch | null = null;
    let heldAt = 0;
    setView({ line: LOADING(), match: null });
    const s = createScanner({
      onReady: () => alive && setView({ line: LOOKING(), match: null }),
      onResult: (r) => {
        if (!alive) return;
        xrScanStats.results++;
        const best = r.outcome.matches[0];
        if (best) {
          held = best;
          heldAt = performance.now();
        } else if (performance.now() - heldAt > MATCH_HOLD_MS) held = null;
        setView(held ? { line: i18n.t('xr:scan.match', { name: localText(held.productName), score: percent(held.score) }), match: held } : { line: LOOKING(), match: null });
      },
      onError: (message) => alive && setView({ line: `Camera recognition stopped: ${message}`, match: null }),
    });
    scanner.current = s;
    load.current()
      .then((setup) => alive && s.init(setup.catalogue, setup.modelUrl))
      .catch((e: unknown) => alive && setView({ line: `The catalogue could not be loaded: ${e instanceof Error ? e.message : String(e)}`, match: null }));
    return () => {
      alive = false;
      s.dispose();
      reader.current?.dispose();
      scanner.current = reader.current = binding.current = null;
    };
  }, [session, granted]);

  useFrame((_state, _dt, frame?: XRFrame) => {
    const s = scanner.current;
    const now = performance.now();
    if (!frame || !s?.free || now - lastGrab.current < SCAN_INTERVAL_MS) return;
    const space = gl.xr.getReferenceSpace();
    const views = space ? frame.getViewerPose(space)?.views : undefined;
    let camera: XrCameraLike | null | undefined;
    for (let i = 0; !camera && views && i < views.length; i++) camera = (views[i] as XRView & { camera?: XrCameraLike | null }).camera;
    if (!camera) return;
    const context = gl.getContext() as WebGL2RenderingContext;
    binding.current ??= new XRWebGLBinding(frame.session, context) as unknown as CameraImageSource;
    reader.current ??= createCameraFrameReader(context);
    lastGrab.current = now;
    reader.current.read(binding.current, camera)?.then((bitmap) => s.scanBitmap(bitmap), () => undefined);
  });
  return view;
}

/** A tap on the panel is for the panel, not an XR select (which would place the pair). */
const keepTap = (e: Event) => e.preventDefault();

/** The panel in the phone's DOM overlay: its own React root in the overlay's scan slot. */
function OverlayPanel({ view, links }: { view: ScanView; links: CameraScanLinks }) {
  const root = useRef<Root | null>(null);
  useEffect(() => {
    const slot = xrOverlay?.scan;
    if (!slot) return;
    const r = createRoot(slot);
    root.current = r;
    slot.addEventListener('beforexrselect', keepTap);
    return () => {
      slot.removeEventListener('beforexrselect', keepTap);
      root.current = null;
      r.unmount();
    };
  }, []);
  useEffect(() => {
    const m = view.match;
    root.current?.render(
      <div className="xr-scan">
        <span role="status">{view.line}</span>
        {m && <button type="button" aria-label={i18n.t('xr:scan.openProduct', { name: localText(m.productName) })} onClick={() => open(m, links)}>{i18n.t('xr:scan.open')}</button>}
      </div>,
    );
  }, [view, links]);
  return null;
}

const head = new Vector3();
const ahead = new Vector3();
const toPanel = new Vector3();
const world = new Vector3();

/** Keeps the panel 75 cm ahead and below the eyes; it stays put until the examiner turns or walks away from it. */
function follow(panel: Group, camera: Camera, placed: boolean): void {
  camera.getWorldPosition(head);
  camera.getWorldDirection(ahead).setY(0);
  if (ahead.lengthSq() < 1e-6) ahead.set(0, 0, -1);
  ahead.normalize();
  toPanel.copy(panel.position).sub(head).setY(0);
  const distance = toPanel.length();
  if (!placed || distance < 0.35 || distance > 1.3 || toPanel.angleTo(ahead) > 0.6) {
    panel.position.copy(head).addScaledVector(ahead, 0.75);
    panel.position.y = head.y - 0.28;
  }
  panel.lookAt(head);
}

/** The panel as 3D text before the examiner, with an Open button that a controller's ray or a pinch presses. */
function TextPanel({ view, links }: { view: ScanView; links: CameraScanLinks }) {
  const panel = useRef<Group>(null);
  const button = useRef<Group>(null);
  const placed = useRef(false);
  useFrame((state) => {
    if (!panel.current) return;
    follow(panel.current, state.camera, placed.current);
    placed.current = true;
    xrScanStats.openAt = button.current ? (button.current.getWorldPosition(world).toArray(openAt) as [number, number, number]) : null;
  });
  const m = view.match;
  const { t } = useTranslation('xr');
  const press = usePressOnRelease(() => m && open(m, links));
  return (
    <group ref={panel} name="xr-camera-scan">
      <Text font={uiFont} fontSize={0.022} maxWidth={0.45} textAlign="center" anchorY="bottom" color="#ffffff" outlineWidth={0.003} outlineColor="#0b1320">
        {view.line}
      </Text>
      {m && (
        <group ref={button} position-y={-0.034} name="xr-camera-scan-open" {...press}>
          <mesh>
            <planeGeometry args={[0.12, 0.042]} />
            <meshBasicMaterial color="#3fd6bf" />
          </mesh>
          <Text font={uiFont} fontSize={0.02} position-z={0.001} anchorX="center" anchorY="middle" color="#05231f">
            {t('scan.open')}
          </Text>
        </group>
      )}
    </group>
  );
}

export function XrCameraScan({ links }: { links: CameraScanLinks }) {
  const session = useXR((s) => s.session);
  const granted = !!session?.enabledFeatures?.includes('camera-access');
  const view = useCameraScan(session, granted, links.loadSetup);
  useEffect(() => {
    if (window.__twinspect) Object.assign(window.__twinspect, { xrScan: xrScanStats });
    return () => void Object.assign(xrScanStats, { line: '', match: null, openAt: null });
  }, []);
  useEffect(() => void Object.assign(xrScanStats, { line: view.line, match: view.match?.productId ?? null }), [view]);
  return session?.domOverlayState ? <OverlayPanel view={view} links={links} /> : <TextPanel view={view} links={links} />;
}
