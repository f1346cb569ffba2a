/** A product's catalogue version: a short content hash, so every attempt says exactly what it was drilled on. */
import { createHash } from 'node:crypto';
import type { Product } from '../../domain/catalogue';

export function catalogueVersion(product: Product): string {
  return createHash('sha256').update(JSON.stringify(product)).digest('hex').slice(0, 12);
}
