/**
 * Makes a drill from the published catalogue with a seeded random source: which product, which
 * counterfeit, which side, and the hints. The result splits into what the trainee may see (items,
 * tell count) and the key. Pure, so shared sessions generate the same drills.
 */
import { counterfeitsOf, genuineOf, type Product, type Tell, type TellCategory, type Variant } from './catalogue';
import { MAX_HINTS, type DrillKey, type DrillKind, type Hint, type ItemLabel, type RevealedItem } from './drill';
import { seededRandom, type Random } from './seeded-random';

export interface GeneratedItem {
  label: ItemLabel;
  variant: Variant;
  role?: 'reference' | 'suspect';
}

export interface GeneratedDrill {
  kind: DrillKind;
  product: Product;
  items: GeneratedItem[];
  tellCount?: number;
  key: Omit<DrillKey, 'catalogueVersion'>;
}

/** In a verdict drill, how often the lone item is genuine. */
const GENUINE_SHARE = 0.4;

export class NoDrillError extends Error {
  override name = 'NoDrillError';
}

const revealedOf = (items: GeneratedItem[]): RevealedItem[] =>
  items.map(({ label, variant }) => ({ label, variantId: variant.id, variantLabel: variant.label, provenance: variant.provenance, kind: variant.kind }));
const categoriesOf = (tells: Tell[]): TellCategory[] => [...new Set(tells.map((t) => t.category))];
const hintsFrom = (tells: Tell[], random: Random): Hint[] =>
  random
    .shuffle(tells)
    .slice(0, MAX_HINTS)
    .map((t) => ({ category: t.category, title: t.title, genuine: t.genuine }));

export function generateDrill(input: {
  kind: DrillKind;
  products: Product[];
  seed: string;
  productId?: string | undefined;
}): GeneratedDrill {
  const random = seededRandom(input.seed);
  const candidates = input.products.filter((p) => counterfeitsOf(p).length > 0);
  const product = input.productId ? candidates.find((p) => p.id === input.productId) : candidates.length ? random.pick(candidates) : undefined;
  if (!product) {
    throw new NoDrillError(
      input.productId ? `no published product "${input.productId}" with a counterfeit to drill on` : 'the published catalogue has no product with a counterfeit',
    );
  }
  const genuine = genuineOf(product);
  const counterfeits = counterfeitsOf(product);
  const counterfeit = random.pick(counterfeits);

  /** The drill with these items. Its key is about the counterfeit's tells unless `key` says otherwise. */
  const made = (items: GeneratedItem[], key: Partial<GeneratedDrill['key']>, tellCount?: number): GeneratedDrill => ({
    kind: input.kind,
    product,
    items,
    ...(tellCount === undefined ? {} : { tellCount }),
    key: {
      productId: product.id,
      revealed: revealedOf(items),
      tells: counterfeit.tells,
      categories: categoriesOf(counterfeit.tells),
      // Drawn after the items, as the seed's sequence has always had it.
      hints: hintsFrom(counterfeit.tells, random),
      ...key,
    },
  });

  switch (input.kind) {
    case 'spot-the-fake': {
      const genuineFirst = random.next() < 0.5;
      const [a, b] = genuineFirst ? [genuine, counterfeit] : [counterfeit, genuine];
      const items: GeneratedItem[] = [
        { label: 'A', variant: a },
        { label: 'B', variant: b },
      ];
      return made(items, { counterfeitLabel: genuineFirst ? 'B' : 'A', counterfeitId: counterfeit.id });
    }
    case 'verdict': {
      const isGenuine = random.next() < GENUINE_SHARE;
      const items: GeneratedItem[] = [{ label: 'A', variant: isGenuine ? genuine : counterfeit }];
      return made(
        items,
        isGenuine
          ? // A genuine item trains every check that would have caught a counterfeit of it.
            { genuine: true, tells: [], categories: categoriesOf(counterfeits.flatMap((c) => c.tells)) }
          : { genuine: false, counterfeitId: counterfeit.id },
      );
    }
    case 'find-the-tells': {
      const items: GeneratedItem[] = [
        { label: 'A', variant: genuine, role: 'reference' },
        { label: 'B', variant: counterfeit, role: 'suspect' },
      ];
      return made(items, { counterfeitId: counterfeit.id }, counterfeit.tells.length);
    }
  }
}
