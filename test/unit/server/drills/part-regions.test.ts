/**
 * Whole-part tells on a real built-in product: the perfume's "cap" tells cover the whole cap, measured
 * on the counterfeit's own generated model when a drill is made, so a pin on the side of the cap finds
 * them; a pin on the bottle does not.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Product } from '../../../../src/domain/catalogue';
import { matchPins } from '../../../../src/domain/scoring';
import { createPartRegions } from '../../../../src/server/drills/part-regions';
import type { FileStore } from '../../../../src/server/studio/file-store';
import { productGlb } from '../uploads/upload-fixtures';

const ID = 'aurele-no7-perfume';

async function perfumeFolder(): Promise<{ contentDir: string; product: Product }> {
  const product = Product.parse(JSON.parse(await readFile(join(import.meta.dirname, '../../../../content/products', ID, 'product.json'), 'utf8')));
  const contentDir = await mkdtemp(join(tmpdir(), 'twinspect-parts-'));
  await mkdir(join(contentDir, 'products', ID, 'models'), { recursive: true });
  for (const v of product.variants) await writeFile(join(contentDir, 'products', ID, v.model), await productGlb(ID, v.id));
  return { contentDir, product };
}

describe('whole-part tells', () => {
  it('get the box of their part from the counterfeit model, and a pin on the side of the cap finds the cap tell', async () => {
    const { contentDir, product } = await perfumeFolder();
    const regions = createPartRegions({ contentDir, files: {} as FileStore });
    const fake = product.variants.find((v) => v.id === 'counterfeit-b')!;
    const tells = await regions({ product, source: 'builtin', published: true, updatedAt: new Date() }, fake.id, fake.tells);
    const cap = tells.find((t) => t.id === 'short-cap')!;
    expect(cap.wholePart).toBe(true);
    const box = cap.partBox!;
    // The point lies in the box, and the box is the whole cap: far larger than the tell's tolerance.
    for (let k = 0; k < 3; k++) expect(cap.at.position[k]).toBeGreaterThanOrEqual(box.min[k]!);
    expect(Math.max(...[0, 1, 2].map((k) => box.max[k]! - box.min[k]!))).toBeGreaterThan(2 * cap.tolerance);
    // Tells that are one spot get no box.
    expect(tells.filter((t) => !t.wholePart).every((t) => t.partBox === undefined)).toBe(true);

    // A pin on the cap's far side, well outside the tolerance round the tell's point.
    const side: [number, number, number] = [box.max[0]! - 0.002, (box.min[1]! + box.max[1]!) / 2, (box.min[2]! + box.max[2]!) / 2];
    expect(Math.hypot(...side.map((v, k) => v - cap.at.position[k]!))).toBeGreaterThan(cap.tolerance);
    expect(matchPins([{ position: side }], tells).found.has('short-cap')).toBe(true);
    // Without the box (as before), the same pin was a false alarm.
    expect(matchPins([{ position: side }], fake.tells).found.has('short-cap')).toBe(false);
    // A pin well below the cap, on the bottle, does not find it.
    const bottle: [number, number, number] = [side[0], box.min[1]! - 0.03, side[2]];
    expect(matchPins([{ position: bottle }], tells).found.has('short-cap')).toBe(false);
  }, 120_000);

  it('leave the tells as they are where the model cannot be read', async () => {
    const { product } = await perfumeFolder();
    const regions = createPartRegions({ contentDir: await mkdtemp(join(tmpdir(), 'twinspect-empty-')), files: {} as FileStore });
    const fake = product.variants.find((v) => v.id === 'counterfeit-b')!;
    expect(await regions({ product, source: 'builtin', published: true, updatedAt: new Date() }, fake.id, fake.tells)).toEqual(fake.tells);
  }, 120_000);
});
