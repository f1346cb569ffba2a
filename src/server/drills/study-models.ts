/**
 * A product's study model, as bytes: a file of the content pack for a built-in product (never outside
 * its folder), a stored upload for an authored one. Drill models are made from it, and whole-part
 * tells measured on it.
 */
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { storedFileOf } from '../../domain/stored-file';
import type { StoredProduct } from '../db/catalogue-store';
import type { FileStore } from '../studio/file-store';

export interface StudyModelDeps {
  contentDir: string;
  /** Uploaded models, for authored products. */
  files: FileStore;
}

export async function studyModelBytes(deps: StudyModelDeps, found: StoredProduct, file: string): Promise<Uint8Array | undefined> {
  const stored = found.source === 'authored' ? storedFileOf(file) : undefined;
  if (stored) return (await deps.files.get(stored.sha256))?.bytes;
  const folder = join(deps.contentDir, 'products', found.product.id);
  const path = normalize(join(folder, file));
  if (!path.startsWith(folder + sep)) return undefined;
  const read = await readFile(path).catch(() => undefined);
  return read && new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
}
