import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app';
import type { ServerConfig } from '../../src/server/config';
import { products as productsTable } from '../../src/server/db/schema';
import { BuiltinPackError } from '../../src/server/startup';
import { fixtureProduct, writeFixturePack } from '../unit/server/fixture-pack';
import { findPostgresBin, SKIP_POSTGRES, startPostgres } from './support/postgres';

async function tempDir(name: string) {
  return mkdtemp(join(tmpdir(), `twinspect-${name}-`));
}

async function setup(): Promise<ServerConfig> {
  const contentDir = await writeFixturePack();
  await writeFile(join(contentDir, 'products/test-tote/notes.txt'), 'private');
  await writeFile(join(contentDir, 'products/test-tote/photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const distDir = await tempDir('dist');
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>Twinspect</title>');
  await mkdir(join(distDir, 'assets'));
  await writeFile(join(distDir, 'assets/app.js'), 'console.log(1)');
  return { port: 0, host: '127.0.0.1', dataDir: await tempDir('data'), databaseUrl: undefined, contentDir, distDir };
}

describe('the HTTP server on PGlite', () => {
  let config: ServerConfig;
  let app: App;
  beforeAll(async () => {
    config = await setup();
    app = await createApp(config);
  });
  afterAll(async () => {
    await app?.close();
  });
  const get = (url: string) => app.server.inject({ method: 'GET', url });

  it('tells the client where the Scan page loads its model from', async () => {
    expect((await get('/api/client-config')).json()).toEqual({ scanModelUrl: '/models/coco-ssd/model.json' });
    expect(String((await get('/api/client-config')).headers['content-security-policy'])).toMatch(/connect-src 'self' data: blob: ws: wss:(;|$)/);
  });

  it('lets a model served from elsewhere (SCAN_MODEL_URL) through the CSP, and only its origin', async () => {
    const other = await createApp({ ...(await setup()), scanModelUrl: 'https://models.agency.example/ssd/model.json' });
    try {
      const res = await other.server.inject('/api/client-config');
      expect(res.json()).toEqual({ scanModelUrl: 'https://models.agency.example/ssd/model.json' });
      expect(String(res.headers['content-security-policy'])).toMatch(/connect-src 'self' data: blob: ws: wss: https:\/\/models\.agency\.example(;|$)/);
    } finally {
      await other.close();
    }
  });

  it('answers /healthz', async () => {
    const res = await get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('lists the catalogue for the picker', async () => {
    const res = await get('/api/catalogue');
    expect(res.statusCode).toBe(200);
    const tote = fixtureProduct('test-tote');
    expect(res.json()[0]).toEqual({
      id: 'test-tote',
      name: tote.name,
      brand: tote.brand,
      category: 'handbag',
      description: tote.description,
      variants: [
        { id: 'genuine', kind: 'genuine', label: 'Genuine', tells: 0 },
        { id: 'fake-a', kind: 'counterfeit', label: 'Counterfeit A', tells: 2 },
        { id: 'fake-b', kind: 'counterfeit', label: 'Counterfeit B', tells: 1 },
      ],
      tellCategories: ['logo-typography', 'label-serial-codes', 'materials-colour'],
    });
    expect(res.json().map((p: { id: string }) => p.id)).toEqual(['test-tote', 'test-watch']);
  });

  it('gives the full product with model URLs, and a 404 for an unknown id', async () => {
    const res = await get('/api/products/test-watch');
    expect(res.statusCode).toBe(200);
    const watch = fixtureProduct('test-watch', 'watch');
    expect(res.json()).toEqual({
      ...watch,
      variants: watch.variants.map((v) => ({ ...v, model: `/content/products/test-watch/${v.model}` })),
      // The content version, which drills and inspection records say they were made from.
      version: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    const missing = await get('/api/products/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'product_not_found', message: 'No product "nope"' });
    const route = await get('/api/nothing');
    expect(route.statusCode).toBe(404);
    expect(route.json()).toMatchObject({ error: 'not_found' });
  });

  it('serves model files from the content pack with the glTF content type', async () => {
    const url = '/content/products/test-tote/models/genuine.glb';
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('model/gltf-binary');
    expect(res.rawPayload.equals(await readFile(join(config.contentDir, 'products/test-tote/models/genuine.glb')))).toBe(true);
    expect((await get('/content/products/test-tote/photo.png')).headers['content-type']).toBe('image/png');
    // Each model is used in its product's URL (the client loads exactly these).
    const product = (await get('/api/products/test-tote')).json();
    for (const v of product.variants) expect((await get(v.model)).statusCode).toBe(200);
  });

  it('refuses everything else under /content/', async () => {
    for (const url of [
      '/content/pack.json',
      '/content/products/test-tote/product.json',
      '/content/products/test-tote/notes.txt',
      '/content/products/test-tote/models/',
      '/content/../package.json',
      '/content/%2e%2e/package.json',
      '/content/products/test-tote/models/none.glb',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('twinspect-content-pack');
    }
  });

  it('serves the client with a fallback to index.html for app routes, not for missing files', async () => {
    for (const url of ['/', '/study/test-tote', '/drill?x=1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>Twinspect</title>');
    }
    expect((await get('/assets/app.js')).body).toBe('console.log(1)');
    expect((await get('/assets/gone.js')).statusCode).toBe(404);
    expect((await get('/favicon.ico')).statusCode).toBe(404);
  });

  it('sends a CSP that allows own scripts, blob workers, wasm, data/blob images and websockets', async () => {
    const res = await get('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("connect-src 'self' data: blob: ws: wss:");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps its data across a restart', async () => {
    const authored = { ...fixtureProduct('authored-bag'), name: 'Authored bag' };
    await app.database.db.insert(productsTable).values({ id: authored.id, document: authored, source: 'authored', published: true });
    await app.close();
    app = await createApp(config);
    expect((await get('/api/products/authored-bag')).json()).toMatchObject({ id: 'authored-bag', name: 'Authored bag' });
    expect((await get('/api/catalogue')).json().map((p: { id: string }) => p.id)).toEqual(['authored-bag', 'test-tote', 'test-watch']);
  });
});

describe('start-up', () => {
  it('answers 503 at / when the client is not built', async () => {
    const config = { ...(await setup()), distDir: join(await tempDir('none'), 'dist') };
    const app = await createApp(config);
    try {
      const res = await app.server.inject('/');
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('npm run build');
      expect((await app.server.inject('/api/catalogue')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses a broken built-in pack, listing file and path', async () => {
    const config = await setup();
    const broken = fixtureProduct('test-tote');
    broken.variants[1]!.tells[0]!.at.node = 'strap';
    await writeFile(join(config.contentDir, 'products/test-tote/product.json'), JSON.stringify(broken));
    const error = await createApp(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuiltinPackError);
    expect((error as BuiltinPackError).message).toContain('products/test-tote/product.json: variants[1].tells[0].at.node: no node "strap"');
  });

  it('starts without models, warning that their checks were skipped', async () => {
    const config = await setup();
    await rm(join(config.contentDir, 'products/test-watch/models'), { recursive: true });
    const warnings: string[] = [];
    const app = await createApp(config, { warn: (m) => warnings.push(m) });
    await app.close();
    expect(warnings.join('\n')).toContain('products/test-watch/product.json: variants[0].model: file models/genuine.glb not found');
  });

  it('main prints the ready line (plain text, as on a terminal), and stops cleanly on SIGTERM', async () => {
    const config = await setup();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, LOG_FORMAT: 'text', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: config.dataDir, CONTENT_DIR: config.contentDir, DIST_DIR: config.distDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 600 && !out.includes('ready'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(out.split('\n')).toContain(`Twinspect ready at http://localhost:${port}`);
    for (let i = 0; i < 50 && !out.includes('--password-stdin'); i++) await new Promise((r) => setTimeout(r, 100));
    // With no accounts yet, it says how to make the first admin.
    expect(out).toMatch(/No accounts yet.*\n.*npx twinspect user add you@agency\.example --role admin --password-stdin/);
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok', database: 'pglite' });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe.skipIf(SKIP_POSTGRES)('the HTTP server on PostgreSQL', () => {
  it('serves the catalogue from PostgreSQL when DATABASE_URL is set', async () => {
    if (!findPostgresBin()) throw new Error('PostgreSQL binaries not found (set TWINSPECT_SKIP_POSTGRES=1 to skip)');
    const cluster = await startPostgres();
    try {
      const config = { ...(await setup()), databaseUrl: cluster.url };
      const app = await createApp(config);
      try {
        expect((await app.server.inject('/healthz')).json()).toEqual({ status: 'ok', database: 'postgres' });
        expect((await app.server.inject('/api/catalogue')).json()).toHaveLength(2);
      } finally {
        await app.close();
      }
    } finally {
      await cluster.stop();
    }
  });
});
