/**
 * Driving iwer's emulated Meta Quest 3 (window.__iwer, installed under ?emulate=quest3) from the
 * browser tests, and reading the stage's figures (window.__twinspect.stats).
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, waitFrames, type WatchedPage } from './browser';

/** XR frames under SwiftShader take from a tenth of a second to several seconds on a busy machine. */
export const XR_TEST_TIMEOUT = 300_000;

export type Stats = NonNullable<Window['__twinspect']>['stats'];

export function stats(page: Page): Promise<Stats> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__twinspect!.stats)) as Stats);
}

/** Sends a command to the emulated device; it runs in the next XR frame. */
export function remote(page: Page, method: string, params: Record<string, unknown> = {}): Promise<unknown> {
  return page.evaluate(
    ([m, p]) => (window as unknown as { __iwer: { remote: { dispatch(m: string, p: unknown): Promise<unknown> } } }).__iwer.remote.dispatch(m as string, p),
    [method, params] as const,
  );
}

/** Presses (1) or releases (0) the grip of one or both emulated controllers; it holds until changed. */
export function squeeze(page: Page, value: number, hand?: 'left' | 'right'): Promise<void> {
  return page.evaluate(
    ([v, h]) => {
      const controllers = (window as unknown as { __iwer: { controllers: Record<string, { updateButtonValue(id: string, v: number): void }> } }).__iwer.controllers;
      for (const side of h ? [h] : ['left', 'right']) controllers[side]!.updateButtonValue('squeeze', v as number);
    },
    [value, hand] as const,
  );
}

export async function waitXrFrames(page: Page, n: number): Promise<void> {
  const start = (await stats(page)).xrFrames;
  await page.waitForFunction((t) => window.__twinspect!.stats.xrFrames >= t, start + n, { timeout: 60_000 });
}

/** The query that installs the emulator, without its controls panel (the tests drive the device through `remote`). */
export const EMULATE_QUEST3 = '&emulate=quest3&devui=off';
/**
 * The emulated headset's view is the page (iwer sizes the canvas to the window), drawn in software:
 * a smaller window draws about twice as many frames a second as 1280 × 800, with the same picture.
 */
export const XR_VIEWPORT = { width: 800, height: 500 };

/** Opens a product under the Quest 3 emulator and waits until both models are drawn. */
export async function openEmulated(browser: Browser, baseUrl: string, productId: string): Promise<WatchedPage> {
  const w = await openPage(browser, `${baseUrl}/?product=${productId}${EMULATE_QUEST3}`, XR_VIEWPORT);
  await w.page.waitForFunction(() => (window.__twinspect?.stats.frames ?? 0) > 2, null, { timeout: 90_000 });
  await w.page.getByRole('progressbar', { name: 'Loading 3D models' }).waitFor({ state: 'detached', timeout: 90_000 });
  await waitFrames(w.page, 3);
  return w;
}

export async function enter(page: Page, mode: 'AR' | 'VR'): Promise<void> {
  const button = page.getByRole('button', { name: `Enter ${mode}`, exact: true });
  await expect(button.isVisible()).resolves.toBe(true);
  await button.click();
  await page.waitForFunction((m) => window.__twinspect!.stats.xrMode === m, mode === 'AR' ? 'immersive-ar' : 'immersive-vr', { timeout: 90_000 });
  await waitXrFrames(page, 3);
}

/** Where iwer shows the headset's view on the page. */
export function xrCanvasBox(page: Page) {
  return page.evaluate(() => {
    const canvas = (window as unknown as { __iwer: { appCanvas?: HTMLCanvasElement } }).__iwer.appCanvas ?? document.querySelector('canvas')!;
    const r = canvas.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/**
 * Pulls (1) or releases (0) a controller's trigger; it holds until changed. Hold it for a few XR
 * frames: iwer's remote 'select' can press and release within one slow SwiftShader frame.
 */
export function trigger(page: Page, value: number, hand: 'left' | 'right' = 'right'): Promise<void> {
  return page.evaluate(
    ([v, h]) => {
      const controllers = (window as unknown as { __iwer: { controllers: Record<string, { updateButtonValue(id: string, v: number): void }> } }).__iwer.controllers;
      controllers[h]!.updateButtonValue('trigger', v as number);
    },
    [value, hand] as const,
  );
}

/** One call of navigator.xr.requestSession: what was asked for, and what the session enabled. */
export interface SessionRequest {
  mode: string;
  requiredFeatures: string[];
  optionalFeatures: string[];
  /** Whether a DOM overlay root (an element) was passed. */
  domOverlayRoot: boolean;
  enabledFeatures: string[] | null;
}

/**
 * Records the page's navigator.xr.requestSession calls (read them with sessionRequests, and the DOM overlay
 * root's buttons with overlayButtons). Called once
 * iwer is installed (openEmulated): iwer replaces navigator.xr, so an init script would wrap Chromium's.
 */
export function recordSessionRequests(page: Page): Promise<void> {
  return page.evaluate(() => {
    const xr = navigator.xr!;
    const request = xr.requestSession.bind(xr);
    const log: SessionRequest[] = [];
    (window as unknown as { __sessionRequests: SessionRequest[] }).__sessionRequests = log;
    xr.requestSession = async (mode, init) => {
      const entry: SessionRequest = {
        mode,
        requiredFeatures: [...(init?.requiredFeatures ?? [])],
        optionalFeatures: [...(init?.optionalFeatures ?? [])],
        domOverlayRoot: (init as { domOverlay?: { root?: unknown } } | undefined)?.domOverlay?.root instanceof Element,
        enabledFeatures: null,
      };
      log.push(entry);
      (window as unknown as { __domOverlayRoot?: unknown }).__domOverlayRoot = (init as { domOverlay?: { root?: unknown } } | undefined)?.domOverlay?.root;
      const session = await request(mode, init);
      entry.enabledFeatures = [...(session.enabledFeatures ?? [])];
      return session;
    };
  });
}

export function sessionRequests(page: Page): Promise<SessionRequest[]> {
  return page.evaluate(() => (window as unknown as { __sessionRequests: SessionRequest[] }).__sessionRequests);
}

/** The names of the buttons inside the DOM overlay root of the last session request. */
export function overlayButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = (window as unknown as { __domOverlayRoot?: Element }).__domOverlayRoot;
    return root ? [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '') : [];
  });
}

/**
 * EMULATES FEATURES IWER LACKS, for tests only. iwer 2.5's Meta Quest 3 (like the real Quest browser)
 * offers no WebXR Raw Camera Access, nor a DOM overlay. Call it before entering AR: the device then
 * claims 'camera-access' (and, with domOverlay, 'dom-overlay', as Chrome on an Android phone does),
 * each XRView gets an XRCamera the size of the picture, and XRWebGLBinding.getCameraImage returns a
 * real texture, in the session's own WebGL context, holding the picture bottom row first as a camera
 * texture is kept.
 */
export function emulateCameraAccess(page: Page, picture: Buffer, opts: { domOverlay?: boolean } = {}): Promise<void> {
  return page.evaluate(
    async ([base64, domOverlay]) => {
      type Binding = { new (session: unknown, gl: WebGL2RenderingContext): object };
      const w = window as unknown as { __iwer: { supportedFeatures: string[] }; XRView: { prototype: object }; XRSession: { prototype: object }; XRWebGLBinding: Binding };
      w.__iwer.supportedFeatures.push('camera-access');
      if (domOverlay) w.__iwer.supportedFeatures.push('dom-overlay');
      const bytes = Uint8Array.from(atob(base64 as string), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }), { imageOrientation: 'flipY' });
      const camera = { width: image.width, height: image.height };
      Object.defineProperty(w.XRView.prototype, 'camera', { configurable: true, get: () => camera });
      if (domOverlay) {
        Object.defineProperty(w.XRSession.prototype, 'domOverlayState', {
          configurable: true,
          get(this: XRSession) {
            return this.enabledFeatures?.includes('dom-overlay') ? { type: 'screen' } : null;
          },
        });
      }
      const Base = w.XRWebGLBinding;
      const textures = new WeakMap<WebGL2RenderingContext, WebGLTexture>();
      const contexts = new WeakMap<object, WebGL2RenderingContext>();
      w.XRWebGLBinding = class extends Base {
        constructor(session: unknown, gl: WebGL2RenderingContext) {
          super(session, gl);
          contexts.set(this, gl);
        }
        getCameraImage(c: unknown): WebGLTexture | null {
          const gl = contexts.get(this);
          if (c !== camera || !gl) return null;
          let texture = textures.get(gl);
          if (!texture) {
            const bound = gl.getParameter(gl.TEXTURE_BINDING_2D) as WebGLTexture | null; // three.js caches it
            texture = gl.createTexture();
            gl.bindTexture(gl.TEXTURE_2D, texture);
            gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, image);
            gl.bindTexture(gl.TEXTURE_2D, bound);
            textures.set(gl, texture);
          }
          return texture;
        }
      };
    },
    [picture.toString('base64'), !!opts.domOverlay] as const,
  );
}

/** What the AR camera scan shows (window.__twinspect.xrScan, set by XrCameraScan). */
export interface XrScan {
  line: string;
  match: string | null;
  results: number;
  openAt: [number, number, number] | null;
}

export function xrScan(page: Page): Promise<XrScan | null> {
  return page.evaluate(() => (window.__twinspect as { xrScan?: XrScan } | undefined)?.xrScan ?? null);
}

/** Points the right controller at a point from above and in front, and pulls the trigger for a few XR frames. */
export async function pullTriggerAt(page: Page, p: [number, number, number]): Promise<void> {
  await remote(page, 'set_transform', { device: 'controller-right', position: { x: p[0] + 0.04, y: p[1] + 0.2, z: p[2] + 0.25 } });
  await remote(page, 'look_at', { device: 'controller-right', target: { x: p[0], y: p[1], z: p[2] } });
  await waitXrFrames(page, 2);
  await trigger(page, 1);
  await waitXrFrames(page, 3);
  await trigger(page, 0);
}
