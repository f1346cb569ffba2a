/**
 * Content packs through the studio and the CLI: a pack zip imported becomes drafts (or published, for
 * an admin), an export has the layout of content/ and imports again; a hostile or broken zip is refused
 * with its reason, and nothing of it is stored.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/domain/catalogue';
import type { App } from '../../src/server/app';
import { main } from '../../src/server/cli/main';
import { buildGlb, fixtureProduct } from '../unit/server/fixture-pack';
import { signedIn, type Client } from './support/app-client';
import { postFile, rowCount, studioApp } from './support/studio';

let app: App;
let author: Client, admin: Client;
let glb: Uint8Array;

function packZip(products: Product[], extra: Zippable = {}): Uint8Array {
  const files: Zippable = { 'pack.json': strToU8(JSON.stringify({ format: 'twinspect-content-pack', version: 1, title: 'Test', products: products.map((p) => p.id) })) };
  for (const p of products) {
    files[`products/${p.id}/product.json`] = strToU8(JSON.stringify(p));
    for (const v of p.variants) files[`products/${p.id}/${v.model}`] = glb;
  }
  return zipSync({ ...files, ...extra });
}

/** What is stored, to show a refused import stored nothing. */
const stored = async () => [await rowCount(app, 'stored_files'), await rowCount(app, 'product_versions'), await rowCount(app, 'products')];

async function refusedImport(zip: Uint8Array, message: string | RegExp) {
  const before = await stored();
  const res = await postFile(app, author, '/api/studio/import', 'pack.zip', zip);
  expect(res.status, res.text).toBe(400);
  expect(res.json.error).toBe('invalid_pack');
  expect(res.json.message).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
  expect(await stored()).toEqual(before);
}

beforeAll(async () => {
  app = await studioApp();
  author = await signedIn(app, 'ada@agency.test', 'author');
  admin = await signedIn(app, 'admin@agency.test', 'admin');
  glb = await buildGlb();
});
afterAll(() => app?.close());

describe('importing and exporting content packs', () => {
  it("an author's import becomes their drafts, models stored by sha256, unseen by trainees", async () => {
    const res = await postFile(app, author, '/api/studio/import', 'pack.zip', packZip([fixtureProduct('pack-tote')]));
    expect(res.status, res.text).toBe(201);
    expect(res.json.products).toEqual([{ id: 'pack-tote', version: 1, status: 'draft' }]);
    const draft = await author.request('GET', '/api/studio/products/pack-tote');
    expect(draft.json.latest.document.variants.map((v: { model: string }) => v.model)).toEqual(Array(3).fill(expect.stringMatching(/^files\/[0-9a-f]{64}\.glb$/)));
    expect((await author.request('GET', '/api/products/pack-tote')).status).toBe(404);
    const asAuthor = await postFile(app, author, '/api/studio/import?publish=true', 'pack.zip', packZip([fixtureProduct('pack-bag')]));
    expect(asAuthor.status).toBe(403);
    expect(asAuthor.json.message).toBe('Only an admin may publish on import; import as drafts and send them for review.');
  });

  it('an admin may publish on import; the export has the layout of content/ and imports again', async () => {
    const res = await postFile(app, admin, '/api/studio/import?publish=true', 'pack.zip', packZip([fixtureProduct('pack-watch', 'watch')]));
    expect(res.json.products).toEqual([{ id: 'pack-watch', version: 1, status: 'published' }]);
    expect((await author.request('GET', '/api/products/pack-watch')).status).toBe(200);

    const one = await author.request('GET', '/api/studio/export.zip?product=pack-watch');
    expect(one.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(one.raw));
    expect(Object.keys(files).sort()).toEqual(['pack.json', 'products/pack-watch/models/fake-a.glb', 'products/pack-watch/models/fake-b.glb', 'products/pack-watch/models/genuine.glb', 'products/pack-watch/product.json']);
    const product = JSON.parse(new TextDecoder().decode(files['products/pack-watch/product.json']));
    expect(product.variants.map((v: { model: string }) => v.model)).toEqual(['models/genuine.glb', 'models/fake-a.glb', 'models/fake-b.glb']);
    expect(Buffer.from(files['products/pack-watch/models/genuine.glb']!).equals(Buffer.from(glb))).toBe(true);

    const all = await admin.request('GET', '/api/studio/export.zip');
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(new Uint8Array(all.raw))['pack.json']));
    expect(manifest.products).toEqual(['pack-watch', 'test-tote', 'test-watch']);
    const again = await postFile(app, admin, '/api/studio/import', 'all.zip', new Uint8Array(all.raw));
    expect(again.status, again.text).toBe(201);
    expect(again.json.products).toEqual([
      { id: 'pack-watch', version: 2, status: 'draft' },
      { id: 'test-tote', version: null, status: 'unchanged built-in product' },
      { id: 'test-watch', version: null, status: 'unchanged built-in product' },
    ]);
    expect((await author.request('GET', '/api/studio/export.zip?product=pack-tote')).status).toBe(404);
  });

  it('refuses entries that climb out of the pack or are absolute', async () => {
    await refusedImport(packZip([fixtureProduct('evil-tote')], { '../evil.json': strToU8('{}') }), '../evil.json: climbs out of the pack with ".."');
    await refusedImport(packZip([fixtureProduct('evil-tote')], { '/etc/cron.d/evil': strToU8('x') }), '/etc/cron.d/evil: is an absolute path');
    await refusedImport(packZip([fixtureProduct('evil-tote')], { 'products\\..\\evil': strToU8('x') }), 'has a backslash or NUL in its name');
  });

  it('refuses too many entries', async () => {
    const many: Zippable = {};
    for (let i = 0; i < 5001; i++) many[`junk/${i}.txt`] = new Uint8Array();
    await refusedImport(packZip([fixtureProduct('many-tote')], many), '(the zip): has more than 5000 entries');
  });

  it('refuses a zip bomb: an entry declaring more than the cap, and one inflating past what it declares', async () => {
    await refusedImport(zipSync({ 'pack.json': [new Uint8Array(60 * 1024 * 1024), { level: 1 }] }), 'pack.json: declares 60.0 MB uncompressed; an entry may be at most 50.0 MB');
    const lying = zipSync({ 'pack.json': [new Uint8Array(8 * 1024 * 1024), { level: 9 }] });
    const view = new DataView(lying.buffer);
    view.setUint32(22, 1000, true); // local header: uncompressed size
    const central = lying.findLastIndex((_, i) => i + 4 <= lying.length && view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 1000, true);
    await refusedImport(lying, 'pack.json: inflates to more than the 1000 bytes its header declares (a zip bomb?)');
  });

  it('checks every product before storing any: one bad tell refuses the whole pack', async () => {
    const bad = fixtureProduct('bad-tote');
    bad.variants[1]!.tells[0]!.at.position = [0, 0.5, 0];
    await refusedImport(packZip([fixtureProduct('good-tote'), bad]), 'products/bad-tote/product.json: variants[1].tells[0].at.position: is 300.0 mm from the surface of node "body"');
    await refusedImport(strToU8('not a zip'), '(the upload): is not a zip archive');
  });
});

describe('twinspect content export|import', () => {
  it('imports a pack into the configured database, published, and exports a product of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twinspect-cli-'));
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    process.env.DATA_DIR = join(dir, 'data');
    delete process.env.DATABASE_URL;
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) };
    try {
      await writeFile(join(dir, 'in.zip'), packZip([fixtureProduct('cli-tote')]));
      expect(await main(['content', 'import', join(dir, 'in.zip'), '--publish'], io), err.join('\n')).toBe(0);
      expect(out).toEqual(['cli-tote\tversion 1\tpublished']);
      expect(await main(['content', 'export', join(dir, 'out.zip'), '--product', 'cli-tote'], io), err.join('\n')).toBe(0);
      const files = unzipSync(new Uint8Array(await readFile(join(dir, 'out.zip'))));
      expect(Object.keys(files)).toContain('products/cli-tote/models/genuine.glb');
      await writeFile(join(dir, 'bad.zip'), packZip([fixtureProduct('cli-bag')], { '../x': strToU8('x') }));
      expect(await main(['content', 'import', join(dir, 'bad.zip')], io)).toBe(1);
      expect(err.join('\n')).toContain('../x: climbs out of the pack with ".."');
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
});
