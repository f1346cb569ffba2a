/**
 * The built-in catalogue in content/ passes `twinspect catalogue check` and has the shape the product
 * promises: at least 8 products in 6 categories, each with 1 genuine and at least 2 counterfeits,
 * each counterfeit with at least 4 tells, at least 4 tell categories per product.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack, type LoadedPack } from '../../../src/server/catalogue/load-pack';
import { formatPackError } from '../../../src/server/catalogue/pack-error';
import { summarise, type CatalogueSummary } from '../../../src/server/catalogue/summary';

const root = join(__dirname, '../../..');
const content = join(root, 'content');

describe('the built-in catalogue (content/)', { timeout: 300_000 }, () => {
  let pack: LoadedPack;
  let summary: CatalogueSummary;
  beforeAll(async () => {
    // Models are generated (and git-ignored): when the JSON is sound but models are missing, make them
    // as npm start does, then check again with the models.
    pack = await loadPack(content, { missingModels: 'warn' });
    if (pack.errors.length === 0 && pack.warnings.length > 0) {
      const { generate } = await import('../../../assets-3d/generate');
      await generate({ quiet: true });
    }
    if (pack.errors.length === 0) pack = await loadPack(content);
    summary = summarise(pack.products);
  }, 300_000);

  it('has no errors', () => {
    expect(pack.errors.map(formatPackError)).toEqual([]);
    expect(pack.warnings.map(formatPackError)).toEqual([]);
  });

  it('has at least 8 products in at least 6 categories', () => {
    expect(summary.products.length).toBeGreaterThanOrEqual(8);
    expect(new Set(summary.products.map((p) => p.category)).size).toBeGreaterThanOrEqual(6);
  });

  it('gives each product 1 genuine, at least 2 counterfeits of at least 4 tells, and at least 4 tell categories', () => {
    const problems: string[] = [];
    for (const p of summary.products) {
      const genuine = p.variants.filter((v) => v.kind === 'genuine');
      const fakes = p.variants.filter((v) => v.kind === 'counterfeit');
      if (genuine.length !== 1) problems.push(`${p.id}: ${genuine.length} genuine variants`);
      if (fakes.length < 2) problems.push(`${p.id}: ${fakes.length} counterfeits`);
      for (const f of fakes) if (f.tells < 4) problems.push(`${p.id}/${f.id}: ${f.tells} tells`);
      if (p.tellCategories.length < 4) problems.push(`${p.id}: ${p.tellCategories.length} tell categories`);
    }
    expect(problems).toEqual([]);
    expect(summary.products.length).toBeGreaterThan(0);
  });
});
