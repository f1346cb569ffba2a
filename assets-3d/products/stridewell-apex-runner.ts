import type { ProductSource } from './types';
import { buildShoe } from './stridewell-apex-runner/build';
import { SPECS } from './stridewell-apex-runner/variants';

export const source: ProductSource = {
  id: 'stridewell-apex-runner',
  variants: Object.fromEntries(Object.entries(SPECS).map(([id, spec]) => [id, () => buildShoe(spec)])),
};
