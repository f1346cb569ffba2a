import type { ModelBuilder } from '../lib/model';

/** The source of one product's models: a builder for each variant id (as named in product.json). */
export interface ProductSource {
  id: string;
  variants: Record<string, () => ModelBuilder | Promise<ModelBuilder>>;
}
