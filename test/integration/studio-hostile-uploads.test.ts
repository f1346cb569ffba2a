/**
 * Issue 15, points 1, 2 and 13, through the real routes: each hostile or malformed model, alone or
 * in a content pack, is refused with a 4xx, a code and words (never a crash, a 5xx or an internal
 * message), stores nothing, and /healthz answers while it is checked and after.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app';
import { deepExtrasGlb, deepNodeChainGlb, hugeSparseGlb, malformedSample, pointsOnlyGlb, unusedMeshesGlb } from '../unit/server/uploads/hostile-models';
import { productGlb } from '../unit/server/uploads/upload-fixtures';
import { buildGlb, fixtureProduct } from '../unit/server/fixture-pack';
import { declaredTotalZip, lyingZip, zerosBomb } from '../unit/server/studio/zip-fixtures';
import { signedIn, type Client } from './support/app-client';
import { whileAnswering } from './support/healthz-watch';
import { postFile, rowCount, studioApp } from './support/studio';

let app: App;
let author: Client;
const stored = async () => [await rowCount(app, 'stored_files'), await rowCount(app, 'product_versions'), await rowCount(app, 'products')];
const INTERNAL = /Cannot read properties|RangeError|TypeError|Maximum call stack|ERR_|\bat \S+ \(/;

beforeAll(async () => {
  app = await studioApp();
  author = await signedIn(app, 'ada@agency.test', 'author');
});
afterAll(() => app?.close());

/** Posts, watching /healthz; expects a 4xx refusal with this issue code, nothing stored, the server up. */
async function refusedUpload(name: string, bytes: Uint8Array, code: string, status = 400) {
  const before = await stored();
  const { result: res, healthz } = await whileAnswering(app, postFile(app, author, '/api/studio/uploads', name, bytes));
  expect(res.status, res.text).toBe(status);
  expect(res.json.error).toBe('upload_refused');
  expect(res.json.issues[0].code, res.text).toBe(code);
  expect(res.json.message).not.toMatch(INTERNAL);
  expect(healthz.length).toBeGreaterThan(0);
  expect(healthz.every((s) => s === 200)).toBe(true);
  expect(await stored()).toEqual(before);
  return res.json as { message: string; issues: { code: string; pointer: string; message: string }[] };
}

describe('POST /api/studio/uploads refuses hostile models, /healthz answering throughout', { timeout: 120_000 }, () => {
  it('JSON nested 10,000 deep in extras (it overflowed the validator and ended the process)', async () => {
    const body = await refusedUpload('deep.glb', await deepExtrasGlb(), 'json_too_deep');
    expect(body.issues[0]!.pointer).toBe('extras.a.a.a.a.a.a.a…');
    expect(body.message).toMatch(/nests more than 64 levels deep/);
  });

  it('a chain of 9,999 nested nodes', async () => {
    const body = await refusedUpload('chain.glb', await deepNodeChainGlb(), 'node_hierarchy_too_deep');
    expect(body.message).toMatch(/at most 128 are accepted/);
  });

  it('a 500-byte GLB with a sparse accessor of 40 million points', async () => {
    const glb = await hugeSparseGlb();
    expect(glb.length).toBeLessThan(1024);
    const body = await refusedUpload('sparse.glb', glb, 'too_many_triangles');
    expect(body.issues.map((i) => i.pointer)).toContain('accessors[1].count');
  });

  it('a points-only mesh over the triangle cap', async () => {
    await refusedUpload('points.glb', await pointsOnlyGlb(), 'too_many_triangles');
  });

  it('100,000 unused meshes', async () => {
    const body = await refusedUpload('unused.glb', await unusedMeshesGlb(), 'too_many_parts');
    expect(body.issues[0]!.pointer).toBe('meshes');
  });

  it('a sample of malformed files, each with its code', async () => {
    for (const { name, bytes, code } of await malformedSample()) await refusedUpload(name, bytes, code, code === 'not_gltf' ? 415 : 400);
  });

  it("a texture with no image, which the optimiser failed on as \"reading 'setTexCoord'\", in words", async () => {
    const sample = (await malformedSample()).find((s) => s.name === 'no-source.glb')!;
    const body = await refusedUpload(sample.name, sample.bytes, 'texture_without_image');
    expect(body.message).toBe('textures[0] names no image (it has no source), so nothing can be drawn with it. Assign an image to the texture or remove it, then export again.');
  });

  it('answers /healthz while an accepted model is checked and optimised on a worker', async () => {
    const { result: res, healthz } = await whileAnswering(app, postFile(app, author, '/api/studio/uploads', 'charger.glb', await productGlb()));
    expect(res.status, res.text).toBe(201);
    expect(healthz.length).toBeGreaterThan(1);
    expect(healthz.every((s) => s === 200)).toBe(true);
  });

  it('two hostile uploads at once: both refused, the server still up', async () => {
    const [a, b] = await Promise.all([
      postFile(app, author, '/api/studio/uploads', 'a.glb', await deepExtrasGlb()),
      postFile(app, author, '/api/studio/uploads', 'b.glb', await unusedMeshesGlb()),
    ]);
    expect([a.status, b.status]).toEqual([400, 400]);
    expect((await app.server.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('POST /api/studio/import refuses a pack holding a hostile model or a zip bomb, storing nothing', { timeout: 120_000 }, () => {
  async function refusedImport(zip: Uint8Array, file: string, message: RegExp) {
    const before = await stored();
    const { result: res, healthz } = await whileAnswering(app, postFile(app, author, '/api/studio/import', 'pack.zip', zip));
    expect(res.status, res.text).toBe(400);
    expect(res.json.error).toBe('invalid_pack');
    expect(res.json.issues[0].file).toBe(file);
    expect(res.json.issues[0].message).toMatch(message);
    expect(res.json.message).not.toMatch(INTERNAL);
    expect(healthz.every((s) => s === 200)).toBe(true);
    expect(await stored()).toEqual(before);
  }

  async function packWith(model: Uint8Array): Promise<Uint8Array> {
    const product = fixtureProduct('hostile-tote');
    const glb = await buildGlb();
    const files: Zippable = {
      'pack.json': strToU8(JSON.stringify({ format: 'twinspect-content-pack', version: 1, title: 'Test', products: [product.id] })),
      [`products/${product.id}/product.json`]: strToU8(JSON.stringify(product)),
    };
    product.variants.forEach((v, i) => (files[`products/${product.id}/${v.model}`] = i === 0 ? model : glb));
    return zipSync(files);
  }

  it('the 10,000-deep JSON as a model in the pack, naming the file', async () => {
    const product = fixtureProduct('hostile-tote');
    await refusedImport(await packWith(await deepExtrasGlb()), `products/hostile-tote/${product.variants[0]!.model}`, /nests more than 64 levels deep/);
  });

  it('the chain of 9,999 nodes as a model in the pack', async () => {
    const product = fixtureProduct('hostile-tote');
    await refusedImport(await packWith(await deepNodeChainGlb()), `products/hostile-tote/${product.variants[0]!.model}`, /levels deep in the node hierarchy/);
  });

  it("the prober's bomb: 25 × 50 MB of zeros in 1.3 MB, refused from its directory", async () => {
    await refusedImport(zerosBomb(), 'products/bomb/models/0.glb', /an entry may inflate at most 100:1 \(a zip bomb\?\)/);
  });

  it('entries that together declare more than a pack may hold', async () => {
    await refusedImport(declaredTotalZip(11, 50 * 1024 * 1024, 600 * 1024), 'products/big/models/10.glb', /takes the pack past 512\.0 MB uncompressed/);
  });

  it('a lying header: an entry inflating past what it declares', async () => {
    await refusedImport(lyingZip(8 * 1024 * 1024, 1000), 'pack.json', /inflates to more than the 1000 bytes its header declares/);
  });
});
