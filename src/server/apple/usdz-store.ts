/**
 * The USDZ of each variant's GLB, made once: kept in stored_files like any other stored file, and found
 * again through usdz_models by the GLB's sha256 (and the exporter that made it: a newer three makes them
 * anew). Authored variants are exported when their product is published, built-in ones on the first
 * request; a request that comes while one is being made waits for it. A model that cannot be exported
 * is logged with its product and variant, and its reason kept; publishing never waits for, nor fails
 * with, an export.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { REVISION } from 'three/src/constants.js';
import type { Product, Variant } from '../../domain/catalogue';
import { storedFileOf } from '../../domain/stored-file';
import type { Db } from '../db/database';
import type { ProductSource } from '../db/schema';
import { sha256Of, type FileStore } from '../studio/file-store';
import { USDZ_MEDIA_TYPE } from '../../domain/quick-look';
import { glbToUsdzOffThread } from './usdz-thread';

/** Migration 0006_usdz_models.sql. */
export const usdzModels = pgTable(
  'usdz_models',
  {
    glbSha256: text('glb_sha256').notNull(),
    exporter: text('exporter').notNull(),
    usdzSha256: text('usdz_sha256'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.glbSha256, t.exporter] })],
);

/** Which exporter made a USDZ: three's revision and this file's own. */
export const USDZ_EXPORTER = `three-r${REVISION}/1`;

export type UsdzResult = { ok: true; sha256: string } | { ok: false; error: string };

export interface UsdzStoreDeps {
  db: Db;
  files: FileStore;
  contentDir: string;
  /** Where failures are told, with the product and variant named. */
  log: (message: string) => void;
}

export function createUsdzStore(deps: UsdzStoreDeps) {
  const { db, files } = deps;
  const making = new Map<string, Promise<UsdzResult>>();

  async function recorded(glbSha256: string): Promise<UsdzResult | undefined> {
    const [row] = await db
      .select({ usdz: usdzModels.usdzSha256, error: usdzModels.error })
      .from(usdzModels)
      .where(and(eq(usdzModels.glbSha256, glbSha256), eq(usdzModels.exporter, USDZ_EXPORTER)))
      .limit(1);
    if (!row) return undefined;
    return row.usdz ? { ok: true, sha256: row.usdz } : { ok: false, error: row.error ?? 'the export failed' };
  }

  async function make(glb: Uint8Array, glbSha256: string, what: string): Promise<UsdzResult> {
    let result: UsdzResult;
    try {
      // On a worker thread, which loads three, its loader and exporter and the canvas with the first export.
      const usdz = await glbToUsdzOffThread(glb);
      for (const warning of usdz.warnings) deps.log(`USDZ of ${what}: ${warning}`);
      result = { ok: true, sha256: await files.put(usdz.bytes, USDZ_MEDIA_TYPE, null) };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      deps.log(`USDZ of ${what} could not be made (GLB ${glbSha256}): ${reason}`);
      result = { ok: false, error: reason };
    }
    await db
      .insert(usdzModels)
      .values({ glbSha256, exporter: USDZ_EXPORTER, usdzSha256: result.ok ? result.sha256 : null, error: result.ok ? null : result.error })
      .onConflictDoNothing();
    return result;
  }

  /** The GLB's bytes: a stored file for an authored product, a file of the content pack for a built-in one. */
  async function glbOf(product: Product, variant: Variant, source: ProductSource): Promise<Uint8Array> {
    const stored = source === 'authored' ? storedFileOf(variant.model) : undefined;
    if (stored) {
      const file = await files.get(stored.sha256);
      if (!file) throw new Error(`the stored file ${stored.sha256} is missing`);
      return file.bytes;
    }
    const root = resolve(deps.contentDir, 'products', product.id);
    const path = resolve(root, variant.model);
    if (!path.startsWith(root + sep)) throw new Error(`${variant.model} is outside the product's folder`);
    return new Uint8Array(await readFile(path));
  }

  /** The USDZ of this variant's model: recorded, being made, or made now. */
  async function forVariant(product: Product, variant: Variant, source: ProductSource): Promise<UsdzResult> {
    const what = `${product.id}/${variant.id}`;
    let glb: Uint8Array;
    try {
      glb = await glbOf(product, variant, source);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      deps.log(`USDZ of ${what} could not be made: ${reason}`);
      return { ok: false, error: reason };
    }
    const glbSha256 = source === 'authored' ? (storedFileOf(variant.model)?.sha256 ?? sha256Of(glb)) : sha256Of(glb);
    const pending = making.get(glbSha256);
    if (pending) return pending;
    const job = (async () => (await recorded(glbSha256)) ?? make(glb, glbSha256, what))();
    making.set(glbSha256, job);
    try {
      return await job;
    } finally {
      making.delete(glbSha256);
    }
  }

  let background: Promise<unknown> = Promise.resolve();

  return {
    forVariant,

    /** The stored USDZ file, to serve. */
    file: (sha256: string) => files.get(sha256),

    /**
     * Makes the USDZ of every variant of a product just published, in the background, one after the
     * other. Never throws: failures are logged (and recorded) by forVariant.
     */
    published(product: Product): void {
      background = background.then(() =>
        Promise.all(product.variants.map((v) => forVariant(product, v, 'authored'))).catch((err: unknown) => {
          deps.log(`USDZ of ${product.id}: ${err instanceof Error ? err.message : String(err)}`);
        }),
      );
    },

    /** Settles once the exports started so far are done (the app waits for it before closing the database). */
    idle(): Promise<void> {
      return Promise.all([background, ...making.values()]).then(
        () => undefined,
        () => undefined,
      );
    },
  };
}

export type UsdzStore = ReturnType<typeof createUsdzStore>;
