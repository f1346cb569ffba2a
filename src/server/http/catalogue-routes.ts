/** The catalogue API: the picker's list and one product for study mode. */
import type { FastifyInstance } from 'fastify';
import type { Product } from '../../domain/catalogue';
import { pickerEntry } from '../catalogue/summary';
import type { CatalogueStore } from '../db/catalogue-store';

/** The product as the client needs it: file references become URLs under /content/. */
export function productForClient(product: Product): Product {
  const base = `/content/products/${product.id}`;
  return {
    ...product,
    photos: product.photos.map((photo) => ({ ...photo, file: `${base}/${photo.file}` })),
    variants: product.variants.map((variant) => ({ ...variant, model: `${base}/${variant.model}` })),
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
    return productForClient(found.product);
  });
}
