/**
 * Tells that cover a whole part (`wholePart`: the cap, the strap) are found by a pin anywhere on that
 * part. When a drill is made, each such tell of its counterfeit gets the box round its part, measured on
 * the counterfeit's own model and widened by the surface tolerance; scoring (pure) then reads the box
 * from the key. Models are read once and their boxes kept.
 */
import type { Box3Like, KeyTell } from '../../domain/drill';
import { modelSurfaceOf, type ModelSurface } from '../catalogue/glb-surface';
import { SURFACE_TOLERANCE_M } from '../catalogue/tell-points';
import type { StoredProduct } from '../db/catalogue-store';
import { studyModelBytes, type StudyModelDeps } from './study-models';

export type PartRegionDeps = StudyModelDeps;

export type PartRegions = (stored: StoredProduct, counterfeitId: string | undefined, tells: KeyTell[]) => Promise<KeyTell[]>;

const widen = ({ min, max }: Box3Like): Box3Like => ({
  min: min.map((v) => v - SURFACE_TOLERANCE_M) as Box3Like['min'],
  max: max.map((v) => v + SURFACE_TOLERANCE_M) as Box3Like['max'],
});

export function createPartRegions(deps: PartRegionDeps): PartRegions {
  const surfaces = new Map<string, Promise<ModelSurface | undefined>>();

  /** The study model's surface, read once per model file. */
  function surfaceOf(stored: StoredProduct, model: string): Promise<ModelSurface | undefined> {
    const key = `${stored.product.id}\u0000${model}`;
    let found = surfaces.get(key);
    if (!found) {
      found = studyModelBytes(deps, stored, model)
        .then((b) => (b ? modelSurfaceOf(b) : undefined))
        .catch(() => undefined);
      surfaces.set(key, found);
      if (surfaces.size > 64) surfaces.delete(surfaces.keys().next().value!);
    }
    return found;
  }

  return async (stored, counterfeitId, tells) => {
    if (!tells.some((t) => t.wholePart)) return tells;
    const variant = stored.product.variants.find((v) => v.id === counterfeitId);
    const surface = variant && (await surfaceOf(stored, variant.model));
    // Without the model (not generated yet, unreadable) a whole-part tell is found near its point, as any other.
    if (!surface) return tells;
    return tells.map((t) => {
      const box = t.wholePart ? surface.nodeBox(t.at.node) : undefined;
      return box ? { ...t, partBox: widen(box) } : t;
    });
  };
}
