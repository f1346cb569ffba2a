/**
 * The storage contract: what every CatalogueStore backend must do. Run once per backend
 * (test/integration/catalogue-store.test.ts).
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../src/domain/catalogue';
import { createCatalogueStore } from '../../../src/server/db/catalogue-store';
import type { Database } from '../../../src/server/db/database';
import { migrate, readMigrations } from '../../../src/server/db/migrate';
import { products as productsTable } from '../../../src/server/db/schema';
import { fixtureProduct } from '../../unit/server/fixture-pack';

/** A place for one test's data: `open` may be called again to reopen the same data (a restart). */
export interface BackendPlace {
  open(): Promise<Database>;
}

export function describeCatalogueStoreContract(name: string, newPlace: () => Promise<BackendPlace>): void {
  describe(`CatalogueStore contract: ${name}`, () => {
    const open: Database[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((d) => d.close().catch(() => {})));
    });
    async function openStore(place?: BackendPlace) {
      const where = place ?? (await newPlace());
      const database = await where.open();
      open.push(database);
      await migrate(database);
      return { place: where, database, store: createCatalogueStore(database.db) };
    }
    const tote = fixtureProduct('test-tote');
    const watch = fixtureProduct('test-watch', 'watch');

    it('starts empty and gives nothing for an unknown id', async () => {
      const { store } = await openStore();
      expect(await store.list()).toEqual([]);
      expect(await store.get('nope')).toBeUndefined();
    });

    it('stores built-in products published, and gives them back equal to what went in', async () => {
      const { store } = await openStore();
      const result = await store.upsertBuiltin([watch, tote]);
      expect(result).toEqual({ written: 2, removed: 0, skipped: [] });
      const listed = await store.list();
      expect(listed.map((s) => s.product.id)).toEqual(['test-tote', 'test-watch']);
      expect(listed[0]).toMatchObject({ source: 'builtin', published: true });
      expect(listed[0]!.updatedAt).toBeInstanceOf(Date);
      expect((await store.get('test-watch'))?.product).toEqual(watch);
    });

    it('replaces a built-in product on the next upsert and removes those no longer in the pack', async () => {
      const { store } = await openStore();
      await store.upsertBuiltin([tote, watch]);
      const renamed: Product = { ...tote, name: 'Renamed tote' };
      expect(await store.upsertBuiltin([renamed])).toEqual({ written: 1, removed: 1, skipped: [] });
      expect((await store.list()).map((s) => s.product.name)).toEqual(['Renamed tote']);
      expect(await store.get('test-watch')).toBeUndefined();
    });

    it('never overwrites nor removes an authored product, and hides unpublished ones', async () => {
      const { store, database } = await openStore();
      const authored: Product = { ...tote, name: 'Authored tote' };
      await database.db.insert(productsTable).values({ id: 'test-tote', document: authored, source: 'authored', published: false });
      expect(await store.upsertBuiltin([tote, watch])).toEqual({ written: 1, removed: 0, skipped: ['test-tote'] });
      expect((await store.list()).map((s) => s.product.id)).toEqual(['test-watch']);
      expect(await store.get('test-tote')).toBeUndefined();
      const hidden = await store.get('test-tote', { publishedOnly: false });
      expect(hidden).toMatchObject({ source: 'authored', published: false, product: { name: 'Authored tote' } });
      await store.upsertBuiltin([]);
      expect((await store.list({ publishedOnly: false })).map((s) => s.product.id)).toEqual(['test-tote']);
    });

    it('refuses a product that does not match the schema, writing nothing', async () => {
      const { store } = await openStore();
      await expect(store.upsertBuiltin([tote, { ...watch, hsCode: 'x' }])).rejects.toThrow();
      expect(await store.list()).toEqual([]);
    });

    it('applies migrations once: a second run applies nothing and keeps the data', async () => {
      const { store, database } = await openStore();
      await store.upsertBuiltin([tote]);
      expect(await migrate(database)).toEqual([]);
      const rows = await database.db.execute(sql`SELECT name FROM schema_migrations ORDER BY name`);
      const names = (Array.isArray(rows) ? rows : (rows as { rows: Array<{ name: string }> }).rows).map((r: { name: string }) => r.name);
      expect(names).toEqual((await readMigrations()).map((m) => m.name));
      expect(names[0]).toBe('0001_products.sql');
      expect(await store.list()).toHaveLength(1);
    });

    it('rolls back a failing migration and reports it by name', async () => {
      const { database } = await openStore();
      const bad = [{ name: '9999_broken.sql', sql: 'CREATE TABLE half_done (id int); SELECT no_such_column FROM products;' }];
      await expect(migrate(database, bad)).rejects.toThrow(/^migration 9999_broken\.sql failed: /);
      const tables = await database.db.execute(sql`SELECT to_regclass('half_done') AS t`);
      const row = (Array.isArray(tables) ? tables : (tables as { rows: Array<{ t: unknown }> }).rows)[0] as { t: unknown };
      expect(row.t).toBeNull();
      expect(await migrate(database)).toEqual([]);
    });

    it('keeps the data when the database is closed and opened again', async () => {
      const first = await openStore();
      await first.store.upsertBuiltin([tote, watch]);
      await first.database.close();
      const again = await openStore(first.place);
      expect((await again.store.list()).map((s) => s.product.id)).toEqual(['test-tote', 'test-watch']);
    });
  });
}
