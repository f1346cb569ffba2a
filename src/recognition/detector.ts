/**
 * The COCO-SSD object detector (lite_mobilenet_v2), usable in Node (the `twinspect scan` command,
 * tests) and in a browser worker. Nothing here touches DOM globals at import time; backends are
 * imported lazily, only the ones tried.
 *
 * coco-ssd's own load() takes no onProgress and no fetch function, so the GraphModel is loaded here
 * with tfjs-converter's loadGraphModel and handed to coco-ssd's ObjectDetection (which then does the
 * pre- and post-processing: resize inside the graph, NMS, class names).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfconv from '@tensorflow/tfjs-converter';
import { ObjectDetection } from '@tensorflow-models/coco-ssd';
import { describeRegion, type Descriptor } from '../domain/image-descriptor';
import { matchProducts, type CatalogueEntry, type Detection, type ScanOutcome } from '../domain/recognition';

export type { Detection } from '../domain/recognition';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** An RGBA image as ImageData, a bitmap, a canvas, or a plain { data, width, height } (4 bytes a pixel). */
export type RgbaPixels = { data: Uint8ClampedArray | Uint8Array; width: number; height: number };
export type PixelsInput = ImageData | ImageBitmap | OffscreenCanvas | RgbaPixels;

export interface Detector {
  backend: BackendName;
  /** Defaults as COCO-SSD's: maxBoxes 20, minScore 0.5. */
  detect(input: PixelsInput, maxBoxes?: number, minScore?: number): Promise<Detection[]>;
  dispose(): void;
}

export interface LoadDetectorOptions {
  /** URL (browser) or path / file:// URL (Node, with fetchFunc: fileFetch) of the model.json. */
  modelUrl: string;
  /** Tried in order; the first that initialises wins. */
  backends: BackendName[];
  /** For the wasm backend: a directory prefix ending in '/', or a map of .wasm file names to URLs. */
  wasmPaths?: string | Record<string, string>;
  /** 0..1 while the weights download. */
  onProgress?: (fraction: number) => void;
  /** Used to fetch model.json and the weight shards (fileFetch in Node). */
  fetchFunc?: typeof fetch;
}

export const DEFAULT_MAX_BOXES = 20;
export const DEFAULT_MIN_SCORE = 0.5;

/** Registers and selects the first backend of `backends` that works; returns its name. */
export async function selectBackend(
  backends: BackendName[],
  wasmPaths?: string | Record<string, string>,
): Promise<BackendName> {
  const failures: string[] = [];
  for (const name of backends) {
    try {
      await importBackend(name, wasmPaths);
      if (await tf.setBackend(name)) {
        await tf.ready();
        return name;
      }
      failures.push(`${name}: did not initialise`);
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could start (${failures.join('; ') || 'none requested'})`);
}

async function importBackend(name: BackendName, wasmPaths?: string | Record<string, string>): Promise<void> {
  switch (name) {
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      // coco-ssd runs its non-max suppression on the cpu backend when webgl is active.
      await import('@tensorflow/tfjs-backend-cpu');
      return;
    case 'wasm': {
      const wasm = (await import('@tensorflow/tfjs-backend-wasm')) as typeof import('@tensorflow/tfjs-backend-wasm') & {
        default?: typeof import('@tensorflow/tfjs-backend-wasm');
      };
      const setWasmPaths = wasm.setWasmPaths ?? wasm.default?.setWasmPaths;
      if (wasmPaths !== undefined && setWasmPaths) setWasmPaths(wasmPaths);
      return;
    }
  }
}

export async function loadDetector(opts: LoadDetectorOptions): Promise<Detector> {
  const backend = await selectBackend(opts.backends, opts.wasmPaths);
  const loadOptions: tf.io.LoadOptions = {};
  if (opts.onProgress) loadOptions.onProgress = opts.onProgress;
  if (opts.fetchFunc) loadOptions.fetchFunc = opts.fetchFunc;
  const graph = await tfconv.loadGraphModel(opts.modelUrl, loadOptions);
  // Warm up once (compiles kernels / shaders), as coco-ssd's own load() does.
  const zeros = tf.zeros([1, 300, 300, 3], 'int32');
  const warm = (await graph.executeAsync(zeros)) as tf.Tensor[];
  await Promise.all(warm.map((t) => t.data()));
  tf.dispose([zeros, ...warm]);
  const model = new ObjectDetection('lite_mobilenet_v2', opts.modelUrl);
  (model as unknown as { model: tfconv.GraphModel }).model = graph;
  opts.onProgress?.(1);

  return {
    backend,
    async detect(input, maxBoxes = DEFAULT_MAX_BOXES, minScore = DEFAULT_MIN_SCORE) {
      const image = toTensor(input);
      try {
        const found = await model.detect(image, maxBoxes, minScore);
        return found.map((d) => ({ cocoClass: d.class, score: d.score, box: [d.bbox[0], d.bbox[1], d.bbox[2], d.bbox[3]] }));
      } finally {
        image.dispose();
      }
    },
    dispose() {
      model.dispose();
    },
  };
}

/**
 * The whole pipeline on one image, for the worker and for Node alike: detect (maxBoxes 20, minScore 0.5
 * by default), describe each detection's region from the RGBA pixels, match against the catalogue.
 */
export async function scanPixels(
  detector: Detector,
  input: PixelsInput,
  catalogue: CatalogueEntry[],
  maxBoxes = DEFAULT_MAX_BOXES,
  minScore = DEFAULT_MIN_SCORE,
): Promise<ScanOutcome> {
  const image = toRgba(input);
  const detections = await detector.detect(image, maxBoxes, minScore);
  const regions = detections.map((d) => describeRegion(image.data, image.width, image.height, d.box));
  return matchProducts(detections, regions, catalogue);
}

/**
 * The reference descriptors of one product photo: the whole photo, plus (with a detector) each region
 * where the detector finds one of the product's cocoClasses — a photo often shows more than the product.
 * The same in the worker and in Node, so that both match alike.
 */
export async function describeReferencePhoto(
  input: PixelsInput,
  cocoClasses: readonly string[],
  detector?: Detector,
): Promise<Descriptor[]> {
  const image = toRgba(input);
  const out = [describeRegion(image.data, image.width, image.height)];
  if (detector) {
    for (const d of await detector.detect(image, DEFAULT_MAX_BOXES, DEFAULT_MIN_SCORE)) {
      if (cocoClasses.includes(d.cocoClass)) out.push(describeRegion(image.data, image.width, image.height, d.box));
    }
  }
  return out;
}

/**
 * RGBA pixels of the input: as is for ImageData and plain objects; drawn on an OffscreenCanvas for an
 * ImageBitmap, or read from an OffscreenCanvas with a 2D context (worker / browser only).
 */
export function toRgba(input: PixelsInput): RgbaPixels {
  if (isRgba(input)) return input;
  let canvas: OffscreenCanvas;
  if (typeof OffscreenCanvas !== 'undefined' && input instanceof OffscreenCanvas) canvas = input;
  else {
    if (typeof OffscreenCanvas === 'undefined') throw new Error('toRgba: OffscreenCanvas is not available to read an ImageBitmap');
    const bitmap = input as ImageBitmap;
    canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('toRgba: no 2D context on OffscreenCanvas');
    ctx.drawImage(bitmap, 0, 0);
  }
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | null;
  if (!ctx) throw new Error('toRgba: the OffscreenCanvas has no 2D context (it holds a WebGL one); pass an ImageBitmap or ImageData');
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

function isRgba(input: PixelsInput): input is RgbaPixels {
  const data = (input as Partial<RgbaPixels>).data;
  return data instanceof Uint8ClampedArray || data instanceof Uint8Array;
}

/** An RGB int32 Tensor3D [height, width, 3] of the input. */
export function toTensor(input: PixelsInput): tf.Tensor3D {
  if (isRgba(input)) return rgbaToTensor(input);
  if (typeof OffscreenCanvas !== 'undefined' && input instanceof OffscreenCanvas) {
    const ctx = input.getContext('2d') as OffscreenCanvasRenderingContext2D | null;
    if (ctx) return rgbaToTensor(ctx.getImageData(0, 0, input.width, input.height));
  }
  return tf.browser.fromPixels(input as ImageBitmap, 3);
}

function rgbaToTensor({ data, width, height }: RgbaPixels): tf.Tensor3D {
  const pixels = width * height;
  if (data.length < pixels * 4) throw new Error(`image data of ${data.length} bytes is too small for ${width}×${height} RGBA`);
  const rgb = new Int32Array(pixels * 3);
  for (let p = 0, q = 0; p < pixels; p++, q += 4) {
    rgb[p * 3] = data[q]!;
    rgb[p * 3 + 1] = data[q + 1]!;
    rgb[p * 3 + 2] = data[q + 2]!;
  }
  return tf.tensor3d(rgb, [height, width, 3], 'int32');
}
