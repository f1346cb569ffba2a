/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { VitePWA } from 'vite-plugin-pwa';
import { rgbPng } from './src/build/png.ts';

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

// ---- Offline use: the installable app and its service worker. ----

/**
 * The app's icon, drawn at build time as a PNG (no image files to keep in the repository): the
 * brand's half-filled amber disc (◐) on the top bar's dark blue. `maskable` keeps the disc inside
 * the safe zone that a launcher may crop to a circle.
 */
const BACKGROUND = [0x10, 0x18, 0x20];
const AMBER = [0xff, 0xb4, 0x00];
const LIGHT = [0xf6, 0xf7, 0xf9];

/** An RGB PNG of size × size pixels. */
function appIconPng(size: number, maskable = false): Buffer {
  const c = size / 2;
  const r = size * (maskable ? 0.3 : 0.4);
  const ring = Math.max(1, size * 0.035);
  return rgbPng(size, size, (x, y) => {
    const dx = x + 0.5 - c;
    const d = Math.hypot(dx, y + 0.5 - c);
    // Left half amber, right half light, with a light ring round the disc.
    return d > r + ring ? BACKGROUND : d > r ? LIGHT : dx < 0 ? AMBER : LIGHT;
  });
}

const THEME = '#101820';
/** The WebXR emulators (ours behind ?emulate=quest3, and @pmndrs/xr's, turned off): what only they reach stays out of the precache. */
const EMULATOR_ENTRY = /(src\/app\/emulate\.ts|@pmndrs\/xr\/dist\/emulate\.js)$/;
const ICONS = [
  { size: 192, file: 'icons/icon-192.png' },
  { size: 512, file: 'icons/icon-512.png' },
  { size: 512, file: 'icons/icon-maskable-512.png', maskable: true },
];

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  facadeModuleId?: string | null;
  imports?: string[];
  dynamicImports?: string[];
  viteMetadata?: { importedAssets?: Set<string>; importedCss?: Set<string> };
}

/** Files of the bundle that only the emulator's dynamic import reaches. */
function emulatorOnlyFiles(bundle: Record<string, ChunkLike>): Set<string> {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const reached = new Set<string>();
  const walk = (fileName: string) => {
    const chunk = bundle[fileName];
    if (!chunk || reached.has(fileName) || EMULATOR_ENTRY.test(chunk.facadeModuleId ?? '')) return;
    reached.add(fileName);
    for (const f of [...(chunk.viteMetadata?.importedAssets ?? []), ...(chunk.viteMetadata?.importedCss ?? [])]) reached.add(f);
    for (const f of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) walk(f);
  };
  for (const c of chunks) if (c.isEntry) walk(c.fileName);
  return new Set(chunks.map((c) => c.fileName).filter((f) => !reached.has(f)));
}

/** Draws the icons into the build, adds the theme colour to index.html, and finds the emulator's chunks. */
function iconsAndShell(excluded: Set<string>): Plugin {
  return {
    name: 'twinspect-pwa-shell',
    apply: 'build',
    // Whether the page registers sw.js (src/app/offline/service-worker.ts): in every build (the
    // browser tests build with NODE_ENV=test, so PROD is false there), never on the dev server.
    config: () => ({ define: { 'import.meta.env.TWINSPECT_SW': 'true' } }),
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'icon', type: 'image/png', href: '/icons/icon-192.png' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/icon-192.png' }, injectTo: 'head' },
    ],
    generateBundle(_options, bundle) {
      for (const icon of ICONS) this.emitFile({ type: 'asset', fileName: icon.file, source: appIconPng(icon.size, icon.maskable) });
      excluded.clear();
      for (const f of emulatorOnlyFiles(bundle as unknown as Record<string, ChunkLike>)) excluded.add(f);
    },
  };
}

/**
 * The installable app (vite-plugin-pwa, generateSW): a web manifest with icons drawn at build time,
 * a service worker that precaches the app shell — every chunk the app can load, except those only
 * the WebXR emulator's ?emulate=quest3 reaches (its captured rooms are megabytes) — and serves
 * index.html for every page. At run time, with the network first:
 *  - the catalogue's JSON, models, pictures and the detector's weights fall back to the
 *    "twinspect-offline" cache that "Make available offline" fills (nothing is written there
 *    otherwise: one download, one size to show);
 *  - a drill's models are read from "twinspect-drills" first, where the drills fetched ahead for
 *    offline practice keep theirs (each such URL is single-use, so never stale);
 *  - /api/auth/me falls back to the last answer, so a trainee is still signed in offline; signing in
 *    or out clears it. No other /api response is ever cached.
 */
function twinspectPwa(): Plugin[] {
  const excluded = new Set<string>();
  return [
    iconsAndShell(excluded),
    ...VitePWA({
      registerType: 'autoUpdate',
      // src/app/offline/service-worker.ts registers it (workbox-window), in production builds only.
      injectRegister: false,
      manifest: {
        name: 'Twinspect — genuine or counterfeit?',
        short_name: 'Twinspect',
        description: 'Learn to tell genuine goods from counterfeits: 3D comparisons, tells and drills, also offline.',
        theme_color: THEME,
        background_color: THEME,
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: ICONS.map((i) => ({ src: `/${i.file}`, sizes: `${i.size}x${i.size}`, type: 'image/png', ...(i.maskable ? { purpose: 'maskable' } : {}) })),
      },
      workbox: {
        globPatterns: ['index.html', 'assets/**/*.{js,css,wasm,woff,woff2}', 'icons/*.png'],
        // tfjs's threaded wasm needs cross-origin isolation, which the app does not have.
        globIgnores: ['**/*-threaded-simd-*.wasm'],
        manifestTransforms: [async (entries) => ({ manifest: entries.filter((e) => !excluded.has(e.url.replace(/^\//, ''))), warnings: [] })],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/content\//, /^\/models\//, /^\/xr-profiles\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname === '/api/auth/me',
            handler: async ({ request }) => {
              const cache = await caches.open('twinspect-session');
              try {
                const res = await fetch(request);
                if (res.ok) await cache.put('/api/auth/me', res.clone());
                return res;
              } catch (err) {
                const hit = await cache.match('/api/auth/me');
                if (hit) return hit;
                throw err;
              }
            },
          },
          {
            urlPattern: ({ url }) => url.pathname === '/api/auth/sign-in' || url.pathname === '/api/auth/sign-out',
            method: 'POST',
            handler: async ({ request }) => {
              await caches.delete('twinspect-session');
              return fetch(request);
            },
          },
          {
            urlPattern: ({ url }) => /^\/(content|models)\/|^\/api\/(catalogue$|products\/|files\/)/.test(url.pathname),
            handler: async ({ request }) => {
              const stored = () => caches.match(request, { cacheName: 'twinspect-offline', ignoreVary: true });
              try {
                const res = await fetch(request);
                return res.status < 500 ? res : ((await stored()) ?? res);
              } catch (err) {
                const hit = await stored();
                if (hit) return hit;
                throw err;
              }
            },
          },
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/api/drill-items/'),
            handler: async ({ request }) => (await caches.match(request, { cacheName: 'twinspect-drills', ignoreVary: true })) ?? fetch(request),
          },
        ],
      },
    }),
  ];
}

export default defineConfig({
  // The installable app and its service worker (offline use).
  plugins: [react(), xrProfiles(), twinspectPwa()],
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
