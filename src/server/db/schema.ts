/** The database schema (drizzle pg-core): runs on PGlite and on PostgreSQL 15. Migrations in ./migrations. */
import { boolean, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Product } from '../../domain/catalogue';

export type ProductSource = 'builtin' | 'authored';

export const products = pgTable('products', {
  id: text('id').primaryKey(),
  /** The Product, as validated by the catalogue schema. */
  document: jsonb('document').$type<Product>().notNull(),
  source: text('source').$type<ProductSource>().notNull(),
  published: boolean('published').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const schema = { products };
