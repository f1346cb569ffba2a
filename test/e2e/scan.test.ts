/**
 * Scan in a real browser: a photo of an item offers its product and opens its comparison; a photo
 * of something not in the catalogue says so; nothing of the picture is sent; and a fake camera made
 * from a photo draws the boxes and offers the product. The photos are real ones from
 * test/fixtures/photos.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, type Page, type Request } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';
import { launchWithCamera } from './support/fake-camera';
import { fixturePhoto } from '../support/fixture-photos';

const baseUrl = inject('baseUrl');
const BEAR = fixturePhoto('IBM-MAX-Object-Detector_baby-bear.jpg');
const WANGZAI = fixturePhoto('PaddleClas_wangzai.jpg');
const havePhotos = existsSync(BEAR) && existsSync(WANGZAI);
if (!havePhotos) {
  console.warn(`\n\n!!!!!!!!\n!!! SKIPPING the Scan browser tests: the fixture photos are missing at ${BEAR}.\n!!! They are in the repository under test/fixtures/photos: restore them with git.\n!!!!!!!!\n`);
}

/** Loading tfjs and the weights in software WebGL on 2 shared cores is slow. */
const LOAD = 150_000;
const TEST = 240_000;

let browser: Browser;
beforeAll(async () => {
  if (havePhotos) browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function openScan(b: Browser) {
  const w = await openPage(b, `${baseUrl}/?page=scan`);
  w.page.setDefaultTimeout(LOAD);
  await w.page.getByRole('heading', { name: 'Scan an item' }).waitFor();
  return w;
}

async function scanPhoto(page: Page, file: string) {
  await page.locator('input[type=file]').setInputFiles(file);
  await page.waitForFunction(() => (window.__twinspect?.scan?.results ?? 0) >= 1, null, { timeout: LOAD });
}

const boxesText = (page: Page) => page.getByTestId('detection-boxes').textContent();

/** A request that could carry the picture: a body over 1 kB, an image or multipart upload, or anything but a GET. */
function carriesData(r: Request): string | null {
  const url = new URL(r.url());
  if (url.protocol === 'blob:' || url.protocol === 'data:') return null; // never leaves the page
  const body = r.postDataBuffer();
  if (body && body.length > 1024) return `${r.method()} ${r.url()} sends ${body.length} bytes`;
  const type = r.headers()['content-type'] ?? '';
  if (/^image\/|multipart\//i.test(type)) return `${r.method()} ${r.url()} sends ${type}`;
  if (r.method() !== 'GET') return `${r.method()} ${r.url()}`;
  const path = url.pathname;
  const staticAsset = path === '/' || path.startsWith('/assets/') || path.startsWith('/models/') || path.startsWith('/content/') || /^\/[^/]+\.(ico|svg|png|webmanifest)$/.test(path);
  if (!staticAsset && !path.startsWith('/api/')) return `GET of an unexpected path ${r.url()}`;
  if (url.search && !path.startsWith('/api/') && url.search !== '?page=scan') return `GET with a query ${r.url()}`;
  return null;
}

describe.skipIf(!havePhotos)('Scan: a photo of the item', () => {
  it('offers Bramble Bear for the teddy bear, sends nothing of the photo, and opens its comparison', async () => {
    const { page, external, errors } = await openScan(browser);
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    await page.getByText(/^Recognition runs on this device \((graphics card|processor)\)$/).waitFor({ timeout: LOAD });

    const started = Date.now();
    await scanPhoto(page, BEAR);
    console.log(`[scan] photo analysed ${Date.now() - started} ms after it was chosen; backend ${await page.evaluate(() => window.__twinspect?.scan?.backend)}`);

    expect(await boxesText(page)).toContain('teddy bear');
    const matches = page.getByRole('list', { name: 'Matching products' });
    await matches.getByText('Bramble Bear').waitFor();
    expect(await page.getByText('The picture is analysed on this device; nothing of it is sent.').count()).toBe(1);

    // Privacy: everything since the page loaded (the weights, the catalogue) and the scan itself.
    const leaks = requests.map(carriesData).filter((x): x is string => x !== null);
    expect(leaks).toEqual([]);
    expect(requests.some((r) => r.url().includes('/models/coco-ssd/'))).toBe(true);

    await page.getByRole('button', { name: 'Open Bramble Bear' }).click();
    await page.getByRole('list', { name: 'Tells' }).waitFor();
    expect(page.url()).toContain('product=bramble-bear');
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, TEST);

  it('says plainly when nothing in the catalogue matches', async () => {
    const { page, external, errors } = await openScan(browser);
    await scanPhoto(page, WANGZAI);
    await expect.poll(() => page.getByRole('status').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/No product in the catalogue matches .*\(it sees: .+ \d+\s%/)]));
    expect(await page.getByRole('list', { name: 'Matching products' }).count()).toBe(0);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, TEST);
});

describe.skipIf(!havePhotos)('Scan: the live camera', () => {
  let camBrowser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'twinspect-cam-'));
    camBrowser = await launchWithCamera(BEAR, dir);
  }, 60_000);
  afterAll(async () => {
    await camBrowser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws boxes on the live picture and offers the matching product', async () => {
    const { page, external, errors } = await openScan(camBrowser);
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    await page.getByRole('button', { name: 'Use the camera' }).click();
    await page.locator('video').waitFor({ state: 'visible' });
    await page.waitForFunction(() => (window.__twinspect?.scan?.last?.detections ?? []).some((d) => d.cocoClass === 'teddy bear'), null, { timeout: LOAD });
    const results = await page.evaluate(() => window.__twinspect!.scan!.results);
    console.log(`[scan] camera: first teddy bear after ${results} result(s)`);
    expect(results).toBeGreaterThanOrEqual(1);
    expect(await boxesText(page)).toContain('teddy bear');
    await page.getByRole('button', { name: 'Open Bramble Bear' }).waitFor();

    // The loop keeps going (frames skipped while busy, never queued): more results come.
    await page.waitForFunction((n) => (window.__twinspect?.scan?.results ?? 0) > n, results, { timeout: LOAD });
    expect(requests.map(carriesData).filter((x) => x !== null)).toEqual([]);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, TEST);

  it('without a camera, says so and offers the photo instead', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    await page.goto(`${baseUrl}/?page=scan`);
    await page.getByRole('button', { name: 'Use the camera' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Camera permission was refused')]));
    expect(await page.getByRole('button', { name: 'Choose a photo' }).isEnabled()).toBe(true);
    await page.close();
  }, TEST);
});

describe.skipIf(!havePhotos)('Scan without WebGL', () => {
  it('falls back to the wasm backend, shows it, and still offers the product', async () => {
    // Chromium gives a worker WebGL whatever the switches say: the worker's own script is served
    // here with WebGL taken out of its OffscreenCanvas, as on a device without a usable GPU.
    const page = await browser.newPage();
    page.setDefaultTimeout(LOAD);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let patched = false;
    await page.route(/\/assets\/scan-worker-[^/]+\.js$/, async (route) => {
      const res = await route.fetch();
      const noWebgl = `{const g=OffscreenCanvas.prototype.getContext;OffscreenCanvas.prototype.getContext=function(t,...a){return String(t).startsWith('webgl')?null:g.call(this,t,...a)};}\n`;
      patched = true;
      await route.fulfill({ response: res, body: noWebgl + (await res.text()) });
    });
    await page.goto(`${baseUrl}/?page=scan`);
    await page.getByText('Recognition runs on this device (processor)', { exact: true }).waitFor({ timeout: LOAD });
    expect(patched).toBe(true);
    const started = Date.now();
    await scanPhoto(page, BEAR);
    console.log(`[scan] ${await page.evaluate(() => window.__twinspect?.scan?.backend)}: photo analysed in ${Date.now() - started} ms`);
    expect(await page.evaluate(() => window.__twinspect?.scan?.backend)).toBe('wasm');
    expect(await page.getByTestId('scan-backend').textContent()).toBe('Recognition runs on this device (processor)');
    expect(await page.getByTestId('scan-backend').getAttribute('data-backend')).toBe('wasm');
    await page.getByRole('button', { name: 'Open Bramble Bear' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, TEST);
});
