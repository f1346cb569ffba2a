/**
 * Writes products as a content pack zip, the layout of content/: pack.json, products/<id>/product.json,
 * the models under models/ and the photos under photos/. An authored product's uploads (files/<sha256>)
 * get pack paths; a built-in product's files are copied from the content folder as they are.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACK_FORMAT, type PackManifest, type Product } from '../../domain/catalogue';
import { storedFileOf } from '../../domain/stored-file';
import type { StoredProduct } from '../db/catalogue-store';
import type { FileStore } from './file-store';
import { writeZip } from './pack-zip';

export interface ExportDeps {
  files: FileStore;
  contentDir: string;
}

/** The product with pack paths, and the bytes behind each path. */
async function packProduct(stored: StoredProduct, deps: ExportDeps): Promise<{ product: Product; files: Map<string, Uint8Array> }> {
  const { product } = stored;
  const files = new Map<string, Uint8Array>();
  const take = async (ref: string, packPath: string): Promise<string> => {
    const uploaded = stored.source === 'authored' ? storedFileOf(ref) : undefined;
    if (!uploaded) {
      const bytes = await readFile(join(deps.contentDir, 'products', product.id, ref)).catch(() => {
        throw new Error(`product ${product.id}: ${ref} is missing from the content folder (npm run assets makes the built-in models)`);
      });
      files.set(ref, new Uint8Array(bytes));
      return ref;
    }
    const file = await deps.files.get(uploaded.sha256);
    if (!file) throw new Error(`product ${product.id}: the stored file ${ref} is missing`);
    files.set(packPath, file.bytes);
    return packPath;
  };
  const variants = [];
  for (const variant of product.variants) variants.push({ ...variant, model: await take(variant.model, `models/${variant.id}.glb`) });
  const photos = [];
  for (const [i, photo] of product.photos.entries()) {
    photos.push({ ...photo, file: await take(photo.file, `photos/photo-${i + 1}.${storedFileOf(photo.file)?.ext ?? 'jpg'}`) });
  }
  return { product: { ...product, variants, photos }, files };
}

export async function exportPack(products: StoredProduct[], title: string, deps: ExportDeps): Promise<Uint8Array> {
  if (products.length === 0) throw new Error('there is no published product to export');
  const out = new Map<string, Uint8Array>();
  const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  const manifest: PackManifest = { format: PACK_FORMAT, version: 1, title, products: products.map((p) => p.product.id) };
  out.set('pack.json', json(manifest));
  for (const stored of products) {
    const { product, files } = await packProduct(stored, deps);
    const folder = `products/${product.id}`;
    out.set(`${folder}/product.json`, json(product));
    for (const [path, bytes] of files) out.set(`${folder}/${path}`, bytes);
  }
  return writeZip(out);
}
