/**
 * The camera picture of an AR session (src/recognition/xr-camera.ts) in a real Chromium, from a real
 * WebGL2 texture: a real photo, uploaded as a camera texture is kept (bottom row first), comes back
 * upright, scaled down and in its own colours; the GL state that three.js caches is as it was; and
 * the scan worker finds the cup in what was read. The module and the worker are bundled by Vite for
 * this test and served, with the photo, on 127.0.0.1; the rest (the detector's weights) comes from the app.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import type { ScanOutcome } from '../../src/domain/recognition';
import { root } from './support/app-server';
import { launchBrowser, openPage } from './support/browser';
import { fixturePhoto } from '../support/fixture-photos';

const baseUrl = inject('baseUrl');
const COFFEE = fixturePhoto('tfjs-models_coffee.jpg');
const havePhoto = existsSync(COFFEE);
if (!havePhoto) console.warn(`\n!!! SKIPPING the XR camera test: the fixture photo is missing at ${COFFEE}.\n`);

const ENTRY = 'virtual:xr-camera-harness';
const HARNESS = `
import { createCameraFrameReader, CAMERA_FRAME_MAX_SIDE } from ${JSON.stringify(join(root, 'src/recognition/xr-camera.ts'))};
import { createScanner } from ${JSON.stringify(join(root, 'src/recognition/scanner.ts'))};
window.harness = { createCameraFrameReader, CAMERA_FRAME_MAX_SIDE, createScanner };
`;
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.jpg': 'image/jpeg' };

let dir: string;
let server: Server;
let harnessUrl: string;
let browser: Browser;

/** The bundle and the photo from here; any other path from the app (the worker asks for /models/...). */
function serve(): Promise<string> {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    const file = path === '/photo.jpg' ? COFFEE : join(dir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    if (path !== '/' && existsSync(file) && TYPES[extname(file)]) {
      res.writeHead(200, { 'content-type': TYPES[extname(file)]! }).end(readFileSync(file));
      return;
    }
    fetch(`${baseUrl}${req.url}`).then(
      async (r) => res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/octet-stream' }).end(Buffer.from(await r.arrayBuffer())),
      () => res.writeHead(502).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
}

beforeAll(async () => {
  if (!havePhoto) return;
  dir = mkdtempSync(join(tmpdir(), 'twinspect-xr-camera-'));
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    worker: { format: 'es' },
    plugins: [{ name: 'xr-camera-harness', resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : null), load: (id) => (id === `\0${ENTRY}` ? HARNESS : null) }],
    build: { outDir: dir, emptyOutDir: true, rollupOptions: { input: ENTRY, output: { entryFileNames: 'harness.js' } } },
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>xr-camera</title><script type="module" src="/harness.js"></script>');
  harnessUrl = `${await serve()}/index.html`;
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Harness = typeof import('../../src/recognition/xr-camera') & typeof import('../../src/recognition/scanner');

describe.skipIf(!havePhoto)('the camera picture of an AR session', () => {
  it('reads a real camera texture upright and scaled down, leaves three.js its GL state, and the worker finds the cup', async () => {
    const { page, external, errors } = await openPage(browser, harnessUrl);
    await page.waitForFunction(() => 'harness' in window);
    const read = await page.evaluate(async () => {
      const { createCameraFrameReader, CAMERA_FRAME_MAX_SIDE } = (window as unknown as { harness: Harness }).harness;
      const blob = await (await fetch('/photo.jpg')).blob();
      const photo = await createImageBitmap(blob);
      // As a camera texture is kept in GL: its first row is the bottom of the picture.
      const upsideDown = await createImageBitmap(blob, { imageOrientation: 'flipY' });
      const gl = document.createElement('canvas').getContext('webgl2')!;
      const texture = gl.createTexture()!;
      gl.bindTexture(gl.TEXTURE_2D, texture);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, upsideDown);
      const camera = { width: photo.width, height: photo.height };
      const binding = { getCameraImage: (c: unknown) => (c === camera ? texture : null) };
      // What three.js may have bound and enabled when a frame callback runs.
      const theirs = gl.createFramebuffer();
      gl.bindFramebuffer(gl.FRAMEBUFFER, theirs);
      gl.enable(gl.SCISSOR_TEST);
      gl.scissor(0, 0, 1, 1);

      const small = createCameraFrameReader(gl, 160);
      const first = small.read(binding, camera);
      const whileBusy = small.read(binding, camera);
      const bitmap = await first!;
      const again = await small.read(binding, camera)!; // the same buffers, once the bitmap is made
      const state = { read: gl.getParameter(gl.READ_FRAMEBUFFER_BINDING) === theirs, draw: gl.getParameter(gl.DRAW_FRAMEBUFFER_BINDING) === theirs, scissor: gl.isEnabled(gl.SCISSOR_TEST), error: gl.getError() };

      const N = 24;
      const thumb = (src: ImageBitmap) => {
        const c = new OffscreenCanvas(N, N).getContext('2d')!;
        c.drawImage(src, 0, 0, N, N);
        return c.getImageData(0, 0, N, N).data;
      };
      /** Mean absolute difference per colour channel (0..255) between two 24×24 thumbnails. */
      const diff = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
        let sum = 0;
        for (let i = 0; i < a.length; i++) if (i % 4 !== 3) sum += Math.abs(a[i]! - b[i]!);
        return sum / (N * N * 3);
      };
      const out = thumb(bitmap);
      const result = {
        photo: [photo.width, photo.height],
        size: [bitmap.width, bitmap.height],
        whileBusy,
        same: diff(out, thumb(again)),
        upright: diff(out, thumb(photo)),
        flipped: diff(out, thumb(upsideDown)),
        state,
        full: [0, 0],
      };
      // The reader the app uses: the picture at most CAMERA_FRAME_MAX_SIDE wide, kept for the worker.
      const full = await createCameraFrameReader(gl, CAMERA_FRAME_MAX_SIDE).read(binding, camera)!;
      result.full = [full.width, full.height];
      (window as unknown as { frame: ImageBitmap }).frame = full;
      return result;
    });
    console.log('[xr-camera]', JSON.stringify(read));
    const [w, h] = read.photo as [number, number];
    const scale = Math.min(1, 160 / Math.max(w, h));
    expect(read.size).toEqual([Math.round(w * scale), Math.round(h * scale)]);
    expect(scale, 'the photo is larger than 160 px: the read scales down').toBeLessThan(1);
    const fullScale = Math.min(1, 640 / Math.max(w, h));
    expect(read.full).toEqual([Math.round(w * fullScale), Math.round(h * fullScale)]);
    expect(read.whileBusy, 'a second read while the bitmap is being made is refused').toBeNull();
    expect(read.same).toBeLessThan(1);
    expect(read.upright, 'the read picture is the photo, upright and in its colours').toBeLessThan(8);
    expect(read.flipped, 'and not upside down').toBeGreaterThan(read.upright * 3);
    expect(read.state).toEqual({ read: true, draw: true, scissor: true, error: 0 });

    const outcome = await page.evaluate(
      () =>
        new Promise<ScanOutcome>((resolve, reject) => {
          const { createScanner } = (window as unknown as { harness: Harness }).harness;
          const scanner = createScanner({
            onReady: () => void (scanner.scanBitmap((window as unknown as { frame: ImageBitmap }).frame) || reject(new Error('the worker refused the frame'))),
            onResult: (r) => resolve(r.outcome),
            onError: (m) => reject(new Error(m)),
          });
          scanner.init([{ productId: 'test-mug', productName: 'Test mug', cocoClasses: ['cup'], photos: [] }]);
        }),
    );
    console.log('[xr-camera] the worker sees', outcome.detections.map((d) => `${d.cocoClass} ${d.score.toFixed(3)}`).join(', '));
    const cup = outcome.detections.find((d) => d.cocoClass === 'cup');
    expect(cup?.score, 'coco-ssd finds the cup (0.987 on the photo itself)').toBeGreaterThan(0.9);
    expect(outcome.matches[0]?.productId).toBe('test-mug');
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
