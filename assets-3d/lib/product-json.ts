/**
 * Writing a product.json from a product's model source: the tell points come from the same
 * constants the builder uses, and the file is checked against the catalogue schema before it is written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Product, type IsoClass, type RevealTool, type Severity, type SurfacePoint, type Tell, type TellCategory } from '../../src/domain/catalogue';

const contentDir = join(import.meta.dirname, '..', '..', 'content');

type V3 = [number, number, number];
const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

/** A surface point as product.json stores it: position to 0.01 mm, normal made unit and kept to 3 decimals. */
export function surfacePoint(node: string, position: V3, normal: V3): SurfacePoint {
  const length = Math.hypot(...normal);
  return {
    position: position.map((v) => round(v, 5)) as V3,
    normal: normal.map((v) => round(v / length, 3)) as V3,
    node,
  };
}

/** A tell in the order an author thinks of it: what, where, then the two descriptions. */
export function tell(
  id: string, title: string, category: TellCategory, iso: IsoClass, tool: RevealTool, severity: Severity, tolerance: number,
  at: SurfacePoint, genuineAt: SurfacePoint, genuine: string, counterfeit: string,
): Tell {
  return { id, title, category, iso, tool, genuine, counterfeit, severity, tolerance, at, genuineAt };
}

/** Validates the product and writes content/products/<id>/product.json; a schema error names its JSON path. */
export function writeProductJson(product: unknown): void {
  const parsed = Product.safeParse(product);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`product.json would not pass the catalogue schema:\n${lines.join('\n')}`);
  }
  const file = join(contentDir, 'products', parsed.data.id, 'product.json');
  writeFileSync(file, JSON.stringify(product, null, 2) + '\n');
  console.log('wrote', file);
}
