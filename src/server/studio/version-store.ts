/**
 * Every version of every authored product, kept: the author's draft, the version in review, the
 * published one (also written to `products`, the only table trainees and drills read) and the ones
 * it superseded or that were returned, with the reviewers' comments.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Product, ProductDraft } from '../../domain/catalogue';
import type { Db } from '../db/database';
import { products, productVersions, reviewComments, type VersionStatus } from '../db/schema';

export type ProductVersion = typeof productVersions.$inferSelect;
export type ReviewComment = typeof reviewComments.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export function createVersionStore(db: Db) {
  const byProduct = (id: string) => eq(productVersions.productId, id);

  async function latest(productId: string, tx: Tx = db): Promise<ProductVersion | undefined> {
    const [row] = await tx.select().from(productVersions).where(byProduct(productId)).orderBy(desc(productVersions.version)).limit(1);
    return row;
  }

  return {
    latest,

    /** Newest first. */
    history(productId: string): Promise<ProductVersion[]> {
      return db.select().from(productVersions).where(byProduct(productId)).orderBy(desc(productVersions.version));
    },

    /** The latest version of every authored product, in id order. */
    async latestOfAll(): Promise<ProductVersion[]> {
      const rows = await db
        .select()
        .from(productVersions)
        .where(
          sql`${productVersions.version} = (SELECT max(v.version) FROM product_versions v WHERE v.product_id = ${productVersions.productId})`,
        )
        .orderBy(asc(productVersions.productId));
      return rows;
    },

    /** Products with at least one version of this author. */
    async authoredBy(userId: string): Promise<Set<string>> {
      const rows = await db.selectDistinct({ id: productVersions.productId }).from(productVersions).where(eq(productVersions.authorId, userId));
      return new Set(rows.map((r) => r.id));
    },

    async published(productId: string, tx: Tx = db): Promise<ProductVersion | undefined> {
      const [row] = await tx
        .select()
        .from(productVersions)
        .where(and(byProduct(productId), eq(productVersions.status, 'published')))
        .limit(1);
      return row;
    },

    /** The version before `version` that was published (now superseded or still published). */
    async previouslyPublished(productId: string, version: number): Promise<ProductVersion | undefined> {
      const [row] = await db
        .select()
        .from(productVersions)
        .where(and(byProduct(productId), sql`${productVersions.version} < ${version}`, sql`${productVersions.status} IN ('published', 'superseded')`))
        .orderBy(desc(productVersions.version))
        .limit(1);
      return row;
    },

    /** Any product, built-in or authored, already has this id. */
    async idTaken(productId: string, tx: Tx = db): Promise<boolean> {
      const [inCatalogue] = await tx.select({ id: products.id }).from(products).where(eq(products.id, productId)).limit(1);
      return !!inCatalogue || !!(await latest(productId, tx));
    },

    /** A new version after the latest (or the first), as a draft unless told otherwise. */
    async add(productId: string, document: ProductDraft, authorId: string | null, tx: Tx = db, status: VersionStatus = 'draft'): Promise<ProductVersion> {
      const version = ((await latest(productId, tx))?.version ?? 0) + 1;
      const [row] = await tx.insert(productVersions).values({ productId, version, document, status, authorId }).returning();
      return row!;
    },

    async replaceDraft(productId: string, version: number, document: ProductDraft): Promise<ProductVersion> {
      const [row] = await db
        .update(productVersions)
        .set({ document, updatedAt: new Date() })
        .where(and(byProduct(productId), eq(productVersions.version, version), eq(productVersions.status, 'draft')))
        .returning();
      if (!row) throw new Error(`version ${version} of ${productId} is no longer a draft`);
      return row;
    },

    async submit(productId: string, version: number): Promise<void> {
      const now = new Date();
      await db
        .update(productVersions)
        .set({ status: 'in_review', submittedAt: now, updatedAt: now })
        .where(and(byProduct(productId), eq(productVersions.version, version), eq(productVersions.status, 'draft')));
    },

    /** Returns the version to its author, with the reviewer's comment. */
    async returnToAuthor(productId: string, version: number, reviewerId: string, comment: string): Promise<void> {
      await db.transaction(async (tx) => {
        const now = new Date();
        await tx
          .update(productVersions)
          .set({ status: 'returned', reviewerId, decidedAt: now, updatedAt: now })
          .where(and(byProduct(productId), eq(productVersions.version, version)));
        await tx.insert(reviewComments).values({ id: randomUUID(), productId, version, authorId: reviewerId, decision: 'return', body: comment });
      });
    },

    /**
     * Publishes the version: the one published before is superseded, and `products` gets this document,
     * published, in the same transaction, so trainees never see a half-made change.
     */
    async publish(product: Product, version: number, reviewerId: string | null, comment: string | undefined, tx?: Tx): Promise<void> {
      const run = async (t: Tx) => {
        const now = new Date();
        await t
          .update(productVersions)
          .set({ status: 'superseded', updatedAt: now })
          .where(and(byProduct(product.id), eq(productVersions.status, 'published')));
        await t
          .update(productVersions)
          .set({ status: 'published', reviewerId, decidedAt: now, updatedAt: now })
          .where(and(byProduct(product.id), eq(productVersions.version, version)));
        const written = await t
          .insert(products)
          .values({ id: product.id, document: product, source: 'authored', published: true, updatedAt: now })
          .onConflictDoUpdate({
            target: products.id,
            set: { document: product, published: true, updatedAt: now },
            setWhere: sql`${products.source} = 'authored'`,
          })
          .returning({ id: products.id });
        if (written.length === 0) throw new Error(`"${product.id}" is a built-in product: an authored product cannot replace it`);
        if (comment) await t.insert(reviewComments).values({ id: randomUUID(), productId: product.id, version, authorId: reviewerId, decision: 'publish', body: comment });
      };
      await (tx ? run(tx) : db.transaction(run));
    },

    comments(productId: string): Promise<ReviewComment[]> {
      return db.select().from(reviewComments).where(eq(reviewComments.productId, productId)).orderBy(asc(reviewComments.createdAt));
    },
  };
}

export type VersionStore = ReturnType<typeof createVersionStore>;
