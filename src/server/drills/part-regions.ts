/**
 * Tells that cover a whole part (`wholePart`: the cap, the strap) are found by a pin anywhere on that
 * part. When a drill is made, each such tell of its counterfeit gets the box round its part, measured on
 * the counterfeit's own model and widened by the surface tolerance; scoring (pure) then reads the box
 * from the key. Models are read once and their boxes kept.
 */
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { Product } from '../../domain/catalogue';
import type { Box3Like, KeyTell } from '../../domain/drill';
import { storedFileOf } from '../../domain/stored-file';
import { modelSurfaceOf, type ModelSurface } from '../catalogue/glb-surface';
import { SURFACE_TOLERANCE_M } from '../catalogue/tell-points';
import type { StoredProduct } from '../db/catalogue-store';
import type { FileStore } from '../studio/file-store';

export interface PartRegionDeps {
  contentDir: string;
  files: FileStore;
}

export type PartRegions = (stored: StoredProduct, counterfeitId: string | undefined, tells: KeyTell[]) => Promise<KeyTell[]>;

const widen = ({ min, max }: Box3Like): Box3Like => ({
  min: min.map((v) => v - SURFACE_TOLERANCE_M) as Box3Like['min'],
  max: max.map((v) => v + SURFACE_TOLERANCE_M) as Box3Like['max'],
});

export function createPartRegions(deps: PartRegionDeps): PartRegions {
  const surfaces = new Map<string, Promise<ModelSurface | undefined>>();

  /** The model's surface: a built-in product's file in the content folder, an authored one's stored upload. */
  function surfaceOf(product: Product, source: StoredProduct['source'], model: string): Promise<ModelSurface | undefined> {
    const stored = source === 'authored' ? storedFileOf(model) : undefined;
    const folder = join(deps.contentDir, 'products', product.id);
    const key = stored ? `sha256:${stored.sha256}` : normalize(join(folder, model));
    let found = surfaces.get(key);
    if (!found) {
      const bytes = stored
        ? deps.files.get(stored.sha256).then((f) => f?.bytes)
        : key.startsWith(folder + sep)
          ? readFile(key).then((b) => new Uint8Array(b))
          : Promise.resolve(undefined);
      found = bytes.then((b) => (b ? modelSurfaceOf(b) : undefined)).catch(() => undefined);
      surfaces.set(key, found);
      if (surfaces.size > 64) surfaces.delete(surfaces.keys().next().value!);
    }
    return found;
  }

  return async (stored, counterfeitId, tells) => {
    if (!tells.some((t) => t.wholePart)) return tells;
    const variant = stored.product.variants.find((v) => v.id === counterfeitId);
    const surface = variant && (await surfaceOf(stored.product, stored.source, variant.model));
    // Without the model (not generated yet, unreadable) a whole-part tell is found near its point, as any other.
    if (!surface) return tells;
    return tells.map((t) => {
      const box = t.wholePart ? surface.nodeBox(t.at.node) : undefined;
      return box ? { ...t, partBox: widen(box) } : t;
    });
  };
}
