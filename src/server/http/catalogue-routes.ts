/** The catalogue API: the picker's list and one product for study mode. */
import type { FastifyInstance } from 'fastify';
import type { Product } from '../../domain/catalogue';
import { storedFileOf, storedFileUrl } from '../../domain/stored-file';
import { pickerEntry } from '../catalogue/summary';
import { catalogueVersion } from '../catalogue/version';
import { gtin14, gtinProblem } from '../../domain/gtin';
import type { CatalogueStore } from '../db/catalogue-store';
import type { ProductSource } from '../db/schema';
import { sendInvalid } from './validate';

/**
 * The product as the client needs it: file references become URLs, under /content/ for the built-in
 * pack's files, under /api/files/ for an authored product's uploaded ones.
 */
export function productForClient(product: Product, source: ProductSource = 'builtin'): Product {
  const base = `/content/products/${product.id}`;
  const url = (file: string) => {
    const stored = source === 'authored' ? storedFileOf(file) : undefined;
    return stored ? storedFileUrl(stored.sha256) : `${base}/${file}`;
  };
  return {
    ...product,
    photos: product.photos.map((photo) => ({ ...photo, file: url(photo.file) })),
    variants: product.variants.map((variant) => ({ ...variant, model: url(variant.model) })),
  };
}

export function registerCatalogueRoutes(app: FastifyInstance, store: CatalogueStore): void {
  app.get('/api/catalogue', { config: { access: 'public' } }, async () => {
    const stored = await store.list();
    return stored.map((s) => pickerEntry(s.product));
  });

  app.get<{ Params: { id: string } }>('/api/products/:id', { config: { access: 'public' } }, async (request, reply) => {
    const found = await store.get(request.params.id);
    if (!found) {
      return reply
        .code(404)
        .send({ error: 'product_not_found', message: `No product ${JSON.stringify(request.params.id)}` });
    }
    // The content version: what drills and inspection records say they were made from.
    return { ...productForClient(found.product, found.source), version: catalogueVersion(found.product) };
  });

  // The inspection assistant finds the product by the number under its barcode.
  app.get<{ Params: { gtin: string } }>('/api/products/by-gtin/:gtin', { config: { access: 'public' } }, async (request, reply) => {
    const { gtin } = request.params;
    const problem = gtinProblem(gtin);
    if (problem) {
      return sendInvalid(reply, [{ path: 'params.gtin', message: problem }]);
    }
    const found = (await store.list()).find((s) => s.product.gtin !== undefined && gtin14(s.product.gtin) === gtin14(gtin));
    if (!found) return reply.code(404).send({ error: 'product_not_found', message: `No product in the catalogue has the GTIN ${gtin}.` });
    return pickerEntry(found.product);
  });
}
