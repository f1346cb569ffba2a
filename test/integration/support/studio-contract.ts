/**
 * The studio's storage contract, run on PGlite and on PostgreSQL: files in bytea come back byte for
 * byte, a pack import is one transaction, versions and comments are kept, and a published authored
 * product is drilled from its stored models.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/app';
import { buildGlb, fixtureProduct } from '../../unit/server/fixture-pack';
import { noisePng } from '../../unit/server/uploads/upload-fixtures';
import { signedIn, type Client } from './app-client';
import { postFile, rowCount, studioApp } from './studio';

export function describeStudioContract(backend: string, databaseUrl: () => Promise<string | undefined>): void {
  describe(`the studio's storage on ${backend}`, () => {
    let app: App;
    let author: Client, reviewer: Client, admin: Client, trainee: Client;
    let glb: Uint8Array;

    beforeAll(async () => {
      app = await studioApp(await databaseUrl());
      [author, reviewer, admin, trainee] = await Promise.all([
        signedIn(app, 'ada@agency.test', 'author'),
        signedIn(app, 'rita@agency.test', 'reviewer'),
        signedIn(app, 'admin@agency.test', 'admin'),
        signedIn(app, 'tess@agency.test', 'trainee'),
      ]);
      glb = await buildGlb({ compressed: true });
    }, 60_000);
    afterAll(() => app?.close());

    it('stores a photo and serves the same bytes', async () => {
      const png = await noisePng(40, 30, { seed: 3 });
      const res = await postFile(app, author, '/api/studio/uploads', 'front.png', png);
      expect(res.status, res.text).toBe(201);
      const back = await author.request('GET', res.json.url);
      expect(back.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(back.raw, Buffer.from(png))).toBe(0);
    });

    it('publishes an imported product in one transaction; trainees are drilled on its stored models', async () => {
      const product = fixtureProduct('contract-tote');
      const files: Zippable = {
        'pack.json': strToU8(JSON.stringify({ format: 'twinspect-content-pack', version: 1, title: 'Contract', products: ['contract-tote'] })),
        'products/contract-tote/product.json': strToU8(JSON.stringify(product)),
      };
      for (const v of product.variants) files[`products/contract-tote/${v.model}`] = glb;
      const res = await postFile(app, admin, '/api/studio/import?publish=true', 'pack.zip', zipSync(files));
      expect(res.status, res.text).toBe(201);
      expect(await rowCount(app, 'stored_files')).toBeGreaterThanOrEqual(2);

      const seen = await trainee.request('GET', '/api/products/contract-tote');
      const model = await trainee.request('GET', seen.json.variants[0].model);
      expect(model.status, `${seen.json.variants[0].model}: ${model.text.slice(0, 200)}`).toBe(200);
      expect(Buffer.compare(model.raw, Buffer.from(glb))).toBe(0);

      const drill = await trainee.request('POST', '/api/drills', { kind: 'find-the-tells', productId: 'contract-tote' });
      expect(drill.status, drill.text).toBe(200);
      const item = await trainee.request('GET', drill.json.items[0].model);
      expect(item.status).toBe(200);
      expect(item.raw.subarray(0, 4).toString('latin1')).toBe('glTF');

      const exported = unzipSync(new Uint8Array((await author.request('GET', '/api/studio/export.zip?product=contract-tote')).raw));
      expect(Buffer.compare(Buffer.from(exported['products/contract-tote/models/genuine.glb']!), Buffer.from(glb))).toBe(0);
    });

    it('keeps every version: an edit of the published one is a new draft; a return keeps its comment', async () => {
      const current = await admin.request('GET', '/api/studio/products/contract-tote');
      const document = { ...current.json.latest.document, description: 'Changed by the author.' };
      expect((await author.request('PUT', '/api/studio/products/contract-tote/draft', document)).json).toMatchObject({ version: 2, status: 'draft' });
      expect((await author.request('POST', '/api/studio/products/contract-tote/submit')).json).toMatchObject({ status: 'in_review' });
      const diff = await reviewer.request('GET', '/api/studio/products/contract-tote/diff');
      expect(diff.json.changes).toEqual(['Description changed']);
      await reviewer.request('POST', '/api/studio/products/contract-tote/review', { decision: 'return', comment: 'Say what changed.' });
      const after = await author.request('GET', '/api/studio/products/contract-tote');
      expect(after.json.history.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual(['2:returned', '1:published']);
      expect(after.json.comments).toMatchObject([{ version: 2, decision: 'return', body: 'Say what changed.' }]);
      expect((await trainee.request('GET', '/api/products/contract-tote')).json.description).toBe('A product for tests.');
    });
  });
}
