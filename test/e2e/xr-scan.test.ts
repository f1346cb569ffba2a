/**
 * Recognition in AR under iwer's emulated Meta Quest 3. Entering AR asks for the camera picture
 * ('camera-access') as an optional feature; the Quest does not give it (nor does the real Quest
 * browser), AR works as before and one line says to use the Scan page. Then, with the feature
 * emulated on the device (iwer lacks it: see emulateCameraAccess), the camera sees a real photo of a
 * teddy bear, Bramble Bear is offered, and Open goes to its comparison.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { fixturePhoto } from '../support/fixture-photos';
import { emulateCameraAccess, enter, openEmulated, overlayButtons, pullTriggerAt, recordSessionRequests, sessionRequests, XR_TEST_TIMEOUT, xrScan } from './support/xr';

const baseUrl = inject('baseUrl');
const BEAR = fixturePhoto('IBM-MAX-Object-Detector_baby-bear.jpg');
const havePhoto = existsSync(BEAR);
if (!havePhoto) console.warn(`\n!!! SKIPPING the emulated camera in AR: the fixture photo is missing at ${BEAR}.\n`);
/** Loading the detector in a worker while SwiftShader draws XR frames on two shared cores. */
const DETECTOR = 240_000;

let browser: Browser;
let productId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const catalogue = (await (await fetch(`${baseUrl}/api/catalogue`)).json()) as { id: string }[];
  productId = catalogue.find((p) => p.id !== 'bramble-bear')!.id;
});
afterAll(() => browser?.close());

describe('recognition in AR, Meta Quest 3 (emulated by iwer)', () => {
  it('asks for camera access as an optional feature; the Quest does not give it, AR starts and the panel points to the Scan page', async () => {
    const { page, external, errors } = await openEmulated(browser, baseUrl, productId);
    await recordSessionRequests(page);
    await enter(page, 'AR');
    const requests = await sessionRequests(page);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.mode).toBe('immersive-ar');
    expect(request!.requiredFeatures).toEqual(['local-floor']);
    expect(request!.optionalFeatures).toEqual(expect.arrayContaining(['camera-access', 'anchors', 'hit-test', 'hand-tracking', 'dom-overlay']));
    expect(request!.domOverlayRoot, 'the DOM overlay root is passed').toBe(true);
    expect(request!.enabledFeatures).toEqual(expect.arrayContaining(['hit-test', 'anchors']));
    expect(request!.enabledFeatures).not.toContain('camera-access');

    await page.waitForFunction(() => !!(window.__twinspect as { xrScan?: { line: string } }).xrScan?.line);
    const scan = await xrScan(page);
    expect(scan!.line).toMatch(/^Camera recognition is not offered here: this browser does not share its camera with AR sessions\. Scan \(the 2D page\) works with the camera, a phone or a webcam\.$/);
    expect(scan!.openAt).toBeNull();
    expect(scan!.results).toBe(0);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, XR_TEST_TIMEOUT);

  it.skipIf(!havePhoto)('with camera access emulated: the camera sees a teddy bear, Bramble Bear is offered in a 3D panel, Open goes to it', async () => {
    const { page, external, errors } = await openEmulated(browser, baseUrl, productId);
    await recordSessionRequests(page);
    await emulateCameraAccess(page, readFileSync(BEAR));
    await enter(page, 'AR');
    expect((await sessionRequests(page))[0]!.enabledFeatures).toContain('camera-access');
    const started = Date.now();
    await page.waitForFunction(() => (window.__twinspect as { xrScan?: { match: string | null } }).xrScan?.match === 'bramble-bear', null, { timeout: DETECTOR });
    const scan = (await xrScan(page))!;
    console.log(`[xr-scan] Bramble Bear offered ${Date.now() - started} ms after entering AR, after ${scan.results} result(s): "${scan.line}"`);
    expect(scan.line).toMatch(/^Bramble Bear: \d+\s%$/);
    expect(scan.openAt).not.toBeNull();

    // Open ends the session (the comparison page replaces its stage) and goes to Bramble Bear.
    await pullTriggerAt(page, scan.openAt!);
    await page.waitForURL(/product=bramble-bear/, { timeout: 60_000 });
    await page.getByRole('region', { name: /^Bramble Bear: genuine and counterfeit side by side$/ }).waitFor();
    await page.getByRole('list', { name: 'Tells' }).waitFor();
    expect(await page.evaluate(() => window.__twinspect!.stats.xrMode)).toBeNull();
    expect(await page.getByRole('button', { name: 'Enter AR', exact: true }).isVisible()).toBe(true);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, XR_TEST_TIMEOUT);

  it.skipIf(!havePhoto)('as on a phone (camera access and a DOM overlay emulated): the overlay keeps the placement controls and offers Bramble Bear', async () => {
    const { page, external, errors } = await openEmulated(browser, baseUrl, productId);
    await recordSessionRequests(page);
    await emulateCameraAccess(page, readFileSync(BEAR), { domOverlay: true });
    await enter(page, 'AR');
    // iwer draws the headset's view over the page: the overlay's buttons are reached by their events.
    await page.getByRole('button', { name: 'Place again' }).waitFor({ state: 'attached' });
    expect(await page.getByRole('button', { name: 'Exit AR' }).count()).toBe(1);
    const open = page.getByRole('button', { name: 'Open Bramble Bear' });
    await open.waitFor({ state: 'attached', timeout: DETECTOR });
    expect(await page.getByRole('status').filter({ hasText: /^Bramble Bear: \d+\s%$/ }).count()).toBe(1);
    expect((await xrScan(page))!.openAt, 'no 3D panel where the overlay shows it').toBeNull();
    // Both in the root the session shows: the placement controls and the scan panel.
    expect(await overlayButtons(page)).toEqual(['Place again', 'Show tells', 'Exit AR', 'Open Bramble Bear']);

    await open.dispatchEvent('click');
    await page.waitForURL(/product=bramble-bear/, { timeout: 60_000 });
    await page.getByRole('list', { name: 'Tells' }).waitFor();
    expect(await page.evaluate(() => window.__twinspect!.stats.xrMode)).toBeNull();
    expect(await page.getByRole('button', { name: 'Open Bramble Bear' }).count(), 'the overlay is emptied when the session ends').toBe(0);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, XR_TEST_TIMEOUT);
});
