/**
 * The examiner's tools in a headset, where the desktop toolbar cannot be reached: under iwer's
 * emulated Meta Quest 3 in VR, the right controller points at the 3D toolbar that stands before the
 * pair and pulls the trigger to switch on the UV lamp, the tells and the loupe; the loupe's lens then
 * rides on the controller. Nothing leaves 127.0.0.1 and the page throws nothing.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { enter, openEmulated, remote, stats, trigger, waitXrFrames, xrCanvasBox, XR_TEST_TIMEOUT } from './support/xr';

const baseUrl = inject('baseUrl');
let browser: Browser;
let productId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const catalogue = (await (await fetch(`${baseUrl}/api/catalogue`)).json()) as { id: string }[];
  // The charger: its counterfeit's body glows under the lamp, which makes a telling picture.
  productId = (catalogue.find((p) => p.id === 'voltria-usb-c-charger') ?? catalogue[0]!).id;
});
afterAll(() => browser?.close());

type V = [number, number, number];
const at = (p: V) => ({ x: p[0], y: p[1], z: p[2] });

/** Points the right controller at a toolbar button from above and in front, and pulls the trigger for a few frames. */
async function press(page: Page, name: string): Promise<void> {
  const s = await stats(page);
  const i = s.xrToolbar.buttons.indexOf(name);
  expect(i, `the toolbar has a "${name}" button`).toBeGreaterThanOrEqual(0);
  const before = s.xrToolbar.pressed[i];
  const p = s.xrToolbar.positions[i]!;
  await remote(page, 'set_transform', { device: 'controller-right', position: at([p[0] + 0.04, p[1] + 0.2, p[2] + 0.25]) });
  await remote(page, 'look_at', { device: 'controller-right', target: at(p) });
  await waitXrFrames(page, 2);
  await trigger(page, 1);
  await waitXrFrames(page, 3);
  await trigger(page, 0);
  await page.waitForFunction(([j, b]) => window.__twinspect!.stats.xrToolbar.pressed[j as number] !== b, [i, before] as const, { timeout: 30_000 });
  await waitXrFrames(page, 2);
}

describe("the examiner's tools in a Meta Quest 3 (emulated by iwer)", () => {
  it('presses the 3D toolbar with the controller ray: UV lamp, tells and a loupe that follows the hand', async () => {
    const { page, external, errors } = await openEmulated(browser, baseUrl, productId);
    await enter(page, 'VR');
    await page.waitForFunction(() => window.__twinspect!.stats.placed && window.__twinspect!.stats.xrToolbar.buttons.length > 0, null, { timeout: 30_000 });
    await remote(page, 'set_transform', { device: 'headset', position: { x: 0, y: 1.05, z: -0.1 } });
    await remote(page, 'look_at', { device: 'headset', target: { x: 0, y: 0.78, z: -0.58 } });
    await waitXrFrames(page, 3);
    let s = await stats(page);
    expect(s.xrToolbar.buttons).toEqual(['Tells', 'Link', 'UV lamp', 'Overlay', 'Loupe']);
    expect(s.xrToolbar.pressed).toEqual([false, true, false, false, false]);
    // The row stands on the table in front of the pair, within reach.
    const uvAt = s.xrToolbar.positions[2]!;
    expect(uvAt[1] - s.placedPosition![1]).toBeLessThan(0.06);
    expect(uvAt[2]).toBeGreaterThan(s.placedPosition![2]);

    await press(page, 'UV lamp');
    expect((await stats(page)).xrToolbar.pressed[2], 'the UV lamp is on').toBe(true);

    expect((await stats(page)).tellPanels).toBe(0);
    await press(page, 'Tells');
    await page.waitForFunction(() => window.__twinspect!.stats.tellPanels > 0, null, { timeout: 30_000 });

    expect((await stats(page)).xrLoupe.visible).toBe(false);
    await press(page, 'Loupe');
    await page.waitForFunction(() => window.__twinspect!.stats.xrLoupe.visible, null, { timeout: 30_000 });
    s = await stats(page);
    expect(s.xrToolbar.pressed).toEqual([true, true, true, false, true]);

    // The lens rides on the controller: move the controller 20 cm left, the lens goes with it.
    const lensBefore = s.xrLoupe.position;
    await remote(page, 'set_transform', { device: 'controller-right', position: { x: -0.09, y: 0.9, z: -0.3 } });
    await remote(page, 'look_at', { device: 'controller-right', target: at(s.xrSlots.A.position) });
    await waitXrFrames(page, 3);
    s = await stats(page);
    expect(Math.hypot(s.xrLoupe.position[0] - lensBefore[0], s.xrLoupe.position[2] - lensBefore[2])).toBeGreaterThan(0.1);
    expect(Math.hypot(s.xrLoupe.position[0] + 0.09, s.xrLoupe.position[1] - 0.9, s.xrLoupe.position[2] + 0.3), 'the lens is in the hand').toBeLessThan(0.15);
    expect(s.xrLoupe.renders, 'the lens draws its magnified view every frame').toBeGreaterThan(2);

    // For the picture: hold the lens between the eyes and the genuine item's top corner under the UV
    // lamp (the controller moves rigidly, so shifting it by the lens's miss centres the lens there).
    const item = s.xrSlots[s.xrSlots.A.genuine ? 'A' : 'B'].position;
    const eye: V = [0, 1.05, -0.1];
    const aim: V = [item[0] - 0.015, item[1] + 0.1, item[2] + 0.02];
    const want = [0, 1, 2].map((k) => eye[k]! + (aim[k]! - eye[k]!) * 0.45) as V;
    const miss = [0, 1, 2].map((k) => want[k]! - s.xrLoupe.position[k]!);
    await remote(page, 'set_transform', { device: 'controller-right', position: { x: -0.09 + miss[0]!, y: 0.9 + miss[1]!, z: -0.3 + miss[2]! } });
    await waitXrFrames(page, 4);
    await page.screenshot({ path: '/tmp/xr-tools.png', clip: await xrCanvasBox(page) });

    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, XR_TEST_TIMEOUT);
});
