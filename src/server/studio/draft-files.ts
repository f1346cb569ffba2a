/**
 * What the schema cannot check in an authored product: its models and photos are files uploaded to
 * this server, and every tell's points lie on those models' surfaces.
 */
import type { ProductDraft } from '../../domain/catalogue';
import { storedFileOf } from '../../domain/stored-file';
import { modelSurfaceOf, type ModelSurface } from '../catalogue/glb-surface';
import { checkTellPoints, type PointProblem } from '../catalogue/tell-points';
import type { FileStore } from './file-store';

export const GLB_MEDIA_TYPE = 'model/gltf-binary';

/** Surfaces of stored models by sha256: the bytes never change, so neither does the surface. */
export function createSurfaceCache(files: FileStore, size = 32) {
  const cache = new Map<string, Promise<ModelSurface>>();
  return (sha256: string): Promise<ModelSurface> => {
    let found = cache.get(sha256);
    if (!found) {
      found = files.get(sha256).then((file) => {
        if (!file) throw new Error(`no stored file ${sha256}`);
        return modelSurfaceOf(file.bytes);
      });
      found.catch(() => cache.delete(sha256));
      cache.set(sha256, found);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return found;
  };
}

export type SurfaceCache = ReturnType<typeof createSurfaceCache>;

export async function checkDraftFiles(draft: ProductDraft, files: FileStore, surfaceOf: SurfaceCache): Promise<PointProblem[]> {
  const problems: PointProblem[] = [];
  const refs = [...draft.variants.map((v) => v.model), ...draft.photos.map((p) => p.file)].map(storedFileOf);
  const stored = await files.mediaTypes(refs.flatMap((r) => (r ? [r.sha256] : [])));
  const surfaces = new Map<number, ModelSurface>();
  for (const [vi, variant] of draft.variants.entries()) {
    const path = `variants[${vi}].model`;
    const ref = storedFileOf(variant.model);
    if (!ref || ref.ext !== 'glb') {
      problems.push({ path, message: `must be an uploaded model, "files/<sha256>.glb": upload the model first (POST /api/studio/uploads)` });
    } else if (stored.get(ref.sha256) !== GLB_MEDIA_TYPE) {
      problems.push({ path, message: `no uploaded model ${variant.model} on this server: upload it again` });
    } else {
      try {
        surfaces.set(vi, await surfaceOf(ref.sha256));
      } catch (err) {
        problems.push({ path, message: `cannot read ${variant.model}: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
  }
  for (const [pi, photo] of draft.photos.entries()) {
    const ref = storedFileOf(photo.file);
    const path = `photos[${pi}].file`;
    if (!ref || ref.ext === 'glb') problems.push({ path, message: 'must be an uploaded photo, "files/<sha256>.jpg|png|webp": upload it first' });
    else if (!stored.get(ref.sha256)?.startsWith('image/')) problems.push({ path, message: `no uploaded photo ${photo.file} on this server: upload it again` });
  }
  problems.push(...checkTellPoints(draft.variants, (vi) => surfaces.get(vi)));
  return problems;
}
