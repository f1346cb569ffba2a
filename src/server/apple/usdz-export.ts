/**
 * A GLB to USDZ for Apple's AR Quick Look (iPhone, iPad, Vision Pro), with three's USDZExporter, in
 * Node: GLTFLoader reads the GLB (meshopt through meshoptimizer's decoder, quantised attributes as
 * three reads them; Draco, which no upload keeps, decoded first with glTF-Transform and draco3d), its
 * textures are decoded with @napi-rs/canvas instead of an <img>, and the exporter writes them back as
 * PNG or JPEG through a canvas of @napi-rs/canvas lent to it for the export only (see withCanvasShim).
 */
import { Canvas, createCanvas, loadImage } from '@napi-rs/canvas';
import { MeshoptDecoder } from 'meshoptimizer';
import {
  ClampToEdgeWrapping,
  LinearFilter,
  LinearMipmapLinearFilter,
  LinearMipmapNearestFilter,
  type Mesh,
  MirroredRepeatWrapping,
  NearestFilter,
  NearestMipmapLinearFilter,
  NearestMipmapNearestFilter,
  type Object3D,
  RepeatWrapping,
  Texture,
  type MagnificationTextureFilter,
  type MinificationTextureFilter,
  type Wrapping,
} from 'three';
import { USDZExporter } from 'three/examples/jsm/exporters/USDZExporter.js';
import { GLTFLoader, type GLTFLoaderPlugin, type GLTFParser } from 'three/examples/jsm/loaders/GLTFLoader.js';

export interface UsdzExport {
  bytes: Uint8Array;
  /** What could not be carried over (a texture in a format that cannot be decoded here), for the log. */
  warnings: string[];
}

const FILTERS: Record<number, MagnificationTextureFilter | MinificationTextureFilter> = {
  9728: NearestFilter,
  9729: LinearFilter,
  9984: NearestMipmapNearestFilter,
  9985: LinearMipmapNearestFilter,
  9986: NearestMipmapLinearFilter,
  9987: LinearMipmapLinearFilter,
};
const WRAPS: Record<number, Wrapping> = { 33071: ClampToEdgeWrapping, 33648: MirroredRepeatWrapping, 10497: RepeatWrapping };
/** Image formats @napi-rs/canvas decodes; KTX2 (basisu) it does not. */
const DECODABLE = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/avif']);

interface TextureDef {
  source?: number;
  sampler?: number;
  name?: string;
  extensions?: Record<string, { source?: number }>;
}
interface ImageDef {
  bufferView?: number;
  mimeType?: string;
  uri?: string;
  name?: string;
}

/**
 * Loads a glTF texture the way GLTFLoader's own loadTexture does (sampler, flipY, mime type), but
 * decodes the image with @napi-rs/canvas and keeps it on a canvas: GLTFLoader's path goes through
 * `self.URL` and an <img>, which Node has not.
 */
class CanvasTexturePlugin implements GLTFLoaderPlugin {
  readonly name = 'TWINSPECT_canvas_textures';
  constructor(
    private readonly parser: GLTFParser,
    private readonly warnings: string[],
  ) {}

  /** A texture, or null (as a promise: three's own path cannot run in Node) when it cannot be decoded. */
  loadTexture(index: number): Promise<Texture> {
    return this.load(index) as Promise<Texture>;
  }

  private load(index: number): Promise<Texture | null> {
    const json = this.parser.json as { textures: TextureDef[]; images: ImageDef[]; samplers?: { magFilter?: number; minFilter?: number; wrapS?: number; wrapT?: number }[] };
    const def = json.textures[index]!;
    const ext = def.extensions ?? {};
    const source = ext.EXT_texture_webp?.source ?? ext.EXT_texture_avif?.source ?? def.source ?? ext.KHR_texture_basisu?.source;
    const image = source === undefined ? undefined : json.images[source];
    const label = `texture ${index}${def.name ? ` (${def.name})` : ''}`;
    const mimeType = image?.mimeType ?? /^data:(image\/\w+)/.exec(image?.uri ?? '')?.[1] ?? '';
    if (!image || image.bufferView === undefined || !DECODABLE.has(mimeType)) {
      this.warnings.push(`${label} left out: ${image?.bufferView === undefined ? 'its image is not inside the GLB' : `${mimeType || 'an unknown format'} cannot be decoded here`}`);
      return Promise.resolve(null);
    }
    return (this.parser.getDependency('bufferView', image.bufferView) as Promise<ArrayBuffer>).then(
      async (view) => {
        const decoded = await loadImage(Buffer.from(view));
        const canvas = createCanvas(decoded.width, decoded.height);
        canvas.getContext('2d').drawImage(decoded, 0, 0);
        const texture = new Texture(canvas as unknown as HTMLCanvasElement);
        const sampler = json.samplers?.[def.sampler ?? -1] ?? {};
        texture.flipY = false;
        texture.name = def.name ?? image.name ?? '';
        texture.magFilter = (FILTERS[sampler.magFilter ?? -1] as MagnificationTextureFilter | undefined) ?? LinearFilter;
        texture.minFilter = FILTERS[sampler.minFilter ?? -1] ?? LinearMipmapLinearFilter;
        texture.wrapS = WRAPS[sampler.wrapS ?? -1] ?? RepeatWrapping;
        texture.wrapT = WRAPS[sampler.wrapT ?? -1] ?? RepeatWrapping;
        // The exporter writes a JPEG as JPEG and everything else as PNG.
        texture.userData.mimeType = mimeType === 'image/jpeg' ? 'image/jpeg' : 'image/png';
        texture.needsUpdate = true;
        this.parser.associations.set(texture, { textures: index });
        return texture;
      },
      (err: unknown) => {
        this.warnings.push(`${label} left out: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      },
    );
  }
}

const GLB_JSON_CHUNK = 0x4e4f534a;

/** The names in the GLB's extensionsUsed, read from its JSON chunk. */
export function glbExtensionsUsed(glb: Uint8Array): string[] {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  if (glb.byteLength < 20 || view.getUint32(0, true) !== 0x46546c67) throw new Error('not a GLB file (no glTF magic)');
  const length = view.getUint32(12, true);
  if (view.getUint32(16, true) !== GLB_JSON_CHUNK || 20 + length > glb.byteLength) throw new Error('the GLB has no JSON chunk first');
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + length))) as { extensionsUsed?: string[] };
  return json.extensionsUsed ?? [];
}

/** A Draco-compressed GLB rewritten with plain geometry (glTF-Transform with draco3d's decoder). */
async function withoutDraco(glb: Uint8Array): Promise<Uint8Array> {
  const [{ NodeIO }, { ALL_EXTENSIONS }, draco3d] = await Promise.all([
    import('@gltf-transform/core'),
    import('@gltf-transform/extensions'),
    import('draco3d'),
  ]);
  const io = new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({
    'draco3d.decoder': await draco3d.default.createDecoderModule(),
    'meshopt.decoder': MeshoptDecoder,
  });
  const doc = await io.readBinary(glb);
  for (const ext of doc.getRoot().listExtensionsUsed()) {
    if (ext.extensionName === 'KHR_draco_mesh_compression' || ext.extensionName === 'EXT_meshopt_compression') ext.dispose();
  }
  return io.writeBinary(doc);
}

/** Reads a GLB into three objects, in Node. */
export async function loadGlb(glb: Uint8Array, warnings: string[] = []) {
  await MeshoptDecoder.ready;
  const bytes = glbExtensionsUsed(glb).includes('KHR_draco_mesh_compression') ? await withoutDraco(glb) : glb;
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder as unknown as Parameters<GLTFLoader['setMeshoptDecoder']>[0]);
  // First in line, so that three's EXT_texture_webp/avif plugins, which probe an <img>, never run.
  (loader as unknown as { pluginCallbacks: ((p: GLTFParser) => GLTFLoaderPlugin)[] }).pluginCallbacks.unshift(
    (parser) => new CanvasTexturePlugin(parser, warnings),
  );
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return loader.parseAsync(buffer, '');
}

/**
 * USDZExporter draws each texture on `document.createElement('canvas')` and accepts only images that are
 * `instanceof` a DOM image or canvas class. For the export, and only while it runs, `document` makes
 * @napi-rs/canvas canvases and HTMLCanvasElement is @napi-rs/canvas's Canvas; both are put back as they
 * were afterwards (Node has neither). Exports take turns, so that no two share the globals.
 */
let turn: Promise<unknown> = Promise.resolve();

async function withCanvasShim<T>(run: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  const saved = { document: Object.getOwnPropertyDescriptor(g, 'document'), HTMLCanvasElement: Object.getOwnPropertyDescriptor(g, 'HTMLCanvasElement') };
  const shimDocument = {
    createElement(tag: string) {
      if (tag !== 'canvas') throw new Error(`the USDZ export's document makes canvases only, not <${tag}>`);
      return createCanvas(1, 1);
    },
  };
  if (!saved.document) Object.defineProperty(g, 'document', { value: shimDocument, configurable: true, writable: true });
  if (!saved.HTMLCanvasElement) Object.defineProperty(g, 'HTMLCanvasElement', { value: Canvas, configurable: true, writable: true });
  try {
    return await run();
  } finally {
    for (const key of ['document', 'HTMLCanvasElement'] as const) {
      if (!saved[key]) delete g[key];
    }
  }
}

/**
 * glTF asks for flat normals where a mesh has none; USDZExporter would write zeros, which Quick Look
 * shades black. Such meshes get their flat normals here.
 */
function withNormals(scene: Object3D, warnings: string[]): void {
  let made = 0;
  scene.traverse((o) => {
    const mesh = o as Mesh;
    if (!mesh.isMesh || mesh.geometry.attributes.normal) return;
    const flat = mesh.geometry.index ? mesh.geometry.toNonIndexed() : mesh.geometry;
    flat.computeVertexNormals();
    mesh.geometry = flat;
    made++;
  });
  if (made) warnings.push(`${made} mesh${made === 1 ? '' : 'es'} without normals given flat ones`);
}

/** Largest texture edge written to the USDZ: Quick Look on a phone, not a headset's close-up. */
export const USDZ_MAX_TEXTURE = 1024;

/**
 * three's loader and exporter warn on the console (the exporter with the whole material object): while
 * an export runs, their warnings become one line each in the export's warnings; others pass through.
 */
async function collectingThreeWarnings<T>(warnings: string[], run: () => Promise<T>): Promise<T> {
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const first = args[0];
    if (typeof first !== 'string' || !/^THREE\.|^USDZExporter/.test(first)) return original.apply(console, args);
    const line = first.replace(/^THREE\.\w+:\s*/, '').trim();
    if (!warnings.includes(line)) warnings.push(line);
  };
  try {
    return await run();
  } finally {
    console.warn = original;
  }
}

/** The USDZ of a GLB: model.usda first, stored uncompressed, every file's data 64-byte aligned. */
export function glbToUsdz(glb: Uint8Array): Promise<UsdzExport> {
  const job = turn.then(async () => {
    const warnings: string[] = [];
    const out = await collectingThreeWarnings(warnings, async () => {
      const gltf = await loadGlb(glb, warnings);
      withNormals(gltf.scene, warnings);
      gltf.scene.updateMatrixWorld(true);
      const exporter = new USDZExporter();
      return withCanvasShim(() => exporter.parseAsync(gltf.scene, { quickLookCompatible: true, maxTextureSize: USDZ_MAX_TEXTURE }));
    });
    return { bytes: new Uint8Array(out), warnings };
  });
  turn = job.catch(() => undefined);
  return job;
}
