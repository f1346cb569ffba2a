/**
 * Static files: the content pack's models and pictures under /content/, and the built client at /
 * with a fallback to index.html for the app's own routes.
 */
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Only these leave the content folder: the JSON documents are served through the API. */
export const CONTENT_EXTENSIONS = new Set(['.glb', '.png', '.jpg', '.jpeg', '.webp']);

export async function registerStaticFiles(app: FastifyInstance, dirs: { contentDir: string; distDir: string }) {
  if (existsSync(dirs.contentDir)) {
    await app.register(fastifyStatic, {
      root: dirs.contentDir,
      prefix: '/content/',
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: 'deny',
      allowedPath: (pathname) => CONTENT_EXTENSIONS.has(extname(pathname).toLowerCase()),
    });
  }
  const hasDist = existsSync(dirs.distDir);
  if (hasDist) {
    await app.register(fastifyStatic, { root: dirs.distDir, prefix: '/', index: ['index.html'], dotfiles: 'deny' });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) {
      return reply.code(404).send({ error: 'not_found', message: `No API route ${request.method} ${path}` });
    }
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/content/') &&
      !path.startsWith('/assets/') &&
      !/\.[A-Za-z0-9]+$/.test(path);
    if (!isPage) return reply.code(404).send({ error: 'not_found', message: `No file ${path}` });
    if (!hasDist || !existsSync(join(dirs.distDir, 'index.html'))) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`The Twinspect client is not built: ${dirs.distDir}/index.html is missing. Run npm run build (npm start builds it).`);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', dirs.distDir);
  });
}
