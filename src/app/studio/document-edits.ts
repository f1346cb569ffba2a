/** Pure edits of a product draft: each returns a new document, so the history keeps whole documents. */
import type { ProductDraft, SurfacePoint, Tell, Variant, VariantKind } from '../../domain/catalogue';

/** A point picked on a model: what the raycast gives (the normal may be missing on a point cloud). */
export interface PickedPoint {
  position: [number, number, number];
  normal?: [number, number, number];
  node?: string;
}

export function surfacePointOf(p: PickedPoint): SurfacePoint {
  return { position: p.position, normal: p.normal ?? [0, 1, 0], node: p.node || 'root' };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function freeId(taken: Set<string>, stem: string, first = 1): string {
  for (let i = first; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

export function addVariant(doc: ProductDraft, kind: VariantKind, model: string): { doc: ProductDraft; variantId: string } {
  const taken = new Set(doc.variants.map((v) => v.id));
  let id = 'genuine';
  let label = 'Genuine';
  if (kind === 'counterfeit') {
    const i = [...LETTERS].findIndex((l) => !taken.has(`counterfeit-${l}`));
    id = `counterfeit-${LETTERS[i] ?? 'z'}`;
    label = `Counterfeit ${(LETTERS[i] ?? 'z').toUpperCase()}`;
  }
  // Weight and provenance are the author's to enter (0 and empty until then): sending for review asks for them.
  const variant: Variant = { id, kind, label, model, weightGrams: 0, provenance: '', tells: [] };
  return { doc: { ...doc, variants: [...doc.variants, variant] }, variantId: id };
}

export function updateVariant(doc: ProductDraft, variantId: string, change: Partial<Omit<Variant, 'id' | 'tells'>>): ProductDraft {
  return { ...doc, variants: doc.variants.map((v) => (v.id === variantId ? { ...v, ...change } : v)) };
}

export function removeVariant(doc: ProductDraft, variantId: string): ProductDraft {
  return { ...doc, variants: doc.variants.filter((v) => v.id !== variantId) };
}

/**
 * A new tell where the author clicked; its genuine point starts at the same model-space point until
 * linked. Its texts start empty (the form shows what to write as placeholders), never as filler that
 * could be published.
 */
export function placeTell(doc: ProductDraft, variantId: string, at: PickedPoint): { doc: ProductDraft; tellId: string } {
  const variant = doc.variants.find((v) => v.id === variantId);
  if (!variant || variant.kind !== 'counterfeit') return { doc, tellId: '' };
  const tellId = freeId(new Set(variant.tells.map((t) => t.id)), 'tell', variant.tells.length + 1);
  const point = surfacePointOf(at);
  const tell: Tell = {
    id: tellId,
    title: '',
    category: 'logo-typography',
    iso: 'overt',
    tool: 'naked-eye',
    genuine: '',
    counterfeit: '',
    severity: 'major',
    tolerance: 0.01,
    at: point,
    genuineAt: point,
  };
  return { doc: updateTells(doc, variantId, (tells) => [...tells, tell]), tellId };
}

export function updateTells(doc: ProductDraft, variantId: string, change: (tells: Tell[]) => Tell[]): ProductDraft {
  return { ...doc, variants: doc.variants.map((v) => (v.id === variantId ? { ...v, tells: change(v.tells) } : v)) };
}

export function updateTell(doc: ProductDraft, variantId: string, tellId: string, change: Partial<Tell>): ProductDraft {
  return updateTells(doc, variantId, (tells) => tells.map((t) => (t.id === tellId ? { ...t, ...change } : t)));
}

export function deleteTell(doc: ProductDraft, variantId: string, tellId: string): ProductDraft {
  return updateTells(doc, variantId, (tells) => tells.filter((t) => t.id !== tellId));
}
