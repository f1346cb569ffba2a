import type { ProductSource } from './types';
import { buildBag } from './verleine-flap-bag/build';
import { SPECS } from './verleine-flap-bag/variants';

export const source: ProductSource = {
  id: 'verleine-flap-bag',
  variants: Object.fromEntries(Object.entries(SPECS).map(([id, spec]) => [id, () => buildBag(spec)])),
};
