/**
 * Uploads through the route: each bad file answers the status an author's browser can act on (413 too
 * large, 415 not a model, 400 a broken or hostile model), says why, and stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app';
import { MAX_UPLOAD_BYTES } from '../../src/server/uploads/model-limits';
import { embeddedGltf, joinGlb, noisePng, productGlb, splitGlb, triangleGlb } from '../unit/server/uploads/upload-fixtures';
import { signedIn, type Client } from './support/app-client';
import { postFile, rowCount, studioApp } from './support/studio';

let app: App;
let author: Client;

beforeAll(async () => {
  app = await studioApp();
  author = await signedIn(app, 'ada@agency.test', 'author');
});
afterAll(() => app?.close());

/** Uploads, expects the refusal, and checks that the files table did not grow. */
async function refused(name: string, bytes: Uint8Array, status: number) {
  const before = await rowCount(app, 'stored_files');
  const res = await postFile(app, author, '/api/studio/uploads', name, bytes);
  expect(res.status, res.text).toBe(status);
  expect(res.json.error).toBe('upload_refused');
  expect(await rowCount(app, 'stored_files')).toBe(before);
  return res.json as { message: string; issues: { code: string; pointer: string; message: string }[] };
}

describe('POST /api/studio/uploads refuses, storing nothing', () => {
  it('a truncated GLB (400), with the lengths', async () => {
    const glb = await productGlb();
    const body = await refused('charger.glb', glb.slice(0, Math.floor(glb.length / 2)), 400);
    expect(body.issues.map((i) => i.code)).toEqual(['glb_truncated']);
    expect(body.message).toContain(`declares ${glb.length.toLocaleString('en-US')} bytes`);
  });

  it('a file that is no glTF at all (415), saying what it is', async () => {
    const body = await refused('manual.glb', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 415);
    expect(body.issues[0]!.code).toBe('not_gltf');
    expect(body.message).toMatch(/^"manual\.glb" is a PDF document, not a glTF model/);
  });

  it('a glTF whose buffers declare gigabytes (400)', async () => {
    const { json, bin } = splitGlb(await triangleGlb());
    json.buffers[0].byteLength = 4 * 1024 ** 3;
    const body = await refused('huge.glb', joinGlb(json, bin), 400);
    expect(body.issues.map((i) => i.code)).toEqual(['buffers_too_large', 'buffer_missing_bytes']);
    expect(body.message).toContain('The buffers declare 4.0 GB in all; a model may declare at most 50.0 MB');
  });

  it('a model of 100k nodes (400)', async () => {
    const { json, bin } = splitGlb(await triangleGlb());
    json.nodes = [json.nodes[0], ...Array.from({ length: 99_999 }, (_, i) => ({ name: `bolt-${i}` }))];
    const body = await refused('assembly.glb', joinGlb(json, bin), 400);
    expect(body.issues[0]).toMatchObject({ code: 'too_many_nodes', pointer: 'nodes' });
    expect(body.message).toMatch(/^The model has 100,000 nodes; at most 10,000 are accepted/);
  });

  it('a file over the cap (413), stopped while it streams in', async () => {
    const body = await refused('scan.glb', new Uint8Array(MAX_UPLOAD_BYTES + 1), 413);
    expect(body.message).toBe('"scan.glb" is larger than 50.0 MB, the most accepted here; nothing was stored.');
  });

  it('a request without a file (415)', async () => {
    const res = await author.request('POST', '/api/studio/uploads', { file: 'not a file' });
    expect(res.status).toBe(415);
    expect(res.json.message).toBe('Send the file as multipart/form-data, in one field.');
  });

  it('a photo larger than 8192 px on a side (400), read from its header', async () => {
    const png = await noisePng(16);
    new DataView(png.buffer, png.byteOffset).setUint32(16, 9000); // IHDR width
    const body = await refused('front.png', png, 400);
    expect(body.message).toBe('"front.png" is 9000 × 16 px; at most 8192 px on a side is accepted.');
  });
});

describe('POST /api/studio/uploads accepts', () => {
  it('a .gltf with embedded buffers, stored as the original and the optimised GLB', async () => {
    const before = await rowCount(app, 'stored_files');
    const res = await postFile(app, author, '/api/studio/uploads?unit=m', 'charger.gltf', await embeddedGltf(await productGlb()));
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ kind: 'model', original: { format: 'gltf' }, units: { unit: 'm', guessed: false } });
    expect(await rowCount(app, 'stored_files')).toBe(before + 2);
    const original = await author.request('GET', `/api/files/${res.json.original.sha256}`);
    expect(original.headers['content-type']).toBe('model/gltf+json');
  });

  it('a reference photo, by its bytes, with its size', async () => {
    const res = await postFile(app, author, '/api/studio/uploads', 'front.png', await noisePng(32, 24));
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ kind: 'photo', width: 32, height: 24, file: `files/${res.json.sha256}.png` });
    // The same bytes again are the same file, stored once.
    const count = await rowCount(app, 'stored_files');
    const again = await postFile(app, author, '/api/studio/uploads', 'copy.png', await noisePng(32, 24));
    expect(again.json.sha256).toBe(res.json.sha256);
    expect(await rowCount(app, 'stored_files')).toBe(count);
  });
});
