#!/usr/bin/env node
// `npm start`: makes sure the built-in models and the client build exist, then starts the server.
// Each preparation step may fail without stopping the server: it then starts with what it has and says why.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const contentDir = process.env.CONTENT_DIR || join(root, 'content');
const distDir = process.env.DIST_DIR || join(root, 'dist');

/** Model files the built-in pack names that are not on disk (products whose JSON cannot be read are skipped). */
function missingModels() {
  const missing = [];
  let ids = [];
  try {
    ids = JSON.parse(readFileSync(join(contentDir, 'pack.json'), 'utf8')).products ?? [];
  } catch {
    return missing;
  }
  for (const id of ids) {
    let product;
    try {
      product = JSON.parse(readFileSync(join(contentDir, 'products', id, 'product.json'), 'utf8'));
    } catch {
      continue;
    }
    for (const variant of product.variants ?? []) {
      const file = join(contentDir, 'products', id, String(variant.model));
      if (!existsSync(file)) missing.push(file);
    }
  }
  return missing;
}

function newestMtime(path, skip) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    const child = join(path, entry);
    if (skip.includes(child)) continue;
    newest = Math.max(newest, newestMtime(child, skip));
  }
  return newest;
}

function clientIsStale() {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(
    newestMtime(join(root, 'src'), [join(root, 'src', 'server')]),
    newestMtime(join(root, 'index.html'), []),
    newestMtime(join(root, 'vite.config.ts'), []),
  );
  return statSync(index).mtimeMs < sources;
}

const missing = missingModels();
if (missing.length > 0) {
  console.log(`Generating ${missing.length} missing model file(s)…`);
  try {
    const { generate } = await import('../../../assets-3d/generate.ts');
    await generate({ quiet: true, missing: true, contentDir });
  } catch (err) {
    console.warn(`warning: could not generate the models: ${err instanceof Error ? err.message : err}`);
  }
}

if (process.env.TWINSPECT_SKIP_BUILD !== '1' && clientIsStale()) {
  console.log('Building the client (vite build)…');
  try {
    const { build } = await import('vite');
    await build({ root, logLevel: 'warn', build: { outDir: distDir } });
  } catch (err) {
    const has = existsSync(join(distDir, 'index.html'));
    console.warn(
      `warning: the client build failed (${err instanceof Error ? err.message.split('\n')[0] : err}); ` +
        (has ? 'serving the previous build.' : 'the server starts without a client: / answers 503 until npm run build works.'),
    );
  }
}

const { main } = await import('../main.ts');
await main();
