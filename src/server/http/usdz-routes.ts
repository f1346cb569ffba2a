/**
 * The USDZ of each published variant, for Apple's AR Quick Look (the comparison page's "View in your
 * space" link): GET /api/products/:id/variants/:variant/model.usdz, public like the product itself.
 * The first request for a built-in variant makes the file (a second or so); later ones are served from
 * the database. The URL stays the same when a product is published again, so it is revalidated by
 * its ETag (the USDZ's sha256) rather than cached for good.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { USDZ_MEDIA_TYPE, USDZ_ROUTE } from '../../domain/quick-look';
import { createUsdzStore, type UsdzStore, type UsdzStoreDeps } from '../apple/usdz-store';
import type { CatalogueStore } from '../db/catalogue-store';
import { parseOr400 } from './validate';

const Params = z.object({ id: z.string().min(1).max(100), variant: z.string().min(1).max(100) });

export function registerUsdzRoutes(
  app: FastifyInstance,
  deps: Omit<UsdzStoreDeps, 'log'> & { store: CatalogueStore; log?: (message: string) => void },
): UsdzStore {
  const usdz = createUsdzStore({ ...deps, log: deps.log ?? ((m) => console.warn(`twinspect: ${m}`)) });
  // Exports still running finish before the database closes.
  app.addHook('onClose', () => usdz.idle());

  app.get(USDZ_ROUTE, { config: { access: 'public' } }, async (request, reply) => {
    const params = parseOr400(Params, request.params, reply, 'params');
    if (!params) return reply;
    const found = await deps.store.get(params.id);
    const variant = found?.product.variants.find((v) => v.id === params.variant);
    if (!found || !variant) {
      return reply.code(404).send({ error: 'variant_not_found', message: `No published variant ${JSON.stringify(params.variant)} of ${JSON.stringify(params.id)}.` });
    }
    const made = await usdz.forVariant(found.product, variant, found.source);
    const file = made.ok ? await usdz.file(made.sha256) : undefined;
    if (!file) {
      const reason = made.ok ? 'its file is missing' : made.error;
      return reply.code(404).send({ error: 'usdz_unavailable', message: `No USDZ of ${params.id}/${params.variant}: ${reason}` });
    }
    const etag = `"${file.sha256}"`;
    reply.header('etag', etag).header('cache-control', 'public, max-age=300, must-revalidate');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(USDZ_MEDIA_TYPE).send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });

  return usdz;
}
