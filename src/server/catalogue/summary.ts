/** Short descriptions of products: for `twinspect catalogue check` and for the picker's API. */
import { tellCategoriesOf, type Product, type TellCategory, type VariantKind } from '../../domain/catalogue';
import { textIn, type LocalText } from '../../domain/local-text';

export interface CatalogueSummary {
  products: Array<{
    id: string;
    name: LocalText;
    category: string;
    variants: Array<{ id: string; kind: VariantKind; tells: number }>;
    tellCategories: TellCategory[];
  }>;
}

export function summarise(products: Product[]): CatalogueSummary {
  return {
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      category: p.category,
      variants: p.variants.map((v) => ({ id: v.id, kind: v.kind, tells: v.tells.length })),
      tellCategories: tellCategoriesOf(p),
    })),
  };
}

/** One entry of GET /api/catalogue: what the product picker shows. */
export interface PickerEntry {
  id: string;
  name: LocalText;
  brand: string;
  category: string;
  description: LocalText;
  variants: Array<{ id: string; kind: VariantKind; label: LocalText; tells: number }>;
  tellCategories: TellCategory[];
}

export function pickerEntry(p: Product): PickerEntry {
  return {
    id: p.id,
    name: p.name,
    brand: p.brand,
    category: p.category,
    description: p.description,
    variants: p.variants.map((v) => ({ id: v.id, kind: v.kind, label: v.label, tells: v.tells.length })),
    tellCategories: tellCategoriesOf(p),
  };
}

/** The human summary printed by `twinspect catalogue check`. */
export function formatSummary(summary: CatalogueSummary): string {
  const lines: string[] = [];
  for (const p of summary.products) {
    lines.push(`${p.id}  ${textIn(p.name, "en")}  (${p.category})`);
    for (const v of p.variants) lines.push(`  ${v.kind === 'genuine' ? 'genuine    ' : 'counterfeit'}  ${v.id}  ${v.tells} tell${v.tells === 1 ? '' : 's'}`);
    lines.push(`  tell categories: ${p.tellCategories.join(', ') || 'none'}`);
  }
  const variants = summary.products.reduce((n, p) => n + p.variants.length, 0);
  const tells = summary.products.reduce((n, p) => n + p.variants.reduce((m, v) => m + v.tells, 0), 0);
  lines.push(`${summary.products.length} products, ${variants} variants, ${tells} tells: OK`);
  return lines.join('\n');
}
