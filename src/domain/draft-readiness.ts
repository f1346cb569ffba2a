/**
 * What a studio draft still lacks before it can be sent for review: the places where it fails the
 * finished Product schema, each with the variant and tell it belongs to, so the editor can say
 * "Counterfeit A › tell 2: the title is missing" and the server refuses the same draft.
 * Pure TypeScript: no React, three, DOM or Node imports.
 */
import { Product, type ProductDraft } from './catalogue';

export interface Unfinished {
  /** Index into the draft's variants, where the gap is in a variant. */
  variant?: number;
  /** Index into that variant's tells, where the gap is in a tell. */
  tell?: number;
  /** The field at fault: "title", "weightGrams", "tells", "variants", "hsCode"… */
  field: string;
  /** The schema's own words, for a field the editor has no sentence for. */
  message: string;
}

export function unfinishedParts(doc: ProductDraft): Unfinished[] {
  const checked = Product.safeParse(doc);
  if (checked.success) return [];
  return checked.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const out: Unfinished = { field: '', message: issue.message };
    let i = 0;
    if (path[0] === 'variants' && typeof path[1] === 'number') {
      out.variant = path[1];
      i = 2;
      if (path[2] === 'tells' && typeof path[3] === 'number') {
        out.tell = path[3];
        i = 4;
      }
    }
    out.field = String(path[i] ?? (out.tell !== undefined ? 'tell' : out.variant !== undefined ? 'variant' : 'product'));
    return out;
  });
}
