import { describe, expect, it } from 'vitest';
import { DRILL_KINDS } from '../../../src/domain/drill';
import { generateDrill, NoDrillError } from '../../../src/domain/drill-generator';
import { fixtureProduct } from '../server/fixture-pack';

const products = [fixtureProduct('test-tote'), fixtureProduct('test-watch', 'watch')];

describe('generateDrill', () => {
  it('makes the same drill from the same seed, and another from another seed', () => {
    for (const kind of DRILL_KINDS) {
      expect(generateDrill({ kind, products, seed: 's1' })).toEqual(generateDrill({ kind, products, seed: 's1' }));
    }
    const seeds = Array.from({ length: 20 }, (_, i) => `seed-${i}`);
    const layouts = new Set(seeds.map((seed) => JSON.stringify(generateDrill({ kind: 'spot-the-fake', products, seed }).key.revealed)));
    expect(layouts.size).toBeGreaterThan(1);
  });

  it('keys spot-the-fake by the counterfeit label, and the key agrees with the items', () => {
    for (let i = 0; i < 20; i++) {
      const d = generateDrill({ kind: 'spot-the-fake', products, seed: `s${i}` });
      const fake = d.items.find((it) => it.variant.kind === 'counterfeit')!;
      expect(d.key.counterfeitLabel).toBe(fake.label);
      expect(d.key.counterfeitId).toBe(fake.variant.id);
      expect(d.key.tells).toEqual(fake.variant.tells);
    }
  });

  it('keys a genuine verdict with no tells but every category a counterfeit of it would train', () => {
    const drills = Array.from({ length: 30 }, (_, i) => generateDrill({ kind: 'verdict', products, seed: `v${i}`, productId: 'test-tote' }));
    const genuine = drills.find((d) => d.key.genuine)!;
    const fake = drills.find((d) => d.key.genuine === false)!;
    expect(genuine.key).toMatchObject({ tells: [] });
    expect(genuine.key.counterfeitId).toBeUndefined();
    expect([...genuine.key.categories].sort()).toEqual(['label-serial-codes', 'logo-typography', 'materials-colour']);
    expect(fake.key.counterfeitId).toBe(fake.items[0]!.variant.id);
  });

  it('shows the genuine reference beside the suspect in find-the-tells, with the tell count', () => {
    const d = generateDrill({ kind: 'find-the-tells', products, seed: 'f', productId: 'test-tote' });
    expect(d.items.map((it) => [it.role, it.variant.kind])).toEqual([
      ['reference', 'genuine'],
      ['suspect', 'counterfeit'],
    ]);
    expect(d.tellCount).toBe(d.key.tells.length);
  });

  it('says which product could not be drilled', () => {
    expect(() => generateDrill({ kind: 'verdict', products, seed: 'x', productId: 'nope' })).toThrow(NoDrillError);
    expect(() => generateDrill({ kind: 'verdict', products, seed: 'x', productId: 'nope' })).toThrow('"nope"');
  });
});
