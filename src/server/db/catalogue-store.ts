/**
 * Where the catalogue lives once the server runs: the built-in pack (replaced at every start) and,
 * later, authored products. One interface; every backend passes test/integration/support/catalogue-store-contract.
 */
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { Product } from '../../domain/catalogue';
import type { Db } from './database';
import { products, type ProductSource } from './schema';

export interface StoredProduct {
  product: Product;
  source: ProductSource;
  published: boolean;
  updatedAt: Date;
}

export interface ListOptions {
  /** Only products trainees may see (default true). */
  publishedOnly?: boolean;
}

export interface CatalogueStore {
  /**
   * Makes the built-in products exactly `list`: inserts or replaces each (published), and removes built-in
   * products that are no longer in it. Authored products are never touched, and an authored product
   * keeps its id: a built-in product with the same id is skipped and returned in `skipped`.
   */
  upsertBuiltin(list: Product[]): Promise<{ written: number; removed: number; skipped: string[] }>;
  /** Products in id order. */
  list(opts?: ListOptions): Promise<StoredProduct[]>;
  get(id: string, opts?: ListOptions): Promise<StoredProduct | undefined>;
}

type Row = typeof products.$inferSelect;

function toStored(row: Row): StoredProduct {
  // The document was validated on the way in; parse again so a hand-edited row cannot reach a client malformed.
  const parsed = Product.safeParse(row.document);
  if (!parsed.success) throw new Error(`stored product "${row.id}" no longer matches the catalogue schema`);
  return { product: parsed.data, source: row.source, published: row.published, updatedAt: row.updatedAt };
}

/**
 * Parsing every product on every request cost drills and progress about 4 ms each: a row already
 * parsed at the same updated_at (and publication) is given back from memory.
 */
function parsedRows() {
  const cache = new Map<string, StoredProduct>();
  return (row: Row): StoredProduct => {
    const hit = cache.get(row.id);
    if (hit && hit.updatedAt.getTime() === row.updatedAt.getTime() && hit.published === row.published && hit.source === row.source) return hit;
    const stored = toStored(row);
    cache.set(row.id, stored);
    return stored;
  };
}

export function createCatalogueStore(db: Db): CatalogueStore {
  const storedOf = parsedRows();
  return {
    async upsertBuiltin(list) {
      const validated = list.map((p) => Product.parse(p));
      const ids = validated.map((p) => p.id);
      return db.transaction(async (tx) => {
        const authored = await tx.select({ id: products.id }).from(products).where(eq(products.source, 'authored'));
        const authoredIds = new Set(authored.map((r) => r.id));
        const skipped = ids.filter((id) => authoredIds.has(id));
        const toWrite = validated.filter((p) => !authoredIds.has(p.id));
        const now = new Date();
        for (const product of toWrite) {
          await tx
            .insert(products)
            .values({ id: product.id, document: product, source: 'builtin', published: true, updatedAt: now })
            .onConflictDoUpdate({
              target: products.id,
              set: { document: product, published: true, updatedAt: now },
              setWhere: sql`${products.source} = 'builtin'`,
            });
        }
        const removed = await tx
          .delete(products)
          .where(
            ids.length
              ? and(eq(products.source, 'builtin'), notInArray(products.id, ids))
              : eq(products.source, 'builtin'),
          )
          .returning({ id: products.id });
        return { written: toWrite.length, removed: removed.length, skipped };
      });
    },

    async list(opts = {}) {
      const rows = await db
        .select()
        .from(products)
        .where(opts.publishedOnly === false ? undefined : eq(products.published, true))
        .orderBy(asc(products.id));
      return rows.map(storedOf);
    },

    async get(id, opts = {}) {
      const where =
        opts.publishedOnly === false ? eq(products.id, id) : and(eq(products.id, id), eq(products.published, true));
      const [row] = await db.select().from(products).where(where).limit(1);
      return row ? storedOf(row) : undefined;
    },
  };
}
