/**
 * Scan figures, printed by `npm run bench`, never asserted:
 *  - Node, wasm backend: detection latency per frame (median, p95) on real fixture photos, and the whole
 *    pipeline (detect, describe each region, match against the catalogue) as a ratio to a bare coco-ssd
 *    detect() on the same frame, alternating in the same run (aim: at most 1.15).
 *  - Chromium: the worker's time per frame on the Scan page (median, p95), wasm forced by starting a
 *    Chromium without WebGL (the worker tries webgl first, then wasm) and, in full runs, with the backend
 *    the page chooses by itself.
 *  - The Scan page's main-thread frame rate (requestAnimationFrame callbacks) while the camera scanning
 *    loop runs vs idle, alternating windows on the same page (aim: at least 0.9: the work is off the main
 *    thread). The Scan page has no 3D stage, so the stage's frame counter does not apply; a fake camera
 *    (Chromium's moving test pattern) feeds the loop.
 * Any part that cannot run prints a note and is skipped.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs-core';
import * as tfconv from '@tensorflow/tfjs-converter';
import { ObjectDetection } from '@tensorflow-models/coco-ssd';
import { chromium, type Browser, type Page } from 'playwright-core';
import { toTensor } from '../../src/recognition/detector';
import { catalogueEntries, decodeImageFile, DEFAULT_MODEL_PATH, fileFetch, loadNodeDetector, scanImage, SCAN_MAX_BOXES, SCAN_MIN_SCORE } from '../../src/recognition/scan-node';
import type { RgbaPixels } from '../../src/recognition/detector';
import { root } from '../e2e/support/app-server';
import { CHROMIUM, openPage } from '../e2e/support/browser';
import { median } from './browser-figures';
import type { Figure } from './drill-figures';
import { PHOTOS_DIR } from '../support/fixture-photos';

export { PHOTOS_DIR };
/** A few real photos of different sizes and contents. */
const PHOTOS = ['IBM-MAX-Object-Detector_baby-bear.jpg', 'PaddleClas_wangzai.jpg', 'jetson-inference_bottle_0.jpg', 'tfjs-models_posenet_backpackman.jpg'];

const sig = (x: number, digits = 3) => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits)));
const ratioOf = (value: number, baseline: number) => (baseline > 0 ? sig(value / baseline) : null);
/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const note = (...a: unknown[]) => console.error('  [scan bench]', ...a);

function availablePhotos(): string[] {
  if (!existsSync(PHOTOS_DIR)) return [];
  const present = new Set(readdirSync(PHOTOS_DIR));
  const chosen = PHOTOS.filter((p) => present.has(p));
  // Any photos there if the usual ones are not.
  const files = chosen.length ? chosen : [...present].filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).slice(0, 4);
  return files.map((f) => join(PHOTOS_DIR, f));
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** a. Node, wasm backend: bare coco-ssd detect() vs Detector.detect vs the whole pipeline, alternating. */
async function nodeFigures(photos: string[], rounds: number): Promise<Figure[]> {
  const detector = await loadNodeDetector({ backends: ['wasm'] });
  // The bare baseline: coco-ssd's own ObjectDetection with the same graph, on a tensor made once per photo.
  const graph = await tfconv.loadGraphModel(DEFAULT_MODEL_PATH, { fetchFunc: fileFetch });
  const bare = new ObjectDetection('lite_mobilenet_v2', DEFAULT_MODEL_PATH);
  (bare as unknown as { model: tfconv.GraphModel }).model = graph;
  try {
    const catalogue = await catalogueEntries(join(root, 'content'), { detector });
    const frames: { image: RgbaPixels; tensor: tf.Tensor3D }[] = [];
    for (const file of photos) {
      const image = await decodeImageFile(file);
      frames.push({ image, tensor: toTensor(image) });
    }
    const bareMs: number[] = [];
    const detectMs: number[] = [];
    const pipelineMs: number[] = [];
    const runs: [number[], (f: (typeof frames)[number]) => Promise<unknown>][] = [
      [bareMs, (f) => bare.detect(f.tensor, SCAN_MAX_BOXES, SCAN_MIN_SCORE)],
      [detectMs, (f) => detector.detect(f.image, SCAN_MAX_BOXES, SCAN_MIN_SCORE)],
      [pipelineMs, (f) => scanImage(detector, f.image, catalogue)],
    ];
    // Warm up: every kernel at every photo's size.
    for (const f of frames) for (const [, run] of runs) for (let i = 0; i < 2; i++) await run(f);
    for (let r = 0; r < rounds; r++) {
      for (const f of frames) {
        // Rotate the order each round so that none always runs first (or after the same one).
        for (let k = 0; k < runs.length; k++) {
          const [into, run] = runs[(k + r) % runs.length]!;
          into.push(await time(() => run(f)));
        }
      }
    }
    for (const f of frames) f.tensor.dispose();
    const bareMedian = median(bareMs);
    const pipeMedian = median(pipelineMs);
    const sizes = frames.map((f) => `${f.image.width}×${f.image.height}`).join(', ');
    const samples = `${bareMs.length} frames: ${frames.length} photos × ${rounds} rounds, ${sizes}`;
    const bareFig = { name: 'bare coco-ssd detect()', value: sig(bareMedian), unit: 'ms' };
    return [
      { name: 'Node wasm: detection latency per frame, median', value: sig(median(detectMs)), unit: 'ms', baseline: bareFig, ratio: ratioOf(median(detectMs), bareMedian), note: `Detector.detect, pixels to tensor included; ${samples}` },
      { name: 'Node wasm: detection latency per frame, p95', value: sig(percentile(detectMs, 95)), unit: 'ms', baseline: { ...bareFig, name: 'bare coco-ssd detect() p95', value: sig(percentile(bareMs, 95)) }, ratio: ratioOf(percentile(detectMs, 95), percentile(bareMs, 95)) },
      { name: 'Node wasm: whole pipeline per frame (detect, describe, match), median', value: sig(pipeMedian), unit: 'ms', baseline: bareFig, ratio: ratioOf(pipeMedian, bareMedian), note: `aim: at most 1.15x; ${catalogue.length} catalogue products` },
      { name: 'Node wasm: whole pipeline per frame, p95', value: sig(percentile(pipelineMs, 95)), unit: 'ms' },
    ];
  } finally {
    bare.dispose();
    detector.dispose();
  }
}

/**
 * Records the worker's per-frame ms (its 'result' replies) without changing the page: wraps Worker before
 * the app starts. A string, not a function: tsx would add its __name helper, which the page lacks.
 */
const RECORD_WORKER_MS = `(() => {
  window.__benchScanMs = [];
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url, opts) {
      super(url, opts);
      this.addEventListener('message', (e) => {
        const d = e.data;
        if (d && d.type === 'result' && typeof d.ms === 'number') window.__benchScanMs.push(d.ms);
      });
    }
  };
})();`;

const LOAD_MS = 180_000;

async function openScanPage(browser: Browser, baseUrl: string): Promise<{ page: Page; backend: string }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(LOAD_MS);
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    return u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1' ? route.continue() : route.abort();
  });
  await page.addInitScript({ content: RECORD_WORKER_MS });
  await page.goto(`${baseUrl}/?page=scan`);
  await page.getByRole('heading', { name: 'Scan an item' }).waitFor();
  await page.waitForFunction(() => window.__twinspect?.scan?.backend ?? document.querySelector('.scan .error')?.textContent, null, { timeout: LOAD_MS });
  const backend = await page.evaluate(() => window.__twinspect?.scan?.backend ?? null);
  if (!backend) throw new Error(`the detector did not load: ${await page.locator('.scan .error').first().textContent()}`);
  return { page, backend };
}

const workerMs = (page: Page) => page.evaluate(() => [...(window as unknown as { __benchScanMs: number[] }).__benchScanMs]);

/** b. The worker's time per frame for photos chosen through the file input, one after the other. */
async function photoFrames(page: Page, photos: string[], scans: number): Promise<number[]> {
  const input = page.locator('input[type=file]');
  const before = (await workerMs(page)).length;
  // Warm up: one scan of each photo (first kernels at each size).
  const all = [...photos.map((p) => ({ p, warm: true })), ...Array.from({ length: scans }, (_, i) => ({ p: photos[i % photos.length]!, warm: false }))];
  let warmCount = 0;
  for (const { p, warm } of all) {
    const n = await page.evaluate(() => window.__twinspect?.scan?.results ?? 0);
    await input.setInputFiles(p);
    await page.waitForFunction((target) => (window.__twinspect?.scan?.results ?? 0) >= target, n + 1, { timeout: LOAD_MS });
    if (warm) warmCount++;
  }
  return (await workerMs(page)).slice(before + warmCount);
}

/** requestAnimationFrame callbacks per second on the page over `ms` (a string: see RECORD_WORKER_MS). */
const rafRate = (page: Page, ms: number): Promise<number> =>
  page.evaluate(`new Promise((resolve) => {
    let n = 0;
    const t0 = performance.now();
    const tick = () => {
      n++;
      const t = performance.now() - t0;
      if (t < ${ms}) requestAnimationFrame(tick);
      else resolve((n * 1000) / t);
    };
    requestAnimationFrame(tick);
  })`);

/** c. rAF rate while the camera loop scans vs idle, alternating windows on the same page. */
async function rafWhileScanning(page: Page, pairs: number, seconds: number) {
  const idle: number[] = [];
  const scanning: number[] = [];
  const framesPerS: number[] = [];
  const scanMs: number[] = [];
  for (let i = 0; i < pairs; i++) {
    await page.waitForTimeout(300);
    idle.push(await rafRate(page, seconds * 1000));
    const n = await page.evaluate(() => window.__twinspect?.scan?.results ?? 0);
    await page.getByRole('button', { name: 'Use the camera' }).click();
    // Measure once frames are flowing.
    await page.waitForFunction((target) => (window.__twinspect?.scan?.results ?? 0) >= target, n + 2, { timeout: 60_000 });
    const before = (await workerMs(page)).length;
    scanning.push(await rafRate(page, seconds * 1000));
    const ms = (await workerMs(page)).slice(before);
    scanMs.push(...ms);
    framesPerS.push(ms.length / seconds);
    await page.getByRole('button', { name: 'Stop the camera' }).click();
  }
  return { idle: median(idle), scanning: median(scanning), framesPerS: median(framesPerS), scanMs };
}

/**
 * Chromium with a fake camera (its own moving test pattern) and no WebGL, so that the worker (webgl, else
 * wasm) takes wasm. --disable-3d-apis and --disable-webgl still leave WebGL to OffscreenCanvas in a worker;
 * no GPU and no software rasterizer does not.
 */
const launchScanBrowser = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-software-rasterizer',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });

function workerFigures(label: string, ms: number[], extra: string): Figure[] {
  if (!ms.length) return [];
  return [
    { name: `Chromium ${label}: scan per frame in the worker, median`, value: sig(median(ms)), unit: 'ms', note: `${ms.length} photo scans; draw + detect + describe + match, as the worker reports it${extra}` },
    { name: `Chromium ${label}: scan per frame in the worker, p95`, value: sig(percentile(ms, 95)), unit: 'ms' },
  ];
}

async function chromiumFigures(baseUrl: string, browser: Browser | undefined, photos: string[], quick: boolean): Promise<Figure[]> {
  const out: Figure[] = [];
  const scans = quick ? 6 : 20;
  // wasm, forced: a Chromium with no WebGL, and a fake camera for the frame-rate figure.
  let own: Browser | undefined;
  try {
    own = await launchScanBrowser();
    const { page, backend } = await openScanPage(own, baseUrl);
    const forced = backend === 'wasm' ? ' (wasm forced: Chromium started without GPU or software WebGL; the worker tries webgl first)' : ` (wasm was not taken: the page chose ${backend})`;
    if (photos.length) out.push(...workerFigures(backend, await photoFrames(page, photos, scans), forced));
    else note('no fixture photos: the Chromium per-frame figures from photos are skipped');
    try {
      const seconds = quick ? 3 : 5;
      const r = await rafWhileScanning(page, quick ? 2 : 3, seconds);
      out.push({
        name: 'Scan page main-thread frame rate while the camera loop scans',
        value: sig(r.scanning),
        unit: 'rAF/s',
        baseline: { name: 'idle', value: sig(r.idle), unit: 'rAF/s' },
        ratio: ratioOf(r.scanning, r.idle),
        note: `aim: at least 0.9x; ${backend} in the worker, ${sig(r.framesPerS)} frames scanned/s, fake camera 640×480; medians of alternating ${seconds} s windows`,
      });
      if (r.scanMs.length) out.push({ name: `Chromium ${backend}: camera frame scan in the worker, median`, value: sig(median(r.scanMs)), unit: 'ms', note: `p95 ${sig(percentile(r.scanMs, 95))} ms over ${r.scanMs.length} frames` });
    } catch (e) {
      note(`the frame-rate figure while scanning is skipped: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    await page.close();
  } catch (e) {
    note(`the Chromium wasm figures are skipped: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  } finally {
    await own?.close();
  }
  // The backend the page picks by itself (webgl in SwiftShader here), in the bench's own browser; full runs only.
  if (browser && !quick && photos.length) {
    try {
      const { page, backend } = await openScanPage(browser, baseUrl);
      out.push(...workerFigures(`${backend} (the page's own choice)`, await photoFrames(page, photos, scans), backend === 'webgl' ? '; WebGL is SwiftShader, software' : ''));
      await page.close();
    } catch (e) {
      note(`the Chromium figures with the page's own backend are skipped: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  return out;
}

export async function measureScanFigures(opts: { quick: boolean; baseUrl?: string; browser?: Browser }): Promise<Figure[]> {
  const photos = availablePhotos();
  const figures: Figure[] = [];
  if (!photos.length) note(`no fixture photos at ${PHOTOS_DIR}: the per-photo scan figures are skipped (they belong in test/fixtures/photos: restore them with git)`);
  else {
    try {
      figures.push(...(await nodeFigures(photos, opts.quick ? 10 : 30)));
    } catch (e) {
      note(`the Node scan figures are skipped: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (opts.baseUrl) figures.push(...(await chromiumFigures(opts.baseUrl, opts.browser, photos, opts.quick)));
  else note('no running app: the Chromium scan figures are skipped');
  return figures;
}
