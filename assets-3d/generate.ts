/**
 * Writes the built-in catalogue's GLB files: content/products/<product>/models/<variant>.glb.
 * Run with `npm run assets` (also run by `npm start` and the tests when a model is missing).
 * Fails when a model breaks the budget: 1.5 MB and 150k triangles per variant.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCT_SOURCES } from './products/index';

export const MAX_GLB_BYTES = 1.5 * 1024 * 1024;
export const MAX_TRIANGLES = 150_000;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `missing: true` writes only the models that are not there yet (what `npm start` and the tests need). */
export async function generate(opts: { only?: string; quiet?: boolean; missing?: boolean; contentDir?: string } = {}): Promise<void> {
  const contentDir = opts.contentDir ?? join(root, 'content');
  const problems: string[] = [];
  for (const source of PRODUCT_SOURCES) {
    if (opts.only && source.id !== opts.only) continue;
    for (const [variantId, build] of Object.entries(source.variants)) {
      const file = join(contentDir, 'products', source.id, 'models', `${variantId}.glb`);
      if (opts.missing && existsSync(file)) continue;
      const model = await build();
      const glb = await model.toGLB(`${source.id}/${variantId}`);
      const triangles = model.triangles();
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, glb);
      if (!opts.quiet) console.log(`${source.id}/${variantId}.glb  ${(glb.byteLength / 1024).toFixed(0)} kB  ${triangles} triangles`);
      if (glb.byteLength > MAX_GLB_BYTES) problems.push(`${source.id}/${variantId}: ${glb.byteLength} bytes is over 1.5 MB`);
      if (triangles > MAX_TRIANGLES) problems.push(`${source.id}/${variantId}: ${triangles} triangles is over 150k`);
    }
  }
  if (problems.length) throw new Error(`models over budget:\n${problems.join('\n')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  generate({ only, missing: process.argv.includes('--missing'), quiet: process.argv.includes('--quiet') }).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
