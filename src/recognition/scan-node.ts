/**
 * The recognition pipeline in Node (wasm backend): decode photos with @napi-rs/canvas, detect with
 * COCO-SSD, describe each detected region, match against the catalogue. Used by `twinspect scan`
 * and the integration tests. Node only.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PackManifest, Product } from '../domain/catalogue';
import type { Descriptor } from '../domain/image-descriptor';
import type { CatalogueEntry, ScanOutcome } from '../domain/recognition';
import { describeReferencePhoto, loadDetector, scanPixels, type BackendName, type Detector, type RgbaPixels } from './detector';
import { fileFetch } from './file-fetch';

export { fileFetch } from './file-fetch';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (this file is src/recognition/scan-node.ts). */
export const REPO_ROOT = resolve(here, '..', '..');
export const DEFAULT_MODEL_PATH = join(REPO_ROOT, 'public', 'models', 'coco-ssd', 'model.json');
/** What the fixtures README used: maxBoxes 20, minScore 0.5. */
export const SCAN_MAX_BOXES = 20;
export const SCAN_MIN_SCORE = 0.5;

/** The directory holding tfjs-backend-wasm's .wasm files, ending in '/'. */
export function nodeWasmDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
}

/** Loads COCO-SSD from public/models/coco-ssd on disk (no network), wasm backend by default. */
export function loadNodeDetector(opts: { modelPath?: string; backends?: BackendName[] } = {}): Promise<Detector> {
  return loadDetector({
    modelUrl: opts.modelPath ?? DEFAULT_MODEL_PATH,
    backends: opts.backends ?? ['wasm'],
    wasmPaths: nodeWasmDir(),
    fetchFunc: fileFetch,
  });
}

export class ImageFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ImageFileError';
  }
}

/** Decodes a JPEG/PNG/WebP file to RGBA. Throws ImageFileError naming the file when it is missing or undecodable. */
export async function decodeImageFile(file: string): Promise<RgbaPixels> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImageFileError(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(error));
  }
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(bytes);
  } catch (error) {
    throw new ImageFileError(file, `not a decodable image (${error instanceof Error ? error.message : String(error)})`);
  }
  const { width, height } = image;
  if (!(width > 0 && height > 0)) throw new ImageFileError(file, 'not a decodable image (no pixels)');
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, width, height).data;
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height };
}

export interface PhotoScan {
  file: string;
  width: number;
  height: number;
  outcome: ScanOutcome;
}

/**
 * Scans each photo: detect (maxBoxes 20, minScore 0.5), describe each detection's region, match.
 * Pass `detector` to reuse a loaded one; otherwise one is loaded (wasm) and disposed at the end.
 */
export async function scanPhotos(
  files: string[],
  opts: { catalogue: CatalogueEntry[]; detector?: Detector },
): Promise<PhotoScan[]> {
  const detector = opts.detector ?? (await loadNodeDetector());
  try {
    const results: PhotoScan[] = [];
    for (const file of files) {
      const image = await decodeImageFile(file);
      results.push({ file, width: image.width, height: image.height, outcome: await scanImage(detector, image, opts.catalogue) });
    }
    return results;
  } finally {
    if (!opts.detector) detector.dispose();
  }
}

/** The pipeline on one decoded image: detect (maxBoxes 20, minScore 0.5), describe each detection's region, match. */
export function scanImage(detector: Detector, image: RgbaPixels, catalogue: CatalogueEntry[]): Promise<ScanOutcome> {
  return scanPixels(detector, image, catalogue, SCAN_MAX_BOXES, SCAN_MIN_SCORE);
}

/**
 * The catalogue for matching, from a content pack folder (pack.json, products/<id>/product.json),
 * checked with the domain schemas; each product's reference photos (paths relative to its folder)
 * are decoded and described as whole images. With `detector`, the regions of each photo where the
 * detector finds one of the product's cocoClasses are added as references too (a photo often shows
 * more than the product).
 */
export async function catalogueEntries(contentDir: string, opts: { detector?: Detector } = {}): Promise<CatalogueEntry[]> {
  const manifestFile = join(contentDir, 'pack.json');
  const manifest = PackManifest.safeParse(await readJson(manifestFile));
  if (!manifest.success) throw new Error(`${manifestFile}: not a content pack (${manifest.error.issues[0]?.message ?? 'invalid'})`);
  const entries: CatalogueEntry[] = [];
  for (const id of manifest.data.products) {
    const folder = join(contentDir, 'products', id);
    const productFile = join(folder, 'product.json');
    const parsed = Product.safeParse(await readJson(productFile));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${productFile}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid product'}`);
    }
    const product = parsed.data;
    const references: Descriptor[] = [];
    for (const photo of product.photos) {
      references.push(...(await describeReferencePhoto(await decodeImageFile(join(folder, photo.file)), product.cocoClasses, opts.detector)));
    }
    entries.push({ productId: product.id, productName: product.name, cocoClasses: [...product.cocoClasses], references });
  }
  return entries;
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${file}: ${code === 'ENOENT' ? 'no such file' : String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
