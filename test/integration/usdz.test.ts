/**
 * USDZ for Apple's AR Quick Look: a built-in variant's file is made on its first request and kept; an
 * uploaded model's file is made when its product is published, without being asked for; each is a zip
 * whose first entry is the .usda root, every entry stored uncompressed with its data 64-byte aligned,
 * holding the model's parts, materials and textures. A model that cannot be exported is logged with its
 * product and variant, and publishing goes on.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { usdzUrl } from '../../src/domain/quick-look';
import { createUsdzStore, usdzModels } from '../../src/server/apple/usdz-store';
import { createApp, type App } from '../../src/server/app';
import { fixtureProduct } from '../unit/server/fixture-pack';
import { productGlb, splitGlb } from '../unit/server/uploads/upload-fixtures';
import { usdName, usdzEntries } from '../support/usdz-zip';
import { signedIn, type Client } from './support/app-client';
import { NEW_PRODUCT, postFile, surfacePoints, tellAt } from './support/studio';

/** GLBs (by sha256) whose export is made to fail, as a model three cannot read would. */
const failing = vi.hoisted(() => new Set<string>());
vi.mock('../../src/server/apple/usdz-thread', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/server/apple/usdz-thread')>();
  const { createHash } = await import('node:crypto');
  return {
    ...real,
    glbToUsdzOffThread: async (glb: Uint8Array) => {
      if (failing.has(createHash('sha256').update(glb).digest('hex'))) throw new Error('THREE.GLTFLoader: Unexpected end of buffer');
      return real.glbToUsdzOffThread(glb);
    },
  };
});

const CONTENT = resolve(import.meta.dirname, '../../content');
let app: App;
const logs: string[] = [];
let author: Client, reviewer: Client, trainee: Client;

beforeAll(async () => {
  const tmp = (name: string) => mkdtemp(join(tmpdir(), `twinspect-${name}-`));
  app = await createApp({ port: 0, host: '127.0.0.1', dataDir: await tmp('data'), databaseUrl: undefined, contentDir: CONTENT, distDir: await tmp('dist') }, { warn: (m) => logs.push(m) });
  [author, reviewer, trainee] = await Promise.all([
    signedIn(app, 'ada@agency.test', 'author'),
    signedIn(app, 'rita@agency.test', 'reviewer'),
    signedIn(app, 'tess@agency.test', 'trainee'),
  ]);
}, 120_000);
afterAll(() => app?.close());

async function get(url: string, headers: Record<string, string> = {}) {
  return app.server.inject({ method: 'GET', url, headers });
}

/** Checks the USDZ's layout and returns its model.usda text and entry names. */
function openUsdz(bytes: Uint8Array): { usda: string; names: string[] } {
  const entries = usdzEntries(bytes);
  expect(entries.length).toBeGreaterThan(1);
  expect(entries[0]!.name).toBe('model.usda');
  for (const e of entries) {
    expect(e.method, `${e.name} is stored, not deflated`).toBe(0);
    expect(e.dataOffset % 64, `${e.name}'s data starts on a 64-byte boundary`).toBe(0);
  }
  const files = unzipSync(bytes);
  expect(Object.keys(files)).toEqual(entries.map((e) => e.name));
  return { usda: new TextDecoder().decode(files['model.usda']), names: entries.map((e) => e.name) };
}

/** The names of a GLB's nodes that hold a mesh. */
function meshNodeNames(glb: Uint8Array): string[] {
  const { json } = splitGlb(glb);
  return (json.nodes as { name?: string; mesh?: number }[]).filter((n) => n.mesh !== undefined && n.name).map((n) => n.name!);
}

async function rowsFor(glbShas: string[]) {
  return app.database.db.select().from(usdzModels).where(inArray(usdzModels.glbSha256, glbShas));
}

async function waitForRows(glbShas: string[]) {
  await vi.waitFor(async () => expect(await rowsFor(glbShas)).toHaveLength(glbShas.length), { timeout: 60_000, interval: 200 });
  return rowsFor(glbShas);
}

describe('a built-in variant', () => {
  it('is exported on its first request, once, and served as model/vnd.usdz+zip', async () => {
    const url = usdzUrl('voltria-usb-c-charger', 'genuine');
    const res = await get(url);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('model/vnd.usdz+zip');
    const bytes = new Uint8Array(res.rawPayload);
    const { usda, names } = openUsdz(bytes);
    const glb = await import('node:fs/promises').then((fs) => fs.readFile(join(CONTENT, 'products/voltria-usb-c-charger/models/genuine.glb')));
    for (const name of meshNodeNames(new Uint8Array(glb))) expect(usda).toContain(`def Xform "${usdName(name)}"`);
    expect(usda).toMatch(/def Material "Material_\d+"/);
    expect(usda).toContain('UsdPreviewSurface');
    expect(names.some((n) => n.startsWith('geometries/Geometry_'))).toBe(true);
    expect(splitGlb(new Uint8Array(glb)).json.images.length).toBeGreaterThan(0);
    expect(names.some((n) => /^textures\/Texture_\d+_\w+\.(png|jpg)$/.test(n))).toBe(true);

    const again = await get(url);
    expect(again.headers.etag).toBe(res.headers.etag);
    expect(Buffer.compare(again.rawPayload, res.rawPayload)).toBe(0);
    expect((await get(url, { 'if-none-match': String(res.headers.etag) })).statusCode).toBe(304);
    const rows = await app.database.db.select().from(usdzModels);
    expect(rows).toHaveLength(1);
    expect(`"${rows[0]!.usdzSha256}"`).toBe(res.headers.etag);
  }, 60_000);

  it('answers 404 for a variant or product that does not exist', async () => {
    expect((await get(usdzUrl('voltria-usb-c-charger', 'counterfeit-z'))).statusCode).toBe(404);
    expect((await get(usdzUrl('no-such-product', 'genuine'))).statusCode).toBe(404);
  });
});

async function upload(name: string, bytes: Uint8Array) {
  const res = await postFile(app, author, '/api/studio/uploads', name, bytes);
  expect(res.status, res.text).toBe(201);
  const stored = await author.request('GET', res.json.url);
  return { file: res.json.file as string, sha256: res.json.sha256 as string, bytes: new Uint8Array(stored.raw) };
}

/** Uploads two models, and builds, submits and publishes a product of them. */
async function publishProduct(id: string, genuineGlb: Uint8Array, fakeGlb: Uint8Array, beforePublish?: (fake: { sha256: string }) => void) {
  const genuine = await upload(`${id}.glb`, genuineGlb);
  const fake = await upload(`${id}-fake.glb`, fakeGlb);
  const made = await author.request('POST', '/api/studio/products', { ...NEW_PRODUCT, id, name: `${NEW_PRODUCT.name} ${id}` });
  expect(made.status, made.text).toBe(201);
  const [gPoint] = await surfacePoints(genuine.bytes, 1);
  const [fPoint] = await surfacePoints(fake.bytes, 1);
  const document = {
    ...made.json.document,
    variants: [
      { id: 'genuine', kind: 'genuine', label: 'Genuine', model: genuine.file, weightGrams: 62, provenance: 'Rights holder', tells: [] },
      { id: 'counterfeit-a', kind: 'counterfeit', label: 'Counterfeit A', model: fake.file, weightGrams: 41, provenance: 'Seized', tells: [tellAt('mark', fPoint!, gPoint!)] },
    ],
  };
  expect((await author.request('PUT', `/api/studio/products/${id}/draft`, document)).status).toBe(200);
  expect((await author.request('POST', `/api/studio/products/${id}/submit`)).status).toBe(200);
  beforePublish?.(fake);
  const published = await reviewer.request('POST', `/api/studio/products/${id}/review`, { decision: 'publish' });
  expect(published.json, published.text).toMatchObject({ status: 'published' });
  return { genuine, fake };
}

describe('an uploaded model', () => {
  it('is exported when its product is published, before anyone asks, and served from then on', async () => {
    const { genuine, fake } = await publishProduct('lumen-usdz', await productGlb('voltria-usb-c-charger', 'genuine'), await productGlb('voltria-usb-c-charger', 'counterfeit-a'));
    const rows = await waitForRows([genuine.sha256, fake.sha256]);
    expect(rows.every((r) => r.usdzSha256 && !r.error)).toBe(true);

    const res = await trainee.request('GET', usdzUrl('lumen-usdz', 'counterfeit-a'));
    expect(res.status, res.text.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('model/vnd.usdz+zip');
    expect(res.headers.etag).toBe(`"${rows.find((r) => r.glbSha256 === fake.sha256)!.usdzSha256}"`);
    const { usda } = openUsdz(new Uint8Array(res.raw));
    // The optimiser (meshopt, quantised) keeps the node names, and so does the USDZ.
    for (const name of meshNodeNames(fake.bytes)) expect(usda).toContain(`def Xform "${usdName(name)}"`);
    expect(usda).toMatch(/def Material "Material_\d+"/);
  }, 180_000);

  it('that cannot be exported is logged with its product and variant; the product is published all the same', async () => {
    const { fake } = await publishProduct(
      'lumen-broken',
      await productGlb('voltria-usb-c-charger', 'genuine'),
      await productGlb('voltria-usb-c-charger', 'counterfeit-b'),
      (f) => failing.add(f.sha256),
    );
    expect((await trainee.request('GET', '/api/products/lumen-broken')).status).toBe(200);
    const [row] = await waitForRows([fake.sha256]);
    expect(row).toMatchObject({ usdzSha256: null, error: 'THREE.GLTFLoader: Unexpected end of buffer' });
    expect(logs).toContainEqual(expect.stringMatching(/^USDZ of lumen-broken\/counterfeit-a could not be made \(GLB [0-9a-f]{64}\): THREE\.GLTFLoader: Unexpected end of buffer$/));
    const res = await trainee.request('GET', usdzUrl('lumen-broken', 'counterfeit-a'));
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: 'usdz_unavailable' });
    // Its genuine model is the one published before: its USDZ is served.
    expect((await trainee.request('GET', usdzUrl('lumen-broken', 'genuine'))).status).toBe(200);
  }, 180_000);

  it('a GLB three cannot read is recorded with its reason and not tried again', async () => {
    const bytes = new TextEncoder().encode('not a model at all, though named .glb');
    const calls: string[] = [];
    const log: string[] = [];
    const files = { get: async (sha256: string) => (calls.push(sha256), { sha256, mediaType: 'model/gltf-binary', bytes }), put: async () => 'never' };
    const store = createUsdzStore({ db: app.database.db, files: files as never, contentDir: CONTENT, log: (m) => log.push(m) });
    const product = fixtureProduct('broken-tote');
    const variant = { ...product.variants[0]!, model: `files/${'ab'.repeat(32)}.glb` };
    const first = await store.forVariant(product, variant, 'authored');
    expect(first.ok).toBe(false);
    expect(log[0]).toMatch(/^USDZ of broken-tote\/genuine could not be made \(GLB (ab){32}\): not a GLB file/);
    const second = await store.forVariant(product, variant, 'authored');
    expect(second).toEqual(first);
    expect(log).toHaveLength(1);
    const [row] = await app.database.db.select().from(usdzModels).where(eq(usdzModels.glbSha256, 'ab'.repeat(32)));
    expect(row?.error).toMatch(/^not a GLB file/);
  });
});
