/**
 * The built-in catalogue's 3D models are generated from assets-3d/, not kept in git: a fresh clone has
 * none until something makes them. `npm start`, `twinspect catalogue check` and `twinspect content
 * export` call ensureModels first, so whichever a newcomer runs first works. Only the models of products
 * that assets-3d/ knows are made (a pack of other products is left as it is: its missing files are its
 * own errors).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO_CONTENT = resolve(import.meta.dirname, '..', '..', '..', 'content');

/** The built-in pack: the repository's content/ or the server's CONTENT_DIR (a copy of it). */
export function isBuiltinPack(dir: string, env: Record<string, string | undefined> = process.env): boolean {
  const target = resolve(dir);
  return target === REPO_CONTENT || (!!env.CONTENT_DIR?.trim() && target === resolve(env.CONTENT_DIR.trim()));
}

export interface MissingModel {
  productId: string;
  file: string;
}

/** Model files a pack's products name that are not on disk (products whose JSON cannot be read are skipped). */
export function missingModels(contentDir: string): MissingModel[] {
  const missing: MissingModel[] = [];
  let ids: unknown = [];
  try {
    ids = JSON.parse(readFileSync(join(contentDir, 'pack.json'), 'utf8')).products ?? [];
  } catch {
    return missing;
  }
  for (const id of Array.isArray(ids) ? ids : []) {
    let product: { variants?: { model?: unknown }[] };
    try {
      product = JSON.parse(readFileSync(join(contentDir, 'products', String(id), 'product.json'), 'utf8'));
    } catch {
      continue;
    }
    for (const variant of product.variants ?? []) {
      const file = join(contentDir, 'products', String(id), String(variant.model));
      if (!existsSync(file)) missing.push({ productId: String(id), file });
    }
  }
  return missing;
}

export interface EnsureModelsIo {
  /** News: what is being made. */
  info: (message: string) => void;
}

/**
 * Generates the missing models of the products assets-3d/ can build; resolves with how many files it
 * wrote. Throws when generating fails (the caller says so and goes on with what it has).
 */
export async function ensureModels(contentDir: string, io: EnsureModelsIo): Promise<number> {
  const missing = missingModels(contentDir);
  if (missing.length === 0) return 0;
  const [{ PRODUCT_SOURCES }, { generate }] = await Promise.all([import('../../../assets-3d/products/index'), import('../../../assets-3d/generate')]);
  const known = new Set(PRODUCT_SOURCES.map((s) => s.id));
  const buildable = missing.filter((m) => known.has(m.productId));
  if (buildable.length === 0) return 0;
  io.info(`Generating ${buildable.length} missing model file${buildable.length === 1 ? '' : 's'} of the built-in catalogue (once, about 20 s)…`);
  for (const id of new Set(buildable.map((m) => m.productId))) await generate({ quiet: true, missing: true, contentDir, only: id });
  return buildable.length;
}
