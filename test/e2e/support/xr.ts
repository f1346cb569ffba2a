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

/** Opens a product under the Quest 3 emulator and waits until both models are drawn. */
export async function openEmulated(browser: Browser, baseUrl: string, productId: string): Promise<WatchedPage> {
  const w = await openPage(browser, `${baseUrl}/?product=${productId}&emulate=quest3`);
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
