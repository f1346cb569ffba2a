/**
 * GET /api/offline/manifest: everything a trainee's device stores to practise with no connection —
 * the published catalogue (its JSON), every product's models and pictures, and the detector's
 * weights — each URL with its size, so the download shows its total before it starts, and a
 * version that changes whenever any of it does (the client then downloads again).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inArray } from 'drizzle-orm';
import type { Product } from '../../domain/catalogue';
import { storedFileOf } from '../../domain/stored-file';
import { pickerEntry } from '../catalogue/summary';
import { catalogueVersion } from '../catalogue/version';
import type { CatalogueStore } from '../db/catalogue-store';
import type { Db } from '../db/database';
import { storedFiles } from '../db/schema';
import { productForClient } from './catalogue-routes';

export interface OfflineEntry {
  url: string;
  bytes: number;
}

export interface OfflineManifest {
  version: string;
  entries: OfflineEntry[];
  totalBytes: number;
}

export interface OfflineRouteDeps {
  db: Db;
  store: CatalogueStore;
  contentDir: string;
  distDir: string;
  /** Where the Scan page loads the detector from; only a path on this server is stored. */
  scanModelUrl: string;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

async function sizeOf(file: string): Promise<number | undefined> {
  return stat(file).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
}

/** model.json and its weight shards, from the built client (or public/ when running from source). */
async function detectorEntries(deps: OfflineRouteDeps): Promise<OfflineEntry[]> {
  if (!deps.scanModelUrl.startsWith('/') || deps.scanModelUrl.startsWith('//')) return [];
  const rel = normalize(deps.scanModelUrl.split('?')[0]!.slice(1));
  for (const root of [deps.distDir, join(deps.distDir, '..', 'public')]) {
    const file = join(root, rel);
    if (!file.startsWith(normalize(root) + sep)) return [];
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const model = JSON.parse(text) as { weightsManifest?: { paths: string[] }[] };
    const entries: OfflineEntry[] = [{ url: deps.scanModelUrl, bytes: Buffer.byteLength(text) }];
    const base = deps.scanModelUrl.slice(0, deps.scanModelUrl.lastIndexOf('/') + 1);
    for (const path of (model.weightsManifest ?? []).flatMap((g) => g.paths)) {
      const bytes = await sizeOf(join(dirname(file), normalize(path)));
      if (bytes !== undefined) entries.push({ url: base + path, bytes });
    }
    return entries;
  }
  return [];
}

/** Models and pictures of the published products, with their sizes (pack files on disk, uploads in the database). */
async function productFileEntries(deps: OfflineRouteDeps, products: { product: Product; source: 'builtin' | 'authored' }[]): Promise<OfflineEntry[]> {
  const refs = products.flatMap(({ product, source }) => {
    const sent = productForClient(product, source);
    const files = [...product.variants.map((v) => v.model), ...product.photos.map((p) => p.file)];
    const urls = [...sent.variants.map((v) => v.model), ...sent.photos.map((p) => p.file)];
    return files.map((file, i) => ({ product: product.id, file, url: urls[i]!, stored: source === 'authored' ? storedFileOf(file) : undefined }));
  });
  const shas = refs.flatMap((r) => (r.stored ? [r.stored.sha256] : []));
  const sizes = new Map(
    shas.length === 0 ? [] : (await deps.db.select({ sha256: storedFiles.sha256, size: storedFiles.size }).from(storedFiles).where(inArray(storedFiles.sha256, shas))).map((r) => [r.sha256, r.size] as const),
  );
  const entries: OfflineEntry[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref.url)) continue;
    seen.add(ref.url);
    const bytes = ref.stored ? sizes.get(ref.stored.sha256) : await sizeOf(join(deps.contentDir, 'products', ref.product, normalize(ref.file)));
    if (bytes !== undefined) entries.push({ url: ref.url, bytes });
  }
  return entries;
}

export async function offlineManifest(deps: OfflineRouteDeps): Promise<OfflineManifest> {
  const products = (await deps.store.list()).map((s) => ({ product: s.product, source: s.source }));
  const entries: OfflineEntry[] = [
    { url: '/api/catalogue', bytes: jsonBytes(products.map((p) => pickerEntry(p.product))) },
    ...products.map((p) => ({ url: `/api/products/${encodeURIComponent(p.product.id)}`, bytes: jsonBytes(productForClient(p.product, p.source)) })),
    ...(await productFileEntries(deps, products)),
    ...(await detectorEntries(deps)),
  ];
  const version = createHash('sha256')
    .update(JSON.stringify([products.map((p) => catalogueVersion(p.product)), entries]))
    .digest('hex')
    .slice(0, 16);
  return { version, entries, totalBytes: entries.reduce((sum, e) => sum + e.bytes, 0) };
}

export function registerOfflineRoutes(app: FastifyInstance, deps: OfflineRouteDeps): void {
  app.get('/api/offline/manifest', { config: { access: 'public' } }, async (_request, reply) => {
    return reply.header('cache-control', 'no-cache').send(await offlineManifest(deps));
  });
}
