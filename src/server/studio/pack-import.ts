/**
 * Imports a content pack zip: everything is checked first (the zip, pack.json, every product against
 * the schema, every model through checkModel and every tell against its model's surface, every photo),
 * every problem reported at once, and only then is anything written, in one transaction. Imported
 * products become drafts of the importing author; with `publish` (an admin, or the command line) they
 * are published at once.
 */
import { posix } from 'node:path';
import { PackManifest, Product, type Variant } from '../../domain/catalogue';
import { storedFileRef } from '../../domain/stored-file';
import { jsonPath, type PackError } from '../catalogue/pack-error';
import { parseJsonText } from '../catalogue/read-json';
import { checkTellPoints, type PointSurface } from '../catalogue/tell-points';
import { catalogueVersion } from '../catalogue/version';
import type { CatalogueStore } from '../db/catalogue-store';
import type { Db } from '../db/database';
import { modelChecks } from '../uploads/model-check-pool';
import type { SurfaceAnswers, SurfaceQuery } from '../uploads/model-job';
import { checkPhoto } from '../uploads/photo-check';
import { GLB_MEDIA_TYPE } from './draft-files';
import type { FileStore } from './file-store';
import { readZipYielding } from './pack-zip';
import type { VersionStore } from './version-store';

interface PackFile {
  bytes: Uint8Array;
  mediaType: string;
  ext: 'glb' | 'png' | 'jpg' | 'webp';
}

export interface CheckedProduct {
  product: Product;
  /** The bytes behind each model and photo path of the product. */
  files: Map<string, PackFile>;
}

export type PackCheck = { ok: true; title: string; products: CheckedProduct[] } | { ok: false; errors: PackError[] };

export async function checkPackZip(zip: Uint8Array): Promise<PackCheck> {
  const read = await readZipYielding(zip);
  if (!read.ok) return read;
  const { entries } = read;
  const errors: PackError[] = [];
  const text = (name: string) => new TextDecoder().decode(entries.get(name));
  if (!entries.has('pack.json')) return { ok: false, errors: [{ file: 'pack.json', path: '', message: 'no pack.json at the top of the zip' }] };
  const json = parseJsonText(text('pack.json'));
  const manifest = json.ok ? PackManifest.safeParse(json.value) : undefined;
  if (!json.ok) return { ok: false, errors: [{ file: 'pack.json', path: '', message: json.message }] };
  if (!manifest?.success) return { ok: false, errors: manifest!.error.issues.map((i) => ({ file: 'pack.json', path: jsonPath(i.path), message: i.message })) };
  const products: CheckedProduct[] = [];
  for (const [index, id] of manifest.data.products.entries()) {
    const checked = await checkProduct(entries, id, index, errors);
    if (checked) products.push(checked);
  }
  return errors.length ? { ok: false, errors } : { ok: true, title: manifest.data.title, products };
}

async function checkProduct(entries: Map<string, Uint8Array>, id: string, index: number, errors: PackError[]): Promise<CheckedProduct | undefined> {
  const folder = `products/${id}`;
  const file = `${folder}/product.json`;
  const raw = entries.get(file);
  if (!raw) return void errors.push({ file: 'pack.json', path: `products[${index}]`, message: `product "${id}" is listed but ${file} is not in the zip` });
  const json = parseJsonText(new TextDecoder().decode(raw));
  if (!json.ok) return void errors.push({ file, path: '', message: json.message });
  const parsed = Product.safeParse(json.value);
  if (!parsed.success) {
    for (const i of parsed.error.issues) errors.push({ file, path: jsonPath(i.path), message: i.message });
    return undefined;
  }
  const product = parsed.data;
  const before = errors.length;
  if (product.id !== id) errors.push({ file, path: 'id', message: `is "${product.id}" but the product's folder is ${folder}/` });
  const files = new Map<string, PackFile>();
  const surfaces = new Map<number, PointSurface>();
  for (const [vi, variant] of product.variants.entries()) {
    const path = `variants[${vi}].model`;
    const bytes = entries.get(posix.join(folder, variant.model));
    if (!bytes) {
      errors.push({ file, path, message: `file ${variant.model} is not in the zip (${folder}/${variant.model})` });
      continue;
    }
    const points = surfaceQueries(product.variants, vi);
    const check = await modelChecks().packModel(bytes, variant.model, points);
    if (!check.ok) {
      for (const e of check.errors) errors.push({ file: `${folder}/${variant.model}`, path: e.pointer === 'file' ? '' : e.pointer, message: e.message });
      continue;
    }
    if (check.report.format !== 'glb') errors.push({ file, path, message: `${variant.model} is a .gltf text file: a pack holds .glb models` });
    files.set(variant.model, { bytes, mediaType: GLB_MEDIA_TYPE, ext: 'glb' });
    surfaces.set(vi, answeredSurface(check.surface, points));
  }
  for (const problem of checkTellPoints(product.variants, (vi) => surfaces.get(vi))) errors.push({ file, ...problem });
  for (const [pi, photo] of product.photos.entries()) {
    const bytes = entries.get(posix.join(folder, photo.file));
    if (!bytes) {
      errors.push({ file, path: `photos[${pi}].file`, message: `file ${photo.file} is not in the zip` });
      continue;
    }
    const check = await checkPhoto(bytes, photo.file);
    if (!check.ok) errors.push(...check.errors.map((e) => ({ file: `${folder}/${photo.file}`, path: '', message: e.message })));
    else files.set(photo.file, { bytes, mediaType: check.type.mediaType, ext: check.type.ext });
  }
  return errors.length === before ? { product, files } : undefined;
}

/** The points checkTellPoints asks of variant `vi`'s model: its tells' own points, and for the genuine every tell's genuineAt. */
function surfaceQueries(variants: readonly Variant[], vi: number): SurfaceQuery[] {
  const own = variants[vi]!.tells.map((t) => ({ node: t.at.node, position: t.at.position }));
  const genuine = variants[vi]!.kind === 'genuine' ? variants.flatMap((v) => v.tells.map((t) => ({ node: t.genuineAt.node, position: t.genuineAt.position }))) : [];
  return [...own, ...genuine];
}

/** A surface that answers the questions the worker measured (and only those: any other is a bug, and says so). */
function answeredSurface(answers: SurfaceAnswers, points: SurfaceQuery[]): PointSurface {
  const key = (node: string, p: readonly number[]) => JSON.stringify([node, ...p]);
  const known = new Map(points.map((p, i) => [key(p.node, p.position), answers.distances[i]]));
  return {
    nodeNames: answers.nodeNames,
    distanceToNode(name, point) {
      const k = key(name, point);
      if (!known.has(k)) throw new Error(`the surface was not measured at ${k}`);
      return known.get(k);
    },
  };
}

export interface ImportDeps {
  db: Db;
  files: FileStore;
  versions: VersionStore;
  store: CatalogueStore;
}

export interface ImportResult {
  products: Array<{ id: string; version: number | null; status: string }>;
}

/** Stores a checked pack in one transaction; a conflict with what is here refuses the whole pack. */
export async function importPack(checked: CheckedProduct[], who: { authorId: string | null; publish: boolean }, deps: ImportDeps): Promise<ImportResult | { errors: PackError[] }> {
  const errors: PackError[] = [];
  const skip = new Set<string>();
  for (const { product } of checked) {
    const file = `products/${product.id}/product.json`;
    const here = await deps.store.get(product.id, { publishedOnly: false });
    if (here?.source === 'builtin') {
      // The same built-in product, unchanged (an export of the whole catalogue), is no conflict.
      if (catalogueVersion(here.product) === catalogueVersion(product)) skip.add(product.id);
      else errors.push({ file, path: 'id', message: `"${product.id}" is a built-in product here: give the imported product another id` });
      continue;
    }
    const latest = await deps.versions.latest(product.id);
    if (latest && (latest.status === 'draft' || latest.status === 'in_review')) {
      errors.push({ file, path: 'id', message: `"${product.id}" has a version ${latest.status.replace('_', ' ')} here (version ${latest.version}): publish or return it first` });
    }
  }
  if (errors.length) return { errors };
  return deps.db.transaction(async (tx) => {
    const result: ImportResult = { products: [] };
    for (const { product, files } of checked) {
      if (skip.has(product.id)) {
        result.products.push({ id: product.id, version: null, status: 'unchanged built-in product' });
        continue;
      }
      const refs = new Map<string, string>();
      for (const [path, f] of files) refs.set(path, storedFileRef(await deps.files.put(f.bytes, f.mediaType, who.authorId, tx), f.ext));
      const document: Product = {
        ...product,
        variants: product.variants.map((v) => ({ ...v, model: refs.get(v.model)! })),
        photos: product.photos.map((p) => ({ ...p, file: refs.get(p.file)! })),
      };
      const version = await deps.versions.add(product.id, document, who.authorId, tx);
      if (who.publish) await deps.versions.publish(document, version.version, null, undefined, tx);
      result.products.push({ id: product.id, version: version.version, status: who.publish ? 'published' : 'draft' });
    }
    return result;
  });
}
