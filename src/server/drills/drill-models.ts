/**
 * Each drill item's own model (drill-model.ts), made on the worker thread. A drill item names its
 * model by product, study file and a seed drawn for that item; the same three always make the same
 * bytes, so a model can be made again after a restart, on another server process, or for every
 * participant of a live round. To keep a new drill as quick as before, a small pool of models is
 * made ahead for each variant of a product once it has been drilled, and each is handed to one
 * drill item only.
 */
import { randomBytes } from 'node:crypto';
import type { CatalogueStore, StoredProduct } from '../db/catalogue-store';
import { OUTPUT_BUDGET_TRIANGLES } from '../uploads/model-limits';
import { ceilingOf, type ProductCeiling } from './drill-model';
import { remakeOffThread, studyCountsOffThread } from './drill-model-thread';
import { studyModelBytes, type StudyModelDeps } from './study-models';

/** Models made ahead per variant of a drilled product. */
const POOL_PER_VARIANT = 2;
/** Drill models kept after they were first asked for (a page reload, a live round's participants). */
const SERVED_KEPT = 128;

export interface DrillModelsDeps extends StudyModelDeps {
  store: CatalogueStore;
}

interface Made {
  seed: string;
  bytes: Promise<Uint8Array>;
  ready: boolean;
}

const newSeed = () => randomBytes(12).toString('base64url');

export function createDrillModels(deps: DrillModelsDeps) {
  const pools = new Map<string, Made[]>();
  const served = new Map<string, Promise<Uint8Array>>();
  const ceilings = new Map<string, Promise<ProductCeiling>>();
  const keyOf = (p: string, f: string) => `${p}\u0000${f}`;

  const studyBytes = (found: StoredProduct, file: string) => studyModelBytes(deps, found, file);

  /** The product's ceiling over all its variants (cached per set of model files). */
  function ceilingFor(found: StoredProduct): Promise<ProductCeiling> {
    const files = found.product.variants.map((v) => v.model);
    const key = `${found.product.id}\u0000${files.join('\u0000')}`;
    let ceiling = ceilings.get(key);
    if (!ceiling) {
      ceiling = (async () => {
        const counts = await Promise.all(
          files.map(async (f) => {
            const bytes = await studyBytes(found, f);
            if (!bytes?.length) throw new Error(`the study model ${f} of ${found.product.id} is missing`);
            return studyCountsOffThread(keyOf(found.product.id, f), bytes);
          }),
        );
        const c = ceilingOf(counts);
        // Within a headset's budget whatever the draw (targets start at the ceiling).
        return { ...c, triangles: Math.min(c.triangles, OUTPUT_BUDGET_TRIANGLES) };
      })();
      ceiling.catch(() => ceilings.delete(key));
      ceilings.set(key, ceiling);
    }
    return ceiling;
  }

  async function make(productId: string, file: string, seed: string, urgent: boolean): Promise<Uint8Array | undefined> {
    const found = await deps.store.get(productId);
    if (!found || !found.product.variants.some((v) => v.model === file)) return undefined;
    const bytes = await studyBytes(found, file);
    if (!bytes?.length) return undefined;
    const ceiling = await ceilingFor(found);
    return remakeOffThread({ key: keyOf(productId, file), bytes, seed, ceiling }, urgent);
  }

  function remember(key: string, bytes: Promise<Uint8Array>): void {
    served.set(key, bytes);
    bytes.catch(() => served.delete(key));
    if (served.size > SERVED_KEPT) served.delete(served.keys().next().value!);
  }

  /** Tops up the pools of every variant of the product, in the background (behind models a trainee waits for). */
  async function fill(productId: string): Promise<void> {
    const found = await deps.store.get(productId);
    for (const variant of found?.product.variants ?? []) {
      const pool = pools.get(keyOf(productId, variant.model)) ?? [];
      pools.set(keyOf(productId, variant.model), pool);
      while (pool.length < POOL_PER_VARIANT) {
        const made: Made = { seed: newSeed(), ready: false, bytes: Promise.resolve(new Uint8Array()) };
        made.bytes = make(productId, variant.model, made.seed, false).then((b) => {
          if (!b) throw new Error('no such study model');
          made.ready = true;
          return b;
        });
        made.bytes.catch(() => pools.set(keyOf(productId, variant.model), (pools.get(keyOf(productId, variant.model)) ?? []).filter((m) => m !== made)));
        pool.push(made);
      }
    }
  }

  return {
    /** The seed of a new drill item's model: one made ahead when ready, else a new one (made when first asked for). */
    seedFor(productId: string, file: string): string {
      const pool = pools.get(keyOf(productId, file)) ?? [];
      const i = pool.findIndex((m) => m.ready);
      const made = i >= 0 ? pool.splice(i, 1)[0] : undefined;
      if (made) remember(`${keyOf(productId, file)}\u0000${made.seed}`, made.bytes);
      fill(productId).catch(() => {});
      return made?.seed ?? newSeed();
    },

    /** The model of a drill item; undefined when its product or study file is gone. */
    model(productId: string, file: string, seed: string): Promise<Uint8Array | undefined> {
      const key = `${keyOf(productId, file)}\u0000${seed}`;
      const hit = served.get(key);
      if (hit) return hit;
      const made = make(productId, file, seed, true).then((b) => {
        if (!b) served.delete(key);
        return b;
      });
      remember(key, made as Promise<Uint8Array>);
      return made;
    },
  };
}
export type DrillModels = ReturnType<typeof createDrillModels>;
