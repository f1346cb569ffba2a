import type { ProductSource } from './types';

// Placeholder until this product's models are written.
export const source: ProductSource = { id: 'sonique-pods-pro', variants: {} };
