/** A draft may hold empty texts and no weight while the author works; review asks for each, by place. */
import { describe, expect, it } from 'vitest';
import { Product, ProductDraft } from '../../../src/domain/catalogue';
import { unfinishedParts } from '../../../src/domain/draft-readiness';
import { addVariant, placeTell } from '../../../src/app/studio/document-edits';
import { fixtureProduct } from '../server/fixture-pack';

const POINT = { position: [0, 0.1, 0] as [number, number, number], normal: [0, 1, 0] as [number, number, number], node: 'body' };

describe('draft readiness', () => {
  it('a finished product has nothing left to do', () => {
    expect(unfinishedParts(fixtureProduct('test-tote'))).toEqual([]);
  });

  it('a new variant and tell start empty (no filler), are valid drafts, and are listed until filled in', () => {
    const start = { ...fixtureProduct('test-tote') };
    const { doc: withVariant, variantId } = addVariant(start, 'counterfeit', 'files/' + 'b'.repeat(64) + '.glb');
    const { doc, tellId } = placeTell(withVariant, variantId, POINT);
    const variant = doc.variants.find((v) => v.id === variantId)!;
    const tell = variant.tells.find((t) => t.id === tellId)!;
    expect([tell.title, tell.genuine, tell.counterfeit, variant.provenance, variant.weightGrams]).toEqual(['', '', '', '', 0]);
    expect(ProductDraft.safeParse(doc).success).toBe(true);
    expect(Product.safeParse(doc).success).toBe(false);
    const index = doc.variants.indexOf(variant);
    expect(unfinishedParts(doc).map((p) => [p.variant, p.tell, p.field])).toEqual([
      [index, undefined, 'weightGrams'],
      [index, undefined, 'provenance'],
      [index, 0, 'title'],
      [index, 0, 'genuine'],
      [index, 0, 'counterfeit'],
    ]);
  });

  it('names a counterfeit without tells and a product without its genuine', () => {
    const doc = fixtureProduct('test-tote');
    doc.variants[2]!.tells = [];
    doc.variants.splice(0, 1);
    expect(unfinishedParts(doc).map((p) => [p.variant, p.field])).toEqual([
      [undefined, 'variants'],
      [1, 'tells'],
    ]);
  });

  it('a draft still refuses what is wrong rather than unfinished: a negative weight, a blank product name', () => {
    const doc = fixtureProduct('test-tote');
    doc.variants[1]!.weightGrams = -1;
    doc.name = ' ';
    expect(ProductDraft.safeParse(doc).error?.issues.map((i) => i.path.join('.'))).toEqual(['name', 'variants.1.weightGrams']);
  });
});
