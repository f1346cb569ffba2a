/** What a reviewer reads: each change between two versions of a product, one line each, in the field's words. */
import { describe, expect, it } from 'vitest';
import { diffProducts } from '../../../src/domain/catalogue-diff';
import type { Product } from '../../../src/domain/catalogue';
import { fixtureProduct } from '../server/fixture-pack';

const copy = (p: Product): Product => structuredClone(p);

describe('diffProducts', () => {
  it('says nothing changed for the same product, and ignores reordered variants and tells', () => {
    const before = fixtureProduct('test-tote');
    const after = copy(before);
    after.variants.reverse();
    after.variants.find((v) => v.id === 'fake-a')!.tells.reverse();
    expect(diffProducts(before, after)).toEqual([]);
  });

  it("names a tell's changed texts, class, severity and tolerance under its variant's label", () => {
    const before = fixtureProduct('test-tote');
    const after = copy(before);
    const tell = after.variants[1]!.tells[0]!;
    tell.counterfeit = 'Letters too close together.';
    tell.genuine = 'Even letter spacing.';
    tell.iso = 'covert';
    tell.severity = 'critical';
    tell.tolerance = 0.01;
    expect(diffProducts(before, after)).toEqual([
      "Counterfeit A › tell \"Tell logo-font\": ISO 22383 class changed: overt → covert",
      "Counterfeit A › tell \"Tell logo-font\": genuine text changed",
      "Counterfeit A › tell \"Tell logo-font\": counterfeit text changed",
      "Counterfeit A › tell \"Tell logo-font\": severity changed: major → critical",
      "Counterfeit A › tell \"Tell logo-font\": tolerance changed: 20 mm → 10 mm",
    ]);
  });

  it('says when a tell moves, on its model or on the genuine, and when one is added or removed', () => {
    const before = fixtureProduct('test-tote');
    const after = copy(before);
    const [first, second] = after.variants[1]!.tells;
    first!.at = { ...first!.at, position: [0.01, 0.2, 0] };
    second!.genuineAt = { ...second!.genuineAt, node: 'label' };
    after.variants[2]!.tells = [{ ...after.variants[2]!.tells[0]!, id: 'seam-width' }];
    expect(diffProducts(before, after)).toEqual([
      "Counterfeit A › tell \"Tell logo-font\": moved on this model",
      "Counterfeit A › tell \"Tell label-print\": moved on the genuine model",
      "Counterfeit B › tell \"Tell side-colour\" added",
      "Counterfeit B › tell \"Tell side-colour\" removed",
    ]);
  });

  it('lists variants added and removed, a replaced model, a new weight and the product fields', () => {
    const before = fixtureProduct('test-tote');
    const after = copy(before);
    after.name = 'Test tote II';
    after.hsCode = '4202.22';
    after.cocoClasses = ['handbag', 'suitcase'];
    after.variants[1]!.model = 'files/' + 'a'.repeat(64) + '.glb';
    after.variants[1]!.weightGrams = 400;
    after.variants.splice(2, 1, { ...before.variants[2]!, id: 'fake-c', label: 'Counterfeit C', tells: [] });
    after.photos.push({ file: 'photos/front.jpg', caption: 'Front' });
    expect(diffProducts(before, after)).toEqual([
      'Name changed: "Test test-tote" → "Test tote II"',
      'HS code changed: 4202.21 → 4202.22',
      'Camera classes changed: handbag → handbag, suitcase',
      'Photo added: Front',
      'Counterfeit A › model replaced',
      'Counterfeit A › weight changed: 420 g → 400 g',
      'Variant added: Counterfeit C',
      'Variant removed: Counterfeit B',
    ]);
  });

  it('describes a product never published as new, with each variant and tell', () => {
    const after = fixtureProduct('test-tote');
    expect(diffProducts(undefined, after)).toEqual([
      'New product: Test test-tote',
      'Variant added: Genuine',
      'Variant added: Counterfeit A',
      "Counterfeit A › tell \"Tell logo-font\" added",
      "Counterfeit A › tell \"Tell label-print\" added",
      'Variant added: Counterfeit B',
      "Counterfeit B › tell \"Tell side-colour\" added",
    ]);
  });

  it('names a tell by its title, never by its id', () => {
    const before = fixtureProduct('test-tote');
    const after = copy(before);
    after.variants[1]!.tells.push({ ...after.variants[1]!.tells[0]!, id: 'tell-3', title: 'Cap engraving too shallow' });
    const lines = diffProducts(before, after);
    expect(lines).toEqual(['Counterfeit A › tell "Cap engraving too shallow" added']);
    expect(lines.join()).not.toContain('tell-3');
  });
});
