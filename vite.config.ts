/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

/**
 * Serves WebXR controller and hand models from the app itself at /xr-profiles/ (the default is a
 * public CDN): from node_modules in dev, and copied into the build for the profiles a Quest uses.
 */
function xrProfiles(): Plugin {
  const src = join(import.meta.dirname, 'node_modules/@webxr-input-profiles/assets/dist/profiles');
  const kept = ['generic-hand', 'generic-trigger', 'generic-trigger-squeeze', 'generic-trigger-squeeze-thumbstick', 'meta-quest-touch-plus', 'oculus-touch-v3'];
  const types: Record<string, string> = { '.json': 'application/json', '.glb': 'model/gltf-binary' };
  return {
    name: 'twinspect-xr-profiles',
    configureServer(server) {
      server.middlewares.use('/xr-profiles', (req, res, next) => {
        const file = join(src, normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, ''));
        if (!file.startsWith(src) || !existsSync(file) || !types[extname(file)]) return next();
        res.setHeader('content-type', types[extname(file)]!);
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'xr-profiles/profilesList.json', source: readFileSync(join(src, 'profilesList.json')) });
      for (const id of kept) {
        for (const f of readdirSync(join(src, id))) this.emitFile({ type: 'asset', fileName: `xr-profiles/${id}/${f}`, source: readFileSync(join(src, id, f)) });
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), xrProfiles()],
  resolve: { dedupe: ['three', 'react', 'react-dom'] },
  // The scan worker (src/recognition/scan-worker.ts) is a module worker that code-splits tfjs.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    // The benchmarks read the chunk graph from dist/.vite/manifest.json.
    manifest: true,
    // Only the emulator's captured rooms (loaded behind ?emulate=quest3) are this large.
    chunkSizeWarningLimit: 2200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/content': 'http://127.0.0.1:8080' } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
