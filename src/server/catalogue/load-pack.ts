/**
 * Loads a content pack folder (pack.json, products/<id>/product.json, products/<id>/models/*.glb) and
 * reports every problem at once, each with its file and JSON path.
 */
import { stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { PackManifest, Product } from '../../domain/catalogue';
import { readModelSurface, type ModelSurface } from './glb-surface';
import { jsonPath, type PackError } from './pack-error';
import { readJsonFile } from './read-json';
import { checkTellPoints } from './tell-points';

export { SURFACE_TOLERANCE_M } from './tell-points';

export interface LoadPackOptions {
  /**
   * 'error' (default): a missing model file is an error. 'warn': it is a warning, and the checks that
   * need the model (nodes, surface distance) are skipped for it — for a server starting before the
   * models are generated.
   */
  missingModels?: 'error' | 'warn';
}

export interface LoadedPack {
  manifest: PackManifest | undefined;
  products: Product[];
  errors: PackError[];
  warnings: PackError[];
}

export async function loadPack(dir: string, opts: LoadPackOptions = {}): Promise<LoadedPack> {
  const errors: PackError[] = [];
  const warnings: PackError[] = [];
  const products: Product[] = [];
  const read = await readJsonFile(join(dir, 'pack.json'));
  if (!read.ok) {
    errors.push({ file: 'pack.json', path: '', message: read.missing ? `no pack.json in ${dir}` : read.message });
    return { manifest: undefined, products, errors, warnings };
  }
  const manifest = PackManifest.safeParse(read.value);
  if (!manifest.success) {
    for (const issue of manifest.error.issues) errors.push({ file: 'pack.json', path: jsonPath(issue.path), message: issue.message });
    return { manifest: undefined, products, errors, warnings };
  }
  const seen = new Map<string, number>();
  for (const [index, id] of manifest.data.products.entries()) {
    if (seen.has(id)) {
      errors.push({ file: 'pack.json', path: `products[${index}]`, message: `"${id}" is already listed at products[${seen.get(id)}]` });
      continue;
    }
    seen.set(id, index);
    const found = await loadProduct(dir, id, index, opts, errors, warnings);
    if (found) products.push(found);
  }
  return { manifest: manifest.data, products, errors, warnings };
}

async function loadProduct(
  dir: string,
  id: string,
  index: number,
  opts: LoadPackOptions,
  errors: PackError[],
  warnings: PackError[],
): Promise<Product | undefined> {
  const file = posix.join('products', id, 'product.json');
  const read = await readJsonFile(join(dir, file));
  if (!read.ok) {
    if (read.missing) {
      const folder = await isFolder(join(dir, 'products', id));
      errors.push({
        file: 'pack.json',
        path: `products[${index}]`,
        message: folder ? `product "${id}" has no ${file}` : `product "${id}" is listed but its folder products/${id}/ is missing`,
      });
    } else errors.push({ file, path: '', message: read.message });
    return undefined;
  }
  const parsed = Product.safeParse(read.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push({ file, path: jsonPath(issue.path), message: issue.message });
    return undefined;
  }
  const product = parsed.data;
  const before = errors.length;
  if (product.id !== id) {
    errors.push({ file, path: 'id', message: `is "${product.id}" but the product's folder is products/${id}/` });
  }
  await checkModels(join(dir, 'products', id), id, product, file, opts, errors, warnings);
  return errors.length === before ? product : undefined;
}

async function checkModels(
  folder: string,
  folderId: string,
  product: Product,
  file: string,
  opts: LoadPackOptions,
  errors: PackError[],
  warnings: PackError[],
): Promise<void> {
  const surfaces = new Map<number, ModelSurface | undefined>();
  for (const [vi, variant] of product.variants.entries()) {
    const path = `variants[${vi}].model`;
    if (!(await isFile(join(folder, variant.model)))) {
      const problem = { file, path, message: `file ${variant.model} not found in products/${folderId}/` };
      (opts.missingModels === 'warn' ? warnings : errors).push(problem);
      surfaces.set(vi, undefined);
      continue;
    }
    try {
      surfaces.set(vi, await readModelSurface(join(folder, variant.model)));
    } catch (err) {
      errors.push({ file, path, message: `cannot read ${variant.model}: ${err instanceof Error ? err.message : String(err)}` });
      surfaces.set(vi, undefined);
    }
  }
  for (const problem of checkTellPoints(product.variants, (vi) => surfaces.get(vi))) errors.push({ file, ...problem });
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}
