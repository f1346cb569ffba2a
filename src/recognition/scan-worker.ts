/**
 * The scan pipeline, off the main thread: the detector (tfjs coco-ssd; webgl, else wasm, else cpu),
 * the catalogue's reference photos described once, then one frame at a time: detect, describe each
 * box, match against the catalogue. Nothing here sends anything anywhere; the only fetches are the
 * weights and the reference photos, both GET from this origin.
 */
import { describeRegion, type Descriptor } from '../domain/image-descriptor';
import { matchProducts, type CatalogueEntry, type ScanOutcome } from '../domain/recognition';
import { loadDetector, type Detector } from './detector';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { LocalText } from '../domain/local-text';

/** A catalogue entry as the page sends it: its reference photos as URLs, described here. */
export interface ScanCatalogueEntry {
  productId: string;
  productName: LocalText;
  cocoClasses: string[];
  photos: string[];
}

export type ScanRequest =
  | { type: 'init'; modelUrl: string; catalogue: ScanCatalogueEntry[] }
  | { type: 'frame'; bitmap: ImageBitmap };

export type ScanReply =
  | { type: 'progress'; fraction: number }
  | { type: 'ready'; backend: string }
  | { type: 'result'; outcome: ScanOutcome; width: number; height: number; ms: number }
  | { type: 'error'; message: string };

/** Frames and photos are analysed at most this large (the longer side, in pixels). */
const MAX_SIDE = 640;
const MAX_BOXES = 20;
const MIN_SCORE = 0.5;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let detector: Detector | null = null;
let catalogue: CatalogueEntry[] = [];
let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;

const post = (m: ScanReply) => scope.postMessage(m);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Draws a bitmap scaled to at most MAX_SIDE and reads its pixels back. */
function pixels(bitmap: ImageBitmap): ImageData {
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  if (!canvas || !ctx) {
    canvas = new OffscreenCanvas(width, height);
    ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('This browser cannot draw pictures in a worker (no OffscreenCanvas 2D).');
  }
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  ctx.drawImage(bitmap, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

async function describePhoto(url: string): Promise<Descriptor | null> {
  try {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) return null;
    const bitmap = await createImageBitmap(await res.blob());
    try {
      const img = pixels(bitmap);
      return describeRegion(img.data, img.width, img.height);
    } finally {
      bitmap.close();
    }
  } catch {
    return null; // a missing reference photo only weakens matching by photo
  }
}

/**
 * WebGL drawn by the CPU (SwiftShader, llvmpipe: a machine without a usable GPU) ran the detector at
 * about 4.5 s a frame in the bench, against 0.16 s on wasm: there, wasm goes first.
 */
function softwareWebgl(): boolean {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return /swiftshader|llvmpipe|software|basic render/i.test(renderer);
  } catch {
    return false;
  }
}

async function init(modelUrl: string, entries: ScanCatalogueEntry[]): Promise<void> {
  const photos = entries.reduce((n, e) => n + e.photos.length, 0);
  // The weights are most of the wait; the reference photos take the last tenth when there are any.
  const weightShare = photos ? 0.9 : 1;
  detector = await loadDetector({
    modelUrl,
    backends: softwareWebgl() ? ['wasm', 'cpu'] : ['webgl', 'wasm', 'cpu'],
    wasmPaths: {
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
    },
    onProgress: (f: number) => post({ type: 'progress', fraction: Math.min(1, Math.max(0, f)) * weightShare }),
  });
  let done = 0;
  catalogue = [];
  for (const e of entries) {
    const references: Descriptor[] = [];
    for (const url of e.photos) {
      const d = await describePhoto(url);
      if (d) references.push(d);
      post({ type: 'progress', fraction: weightShare + ((1 - weightShare) * ++done) / photos });
    }
    catalogue.push({ productId: e.productId, productName: e.productName, cocoClasses: e.cocoClasses, references } as CatalogueEntry);
  }
  post({ type: 'progress', fraction: 1 });
  post({ type: 'ready', backend: detector.backend });
}

async function scan(bitmap: ImageBitmap): Promise<void> {
  const started = performance.now();
  let img: ImageData;
  try {
    img = pixels(bitmap);
  } finally {
    bitmap.close();
  }
  if (!detector) throw new Error('The detector is not loaded yet.');
  const detections = await detector.detect(img, MAX_BOXES, MIN_SCORE);
  const regions = detections.map((d) => {
    try {
      return describeRegion(img.data, img.width, img.height, d.box);
    } catch {
      return null;
    }
  });
  const outcome = matchProducts(detections, regions, catalogue);
  post({ type: 'result', outcome, width: img.width, height: img.height, ms: Math.round(performance.now() - started) });
}

scope.onmessage = (ev: MessageEvent<ScanRequest>) => {
  const m = ev.data;
  const job = m.type === 'init' ? init(m.modelUrl, m.catalogue) : m.type === 'frame' ? scan(m.bitmap) : Promise.resolve();
  job.catch((e: unknown) => post({ type: 'error', message: messageOf(e) }));
};
