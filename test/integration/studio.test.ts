/**
 * The authoring studio end to end: an author makes a product, uploads a genuine model and a
 * counterfeit (real GLBs from the generator), places tells on their surfaces, sends it for review; a
 * reviewer reads what changed and publishes it; trainees then find it in the catalogue and are drilled
 * on it, the drill recording the version it was made from. Refusals say why and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Product, type ProductDraft } from '../../src/domain/catalogue';
import type { App } from '../../src/server/app';
import { catalogueVersion } from '../../src/server/catalogue/version';
import { productGlb } from '../unit/server/uploads/upload-fixtures';
import { signedIn, type Client } from './support/app-client';
import { NEW_PRODUCT, postFile, rowCount, studioApp, surfacePoints, tellAt } from './support/studio';

let app: App;
let author: Client, otherAuthor: Client, reviewer: Client, admin: Client, trainee: Client;
let genuine: { file: string; sha256: string; bytes: Uint8Array };
let fake: { file: string; sha256: string; bytes: Uint8Array };
let draft: ProductDraft;

beforeAll(async () => {
  app = await studioApp();
  author = await signedIn(app, 'ada@agency.test', 'author');
  otherAuthor = await signedIn(app, 'bo@agency.test', 'author');
  reviewer = await signedIn(app, 'rita@agency.test', 'reviewer');
  admin = await signedIn(app, 'admin@agency.test', 'admin');
  trainee = await signedIn(app, 'tess@agency.test', 'trainee');
});
afterAll(() => app?.close());

async function upload(client: Client, name: string, bytes: Uint8Array) {
  const res = await postFile(app, client, '/api/studio/uploads', name, bytes);
  expect(res.status, res.text).toBe(201);
  const stored = await author.request('GET', res.json.url);
  return { res, file: res.json.file as string, sha256: res.json.sha256 as string, bytes: new Uint8Array(stored.raw) };
}

describe('an author makes a product and a reviewer publishes it', () => {
  it('creates a draft, refusing bad fields with their paths and an id that is taken', async () => {
    const bad = await author.request('POST', '/api/studio/products', { ...NEW_PRODUCT, hsCode: '85', cocoClasses: ['teapot'] });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(['body.hsCode', 'body.cocoClasses[0]']);
    expect(bad.json.message).toContain('body.hsCode: must be an HS code like "4202.21"');
    const taken = await author.request('POST', '/api/studio/products', { ...NEW_PRODUCT, id: 'test-tote' });
    expect(taken.status).toBe(409);
    expect(taken.json.message).toContain('"test-tote" exists already');

    const made = await author.request('POST', '/api/studio/products', NEW_PRODUCT);
    expect(made.status, made.text).toBe(201);
    expect(made.json).toMatchObject({ productId: 'lumen-30-w-charger', version: 1, status: 'draft' });
    draft = made.json.document;
    expect(draft.variants).toEqual([]);
    expect((await trainee.request('GET', '/api/studio/products')).status).toBe(403);
  });

  it('uploads the genuine model and a counterfeit, optimised, with their sizes before and after', async () => {
    const original = await productGlb('voltria-usb-c-charger', 'genuine');
    const g = await upload(author, 'charger.glb', original);
    expect(g.res.json).toMatchObject({ kind: 'model', withinBudget: true, warnings: [], original: { format: 'glb', bytes: original.byteLength } });
    expect(g.res.json.optimised.bytes).toBe(g.bytes.byteLength);
    expect(g.res.json.optimised.triangles).toBeGreaterThan(1000);
    expect(g.file).toBe(`files/${g.sha256}.glb`);
    const f = await upload(author, 'charger-fake.glb', await productGlb('voltria-usb-c-charger', 'counterfeit-a'));
    genuine = g;
    fake = f;
    // A draft's file is for the studio's eyes only, cached for good.
    const asAuthor = await author.request('GET', `/api/files/${g.sha256}`);
    expect(asAuthor.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(asAuthor.headers['content-type']).toBe('model/gltf-binary');
    expect((await trainee.request('GET', `/api/files/${g.sha256}`)).status).toBe(404);
  });

  it('places tells on the models (refusing one off the surface) and keeps the author’s draft theirs', async () => {
    const [gPoint] = await surfacePoints(genuine.bytes, 1);
    const [fPoint, fPoint2] = await surfacePoints(fake.bytes, 2);
    draft = {
      ...draft,
      variants: [
        { id: 'genuine', kind: 'genuine', label: 'Genuine', model: genuine.file, weightGrams: 62, provenance: 'Rights holder', tells: [] },
        {
          id: 'counterfeit-a',
          kind: 'counterfeit',
          label: 'Counterfeit A',
          model: fake.file,
          weightGrams: 41,
          provenance: 'Seized at Rotterdam',
          tells: [tellAt('safety-mark', fPoint!, gPoint!), tellAt('pin-finish', fPoint2!, gPoint!, { category: 'materials-colour' })],
        },
      ],
    };
    const saved = await author.request('PUT', '/api/studio/products/lumen-30-w-charger/draft', draft);
    expect(saved.status, saved.text).toBe(200);

    const off = structuredClone(draft);
    off.variants[1]!.tells[0]!.at.position = [fPoint!.position[0], fPoint!.position[1] + 0.05, fPoint!.position[2]];
    const refused = await author.request('PUT', '/api/studio/products/lumen-30-w-charger/draft', off);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe('tell_off_surface');
    expect(refused.json.message).toMatch(/^A tell is placed off the surface of its model: body\.variants\[1\]\.tells\[0\]\.at\.position: is [\d.]+ mm from the surface of node ".+" in files\/[0-9a-f]{64}\.glb \(at most 2 mm\)$/);

    const other = await otherAuthor.request('PUT', '/api/studio/products/lumen-30-w-charger/draft', { ...draft, name: 'Hijacked' });
    expect(other.status).toBe(403);
    expect(other.json.message).toContain("another author's draft");
    const stored = await author.request('GET', '/api/studio/products/lumen-30-w-charger');
    expect(stored.json.latest.document).toEqual(draft);
    expect((await otherAuthor.request('GET', '/api/studio/products')).json).toEqual([]);
  });

  it('keeps an unfinished draft (empty texts, no weight) but refuses to send it for review, naming each gap', async () => {
    const unfinished = structuredClone(draft);
    unfinished.variants[1]!.weightGrams = 0;
    unfinished.variants[1]!.tells[0]!.title = '';
    unfinished.variants[1]!.tells[1]!.genuine = { en: '' };
    expect((await author.request('PUT', '/api/studio/products/lumen-30-w-charger/draft', unfinished)).status).toBe(200);
    const refused = await author.request('POST', '/api/studio/products/lumen-30-w-charger/submit');
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe('not_finished');
    expect(refused.json.issues.map((i: { path: string }) => i.path)).toEqual([
      'document.variants[1].weightGrams',
      'document.variants[1].tells[0].title',
      'document.variants[1].tells[1].genuine.en',
    ]);
    expect((await author.request('GET', '/api/studio/products/lumen-30-w-charger')).json.latest.status).toBe('draft');
    expect((await author.request('PUT', '/api/studio/products/lumen-30-w-charger/draft', draft)).status).toBe(200);
  });

  it('lists the built-in catalogue for the studio (published from the content folder), to studio roles only', async () => {
    const builtIn = await reviewer.request('GET', '/api/studio/built-in');
    expect(builtIn.status).toBe(200);
    const ids = builtIn.json.map((p: { productId: string }) => p.productId);
    expect(ids).toContain('test-tote');
    expect(ids).not.toContain('lumen-30-w-charger');
    expect((await trainee.request('GET', '/api/studio/built-in')).status).toBe(403);
  });

  it('sends it for review; it cannot change while in review, and a reviewer sees what changed', async () => {
    const sent = await author.request('POST', '/api/studio/products/lumen-30-w-charger/submit');
    expect(sent.json).toMatchObject({ version: 1, status: 'in_review' });
    expect((await author.request('PUT', '/api/studio/products/lumen-30-w-charger/draft', draft)).status).toBe(409);
    const list = await reviewer.request('GET', '/api/studio/products');
    expect(list.json.map((v: { productId: string }) => v.productId)).toEqual(['lumen-30-w-charger']);
    const diff = await reviewer.request('GET', '/api/studio/products/lumen-30-w-charger/diff');
    expect(diff.json).toMatchObject({ from: null, to: 1 });
    expect(diff.json.changes).toEqual([
      'New product: Lumen 30 W charger',
      'Variant added: Genuine',
      'Variant added: Counterfeit A',
      "Counterfeit A › tell \"Tell safety-mark\" added",
      "Counterfeit A › tell \"Tell pin-finish\" added",
    ]);
  });

  it('a return needs a comment; the reviewer publishes and trainees get it, the drill recording its version', async () => {
    const noComment = await reviewer.request('POST', '/api/studio/products/lumen-30-w-charger/review', { decision: 'return' });
    expect(noComment.status).toBe(400);
    expect(noComment.json.issues).toEqual([{ path: 'body.comment', message: 'say what the author must change: a returned version needs a comment' }]);
    expect((await trainee.request('GET', '/api/products/lumen-30-w-charger')).status).toBe(404);

    const published = await reviewer.request('POST', '/api/studio/products/lumen-30-w-charger/review', { decision: 'publish', comment: 'Clear tells.' });
    expect(published.json).toMatchObject({ version: 1, status: 'published' });
    const catalogue = await trainee.request('GET', '/api/catalogue');
    expect(catalogue.json.map((p: { id: string }) => p.id)).toContain('lumen-30-w-charger');
    const product = await trainee.request('GET', '/api/products/lumen-30-w-charger');
    expect(product.json.variants.map((v: { model: string }) => v.model)).toEqual([`/api/files/${genuine.sha256}`, `/api/files/${fake.sha256}`]);
    const file = await trainee.request('GET', `/api/files/${fake.sha256}`);
    expect(file.status).toBe(200);
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const drill = await trainee.request('POST', '/api/drills', { kind: 'spot-the-fake', productId: 'lumen-30-w-charger' });
    expect(drill.status, drill.text).toBe(200);
    for (const item of drill.json.items) {
      const glb = await trainee.request('GET', item.model);
      expect(glb.status).toBe(200);
      expect(glb.raw.subarray(0, 4).toString('latin1')).toBe('glTF');
    }
    const rows = await app.database.db.execute(sql`SELECT catalogue_version AS v FROM drills WHERE product_id = 'lumen-30-w-charger'`);
    const [row] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { v: string }[];
    // The version hashes the published document, whose model references are the sha256 of the uploaded bytes.
    expect(row!.v).toBe(catalogueVersion(Product.parse(draft)));
  });

  it('a change to the published product is a new version, diffed against the published one, unseen by trainees until published', async () => {
    const next = structuredClone(draft);
    next.variants[1]!.tells[0]!.counterfeit = 'The mark is a sticker.';
    const saved = await author.request('PUT', '/api/studio/products/lumen-30-w-charger/draft', next);
    expect(saved.json).toMatchObject({ version: 2, status: 'draft' });
    const diff = await author.request('GET', '/api/studio/products/lumen-30-w-charger/diff');
    expect(diff.json).toMatchObject({ from: 1, to: 2, changes: ['Counterfeit A › tell "Tell safety-mark": counterfeit text changed'] });
    const seen = await trainee.request('GET', '/api/products/lumen-30-w-charger');
    expect(seen.json.variants[1].tells[0].counterfeit).toBe('The mark is printed, blurred.');
    const history = await author.request('GET', '/api/studio/products/lumen-30-w-charger');
    expect(history.json.history.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual(['2:draft', '1:published']);
    expect(history.json.comments).toMatchObject([{ version: 1, decision: 'publish', body: 'Clear tells.' }]);
  });

  it('a reviewer never reviews their own draft, and a returned version keeps the comment', async () => {
    const made = await admin.request('POST', '/api/studio/products', { ...NEW_PRODUCT, id: 'admin-charger', name: 'Admin charger' });
    expect(made.status).toBe(201);
    const doc = { ...made.json.document, variants: draft.variants };
    expect((await admin.request('PUT', '/api/studio/products/admin-charger/draft', doc)).status).toBe(200);
    expect((await admin.request('POST', '/api/studio/products/admin-charger/submit')).status).toBe(200);
    const own = await admin.request('POST', '/api/studio/products/admin-charger/review', { decision: 'publish' });
    expect(own.status).toBe(403);
    expect(own.json.message).toBe('A reviewer may not review their own draft: another reviewer must publish or return it.');
    const returned = await reviewer.request('POST', '/api/studio/products/admin-charger/review', { decision: 'return', comment: 'Add the pin tell.' });
    expect(returned.json).toMatchObject({ status: 'returned' });
    expect((await trainee.request('GET', '/api/products/admin-charger')).status).toBe(404);
    expect(await rowCount(app, 'review_comments')).toBe(2);
  });
});
