/** Content packs carry catalogue texts in every language, there and back. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../src/server/catalogue/load-pack';
import type { FileStore } from '../../../../src/server/studio/file-store';
import { exportPack } from '../../../../src/server/studio/pack-export';
import { checkPackZip } from '../../../../src/server/studio/pack-import';

const contentDir = join(import.meta.dirname, '../../../../content');

describe('a content pack with translated texts', () => {
  it('exports the built-in product with its Spanish and French texts and reads them back unchanged', async () => {
    const pack = await loadPack(contentDir);
    const product = pack.products.find((p) => p.id === 'halvard-meridian-diver')!;
    expect(product.name).toMatchObject({ es: expect.any(String), fr: expect.any(String) });
    const files = { get: async () => undefined } as unknown as FileStore;
    const zip = await exportPack([{ product, source: 'builtin', published: true, updatedAt: new Date() }], 'Languages', { files, contentDir });
    const checked = await checkPackZip(zip);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const back = checked.products[0]!.product;
    expect(back.name).toEqual(product.name);
    expect(back.variants[1]!.tells[0]!.title).toEqual(product.variants[1]!.tells[0]!.title);
    expect(back).toEqual(product);
  }, 60_000);
});
