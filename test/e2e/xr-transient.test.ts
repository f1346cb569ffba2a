/**
 * Apple Vision Pro in immersive-vr: no controllers, the examiner looks at a 3D button and pinches.
 * Safari reports each pinch as a WebXR input source with targetRayMode 'transient-pointer' that lives
 * for the pinch only (@react-three/xr gives it a ray pointer: the store's default transientPointer).
 * iwer cannot make such a source; support/transient-pointer.ts emulates it on iwer's Meta Quest 3 with
 * its controllers switched off (see there for what is and is not emulated). Nothing leaves 127.0.0.1
 * and the page throws nothing.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { inputModes, installTransientPointer, pinch } from './support/transient-pointer';
import { enter, openEmulated, remote, stats, waitXrFrames, XR_TEST_TIMEOUT } from './support/xr';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function toolbarButton(page: Page, name: string) {
  const s = await stats(page);
  const i = s.xrToolbar.buttons.indexOf(name);
  expect(i, `the toolbar has a "${name}" button`).toBeGreaterThanOrEqual(0);
  return { i, at: s.xrToolbar.positions[i]! as [number, number, number], pressed: s.xrToolbar.pressed[i]! };
}

/** Pinches while looking at a toolbar button and waits until the button has changed. */
async function pinchButton(page: Page, name: string, holdFrames: number): Promise<void> {
  const { i, at, pressed } = await toolbarButton(page, name);
  await pinch(page, at, holdFrames);
  await page.waitForFunction(([j, b]) => window.__twinspect!.stats.xrToolbar.pressed[j as number] !== b, [i, pressed] as const, { timeout: 30_000 });
}

describe('look and pinch (Vision Pro transient-pointer, emulated on iwer)', () => {
  it('presses the 3D toolbar with transient-pointer pinches, held or quick, and nothing else', async () => {
    const { page, external, errors } = await openEmulated(browser, baseUrl, 'voltria-usb-c-charger');
    await enter(page, 'VR');
    await page.waitForFunction(() => window.__twinspect!.stats.placed && window.__twinspect!.stats.xrToolbar.buttons.length > 0, null, { timeout: 30_000 });
    // A Vision Pro has no controllers: both go, and no tracked-pointer is left in the session.
    await page.evaluate(() => {
      const controllers = (window as unknown as { __iwer: { controllers: Record<string, { connected: boolean }> } }).__iwer.controllers;
      for (const c of Object.values(controllers)) c.connected = false;
    });
    await remote(page, 'set_transform', { device: 'headset', position: { x: 0, y: 1.05, z: -0.1 } });
    await remote(page, 'look_at', { device: 'headset', target: { x: 0, y: 0.78, z: -0.58 } });
    await waitXrFrames(page, 3);
    await installTransientPointer(page);

    expect((await toolbarButton(page, 'UV lamp')).pressed).toBe(false);
    await pinchButton(page, 'UV lamp', 3);
    expect((await stats(page)).xrToolbar.pressed[2], 'the UV lamp is on').toBe(true);
    expect(await inputModes(page), 'the session saw one transient pointer come and go').toEqual(['+transient-pointer', '-transient-pointer']);

    // A quick pinch: released in the frame after the source appeared, before its pointer was drawn once.
    expect((await stats(page)).tellPanels).toBe(0);
    await pinchButton(page, 'Tells', 1);
    await page.waitForFunction(() => window.__twinspect!.stats.tellPanels > 0, null, { timeout: 30_000 });

    // A pinch while looking at the floor, away from every button, changes nothing.
    const before = (await stats(page)).xrToolbar.pressed;
    await pinch(page, [0.6, 0, 0.4], 3);
    await waitXrFrames(page, 3);
    expect((await stats(page)).xrToolbar.pressed).toEqual(before);
    expect(await inputModes(page)).toEqual(Array(3).fill(['+transient-pointer', '-transient-pointer']).flat());

    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 1.5 * XR_TEST_TIMEOUT); // three pinches: on a loaded machine XR frames come seconds apart
});
