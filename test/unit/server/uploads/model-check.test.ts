/** What an author sees when the studio checks an upload: a built-in product passes; each bad file is refused and told why and where. */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { validateBytes } from 'gltf-validator';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkModel, type ModelCheck, type UploadIssue } from '../../../../src/server/uploads/model-check';
import { MAX_UPLOAD_BYTES } from '../../../../src/server/uploads/model-limits';
import { embeddedGltf, joinGlb, productGlb, splitGlb, triangleGlb, withTexture } from './upload-fixtures';

// The validator, watched: the cheap checks must refuse hostile files before it runs.
vi.mock('gltf-validator', async (original) => {
  const real = await original<typeof import('gltf-validator')>();
  return { ...real, validateBytes: vi.fn(real.validateBytes) };
});

const errorsOf = (result: ModelCheck): UploadIssue[] => {
  if (result.ok) throw new Error('expected the upload to be refused');
  return result.errors;
};

beforeEach(() => {
  vi.mocked(validateBytes).mockClear();
});

describe('checkModel accepts', () => {
  it('a built-in product: validator clean, its parts, triangles and texture sizes counted', async () => {
    const glb = await productGlb();
    const result = await checkModel(glb, 'charger.glb');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { json } = splitGlb(glb);
    const validator = await validateBytes(glb, { writeTimestamp: false });
    expect(result.report).toMatchObject({ format: 'glb', bytes: glb.byteLength, nodes: json.nodes.length, warnings: [] });
    expect(result.report.triangles).toBe(validator.info!.totalTriangleCount);
    expect(result.report.textures).toHaveLength(json.images.length);
    const first = json.images[0];
    const view = json.bufferViews[first.bufferView];
    const decoded = await loadImage(Buffer.from(splitGlb(glb).bin.subarray(view.byteOffset ?? 0, (view.byteOffset ?? 0) + view.byteLength)));
    expect(result.report.textures[0]).toEqual({ pointer: 'images[0]', mimeType: first.mimeType, width: decoded.width, height: decoded.height });
  });

  it('the same product as a .gltf with embedded data: URIs, read the same', async () => {
    const glb = await productGlb();
    const [fromGlb, fromGltf] = await Promise.all([checkModel(glb, 'charger.glb'), checkModel(await embeddedGltf(glb), 'charger.gltf')]);
    if (!fromGlb.ok || !fromGltf.ok) throw new Error('refused');
    expect(fromGltf.report.format).toBe('gltf');
    for (const key of ['nodes', 'triangles', 'textures'] as const) expect(fromGltf.report[key]).toEqual(fromGlb.report[key]);
  });

  it("with the validator's warnings in the report", async () => {
    const { json, bin } = splitGlb(await triangleGlb());
    json.materials = [{ alphaCutoff: 0.3 }];
    json.meshes[0].primitives[0].material = 0;
    const result = await checkModel(joinGlb(json, bin), 'part.glb');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.warnings).toEqual([
      { code: 'gltf_warning', validatorCode: 'MATERIAL_ALPHA_CUTOFF_INVALID_MODE', pointer: 'materials[0].alphaCutoff', message: "Alpha cutoff is supported only for 'MASK' alpha mode." },
    ]);
  });
});

describe('checkModel refuses', () => {
  it('a truncated GLB, saying so, with the length its header declares and the length it has', async () => {
    const glb = await productGlb();
    const half = glb.slice(0, Math.floor(glb.length / 2));
    const [error, ...rest] = errorsOf(await checkModel(half, 'charger.glb'));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: 'glb_truncated', pointer: 'GLB header.length' });
    expect(error!.message).toMatch(/truncated/);
    expect(error!.message).toContain(`declares ${glb.length.toLocaleString('en-US')} bytes but the file has ${half.length.toLocaleString('en-US')}`);
  });

  it('a GLB cut inside its binary chunk whose header was patched, naming the chunk', async () => {
    const whole = await productGlb();
    const binStart = 20 + new DataView(whole.buffer, whole.byteOffset).getUint32(12, true);
    const glb = whole.slice(0, binStart + 8 + 1000);
    new DataView(glb.buffer).setUint32(8, glb.length, true);
    const [error] = errorsOf(await checkModel(glb, 'charger.glb'));
    expect(error).toMatchObject({ code: 'glb_truncated', pointer: 'GLB chunk 1.length' });
    expect(error!.message).toMatch(/^The GLB is truncated: GLB chunk 1 declares [\d,]+ bytes but only 1,000 remain in the file\.$/);
  });

  it('a PNG renamed .glb, naming the format it found', async () => {
    const png = new Uint8Array(createCanvas(8, 8).toBuffer('image/png'));
    const [error] = errorsOf(await checkModel(png, 'photo.glb'));
    expect(error).toMatchObject({ code: 'not_gltf', pointer: 'file' });
    expect(error!.message).toMatch(/^"photo\.glb" is a PNG image, not a glTF model/);
  });

  it('a glTF whose buffers declare 4 GB, before running the validator and without allocating them', async () => {
    const { json, bin } = splitGlb(await triangleGlb());
    json.buffers[0].byteLength = 4 * 1024 ** 3;
    const upload = joinGlb(json, bin);
    const memory = process.memoryUsage();
    const started = performance.now();
    const errors = errorsOf(await checkModel(upload, 'huge.glb'));
    const elapsed = performance.now() - started;
    const after = process.memoryUsage();
    expect(errors.map((e) => [e.code, e.pointer])).toEqual([
      ['buffers_too_large', 'buffers'],
      ['buffer_missing_bytes', 'buffers[0].byteLength'],
    ]);
    expect(errors[0]!.message).toBe('The buffers declare 4.0 GB in all; a model may declare at most 50.0 MB, the upload cap.');
    expect(errors[1]!.message).toContain('buffers[0] declares 4.0 GB (4,294,967,296 bytes) but the GLB binary chunk holds 36 bytes');
    expect(validateBytes).not.toHaveBeenCalled();
    expect(after.arrayBuffers - memory.arrayBuffers).toBeLessThan(16 * 1024 ** 2);
    expect(after.rss - memory.rss).toBeLessThan(64 * 1024 ** 2);
    expect(elapsed).toBeLessThan(500);
  });

  it('meshopt-compressed buffers that would decode to gigabytes', async () => {
    const { json, bin } = splitGlb(await triangleGlb());
    json.buffers.push({ byteLength: 3 * 1024 ** 3, extensions: { EXT_meshopt_compression: { fallback: true } } });
    const [error] = errorsOf(await checkModel(joinGlb(json, bin), 'bomb.glb'));
    expect(error).toMatchObject({ code: 'buffers_too_large', message: expect.stringMatching(/decode to 3\.0 GB; at most 200\.0 MB/) });
    expect(validateBytes).not.toHaveBeenCalled();
  });

  it('a model with 100k nodes, naming the cap, before running the validator', async () => {
    const { json, bin } = splitGlb(await triangleGlb());
    json.nodes = [json.nodes[0], ...Array.from({ length: 99_999 }, (_, i) => ({ name: `bolt-${i}` }))];
    const [error, ...rest] = errorsOf(await checkModel(joinGlb(json, bin), 'assembly.glb'));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: 'too_many_nodes', pointer: 'nodes' });
    expect(error!.message).toMatch(/^The model has 100,000 nodes; at most 10,000 are accepted/);
    expect(validateBytes).not.toHaveBeenCalled();
  });

  it('a model that declares millions of triangles, counted from its accessors before anything is read', async () => {
    const { json, bin } = splitGlb(await triangleGlb());
    json.accessors[0].count = 3_000_000;
    const [error] = errorsOf(await checkModel(joinGlb(json, bin), 'scan.glb'));
    expect(error).toMatchObject({ code: 'too_many_triangles', pointer: 'meshes' });
    expect(error!.message).toMatch(/about 1,000,000 triangles, lines and points; at most 500,000/);
    expect(validateBytes).not.toHaveBeenCalled();
  });

  it("an accessor that points past its bufferView, with the validator's message and pointer", async () => {
    const { json, bin } = splitGlb(await triangleGlb());
    json.accessors[0].byteOffset = 24;
    const errors = errorsOf(await checkModel(joinGlb(json, bin), 'part.glb'));
    expect(errors).toEqual([
      {
        code: 'gltf_invalid',
        validatorCode: 'ACCESSOR_TOO_LONG',
        pointer: 'accessors[0]',
        message: 'Accessor (offset: 24, length: 36) does not fit referenced bufferView [0] length 36.',
      },
    ]);
    expect(validateBytes).toHaveBeenCalledOnce();
  });

  it('a .gltf that refers to an external file', async () => {
    const { json } = splitGlb(await triangleGlb());
    json.buffers[0].uri = 'charger.bin';
    const [error] = errorsOf(await checkModel(new TextEncoder().encode(JSON.stringify(json)), 'charger.gltf'));
    expect(error).toMatchObject({ code: 'external_uri', pointer: 'buffers[0].uri' });
    expect(error!.message).toMatch(/refers to a separate file \("charger\.bin"\).*export a \.glb/);
    expect(validateBytes).not.toHaveBeenCalled();
  });

  it('a Draco-compressed model, which the studio cannot decode', async () => {
    const { json, bin } = splitGlb(await triangleGlb());
    json.extensionsUsed = json.extensionsRequired = ['KHR_draco_mesh_compression'];
    const [error] = errorsOf(await checkModel(joinGlb(json, bin), 'draco.glb'));
    expect(error).toMatchObject({ code: 'unsupported_extension', pointer: 'extensionsRequired[0]', message: expect.stringMatching(/^Draco-compressed meshes cannot be read here/) });
  });

  it('a texture wider than 8192 px, read from its PNG header', async () => {
    const png = new Uint8Array(createCanvas(8193, 2).toBuffer('image/png'));
    const upload = await withTexture(await productGlb(), png);
    const index = splitGlb(upload).json.images.length - 1;
    const [error] = errorsOf(await checkModel(upload, 'charger.glb'));
    expect(error).toMatchObject({ code: 'texture_too_large', pointer: `images[${index}]` });
    expect(error!.message).toMatch(/^This texture is 8193 × 2 px; at most 8192 px on a side/);
  });

  it('a file over the upload cap, and an empty one', async () => {
    const [tooLarge] = errorsOf(await checkModel(new Uint8Array(MAX_UPLOAD_BYTES + 1), 'scan.glb'));
    expect(tooLarge).toMatchObject({ code: 'too_large', message: expect.stringMatching(/^"scan\.glb" is 50\.0 MB \(52,428,801 bytes\); uploads may be at most 50\.0 MB/) });
    const [empty] = errorsOf(await checkModel(new Uint8Array(), 'scan.glb'));
    expect(empty).toMatchObject({ code: 'empty', pointer: 'file' });
  });
});
