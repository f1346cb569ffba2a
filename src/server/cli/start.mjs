#!/usr/bin/env node
// `npm start`: makes sure the built-in models and the client build exist, then starts the server.
// Each preparation step may fail without stopping the server: it then starts with what it has and says why.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const contentDir = process.env.CONTENT_DIR || join(root, 'content');
const distDir = process.env.DIST_DIR || join(root, 'dist');

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

// What the environment was before any step: vite's build sets NODE_ENV=production in this process, which
// once made the first start (the one that builds) log JSON and the next ones text.
const env = { ...process.env };
const { bootLine } = await import('../ops/logger.ts');
const say = (level, message) => bootLine(env, level, message);

try {
  const { ensureModels } = await import('./ensure-models.ts');
  await ensureModels(contentDir, { info: (message) => say('info', message) });
} catch (err) {
  say('warn', `could not generate the models: ${err instanceof Error ? err.message : err}`);
}

if (process.env.TWINSPECT_SKIP_BUILD !== '1' && clientIsStale()) {
  say('info', 'Building the client (vite build)…');
  try {
    const { build, createLogger } = await import('vite');
    // vite's own warnings in the same format as every other line (JSON lines stay JSON).
    const logger = createLogger('warn');
    const plain = (message) => String(message).replace(/\x1b\[[0-9;]*m/g, '');
    logger.warn = logger.warnOnce = (message) => say('warn', plain(message));
    logger.error = (message) => say('error', plain(message));
    await build({ root, logLevel: 'warn', customLogger: logger, build: { outDir: distDir } });
  } catch (err) {
    const has = existsSync(join(distDir, 'index.html'));
    say(
      'warn',
      `the client build failed (${err instanceof Error ? err.message.split('\n')[0] : err}); ` +
        (has ? 'serving the previous build.' : 'the server starts without a client: / answers 503 until npm run build works.'),
    );
  } finally {
    if (env.NODE_ENV === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env.NODE_ENV;
  }
}

const { main } = await import('../main.ts');
await main(env);
