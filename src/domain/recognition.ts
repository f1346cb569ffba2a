/**
 * From COCO-SSD detections to catalogue products. Pure TypeScript (no DOM, Node or tfjs): the
 * browser worker and the `twinspect scan` command both run the detector, describe each detected
 * region with ./image-descriptor, and call matchProducts.
 *
 * Rules (see matchProducts):
 *  1. Only detections scoring at least MIN_DETECTION_SCORE count.
 *  2. A product is a candidate for a detection when the detection's class is one of its cocoClasses.
 *  3. A class claimed by ONE product: that product scores the detection's score (by 'class').
 *  4. A class claimed by SEVERAL products (second stage):
 *     - a claimant with reference descriptors is compared with the detected region; it scores
 *       best similarity × detection score (by 'photo'), and is dropped when its best similarity is
 *       below PHOTO_THRESHOLD (the region does not look like any of its photos);
 *     - a claimant without reference descriptors (or when the region could not be described) cannot
 *       be told apart from the others: it keeps detection score × SHARED_CLASS_PENALTY (by 'class'),
 *       so that a product confirmed by its photos ranks above it.
 *  5. Each product keeps its best score over all detections; matches are sorted best first.
 *  6. noMatch when no product is left.
 */
import { similarity, type Descriptor } from './image-descriptor';
import type { LocalText } from './local-text';

export type { Descriptor } from './image-descriptor';

export interface Detection {
  cocoClass: string;
  score: number;
  /** x, y, width, height in the image's pixels. */
  box: [number, number, number, number];
}

export interface CatalogueEntry {
  productId: string;
  productName: LocalText;
  cocoClasses: string[];
  /** Descriptors of the product's reference photos (may be empty). */
  references: Descriptor[];
}

export interface ProductMatch {
  productId: string;
  productName: LocalText;
  /** 0..1 */
  score: number;
  /** Index into ScanOutcome.detections of the detection that gave this score. */
  detection: number;
  by: 'class' | 'photo';
}

export interface ScanOutcome {
  detections: Detection[];
  /** Best first, one per product. */
  matches: ProductMatch[];
  noMatch: boolean;
}

/** Detections below this score are ignored (COCO-SSD's own default minScore). */
export const MIN_DETECTION_SCORE = 0.5;
/** The detection-score threshold for a match (alias of MIN_DETECTION_SCORE). */
export const MATCH_THRESHOLD = MIN_DETECTION_SCORE;
/**
 * Below this similarity (./image-descriptor's similarity, 0..1) a detected region does not look like a
 * product's reference photo. Chosen on the shared fixture photos (11 photos, 24 detected regions): the
 * same region at half size scores 0.94–0.99; regions from different photos score 0.25 (median) to
 * 0.69 (two different backpacks) — the threshold sits just above that.
 */
export const PHOTO_THRESHOLD = 0.72;
/** Factor applied to a claimant without reference photos when several products share the class. */
export const SHARED_CLASS_PENALTY = 0.5;

export function matchProducts(
  detections: Detection[],
  regions: (Descriptor | null | undefined)[],
  catalogue: CatalogueEntry[],
): ScanOutcome {
  const claimants = new Map<string, CatalogueEntry[]>();
  for (const entry of catalogue) {
    for (const cocoClass of new Set(entry.cocoClasses)) {
      const list = claimants.get(cocoClass);
      if (list) list.push(entry);
      else claimants.set(cocoClass, [entry]);
    }
  }

  const best = new Map<string, ProductMatch>();
  const offer = (match: ProductMatch) => {
    const held = best.get(match.productId);
    if (!held || match.score > held.score) best.set(match.productId, match);
  };

  detections.forEach((detection, index) => {
    if (!(detection.score >= MIN_DETECTION_SCORE)) return;
    const products = claimants.get(detection.cocoClass) ?? [];
    if (products.length === 0) return;
    const name = (p: CatalogueEntry) => ({ productId: p.productId, productName: p.productName, detection: index });
    if (products.length === 1) {
      offer({ ...name(products[0]!), score: detection.score, by: 'class' });
      return;
    }
    const region = regions[index];
    for (const product of products) {
      if (product.references.length > 0 && region) {
        let sim = 0;
        for (const reference of product.references) sim = Math.max(sim, similarity(region, reference));
        if (sim < PHOTO_THRESHOLD) continue;
        offer({ ...name(product), score: sim * detection.score, by: 'photo' });
      } else {
        offer({ ...name(product), score: detection.score * SHARED_CLASS_PENALTY, by: 'class' });
      }
    }
  });

  const matches = [...best.values()].sort(
    (a, b) => b.score - a.score || a.productId.localeCompare(b.productId),
  );
  return { detections, matches, noMatch: matches.length === 0 };
}
