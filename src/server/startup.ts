/**
 * What the server does before it listens: open the database, apply migrations, load the built-in
 * content pack and write it into the store.
 */
import { loadPack } from './catalogue/load-pack';
import { formatPackError, type PackError } from './catalogue/pack-error';
import { createCatalogueStore, type CatalogueStore } from './db/catalogue-store';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';

/** The built-in pack has errors: the server must not start on a broken catalogue. */
export class BuiltinPackError extends Error {
  override name = 'BuiltinPackError';
  constructor(
    readonly contentDir: string,
    readonly errors: PackError[],
  ) {
    super(
      `the built-in content pack in ${contentDir} has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n` +
        errors.map((e) => `  ${formatPackError(e)}`).join('\n'),
    );
  }
}

export interface Prepared {
  database: Database;
  store: CatalogueStore;
  warnings: PackError[];
}

export interface PrepareOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  contentDir: string;
  /** Where warnings go (default console.warn). */
  warn?: (message: string) => void;
  /** Where news goes (the migrations applied); nowhere by default. */
  info?: ((message: string) => void) | undefined;
}

export async function prepare(opts: PrepareOptions): Promise<Prepared> {
  const warn = opts.warn ?? ((m: string) => console.warn(m));
  // Load the pack first: a broken pack stops start-up before anything is written.
  const pack = await loadPack(opts.contentDir, { missingModels: 'warn' });
  if (pack.errors.length > 0) throw new BuiltinPackError(opts.contentDir, pack.errors);
  if (pack.warnings.length > 0) {
    warn(
      `warning: ${pack.warnings.length} model file(s) of the built-in pack are missing; their tell checks were skipped ` +
        `(run npm run assets):\n${pack.warnings.map((w) => `  ${formatPackError(w)}`).join('\n')}`,
    );
  }
  const database = await openDatabase(opts);
  try {
    const applied = await migrate(database);
    if (applied.length > 0) opts.info?.(`database (${database.kind}): applied migration${applied.length === 1 ? '' : 's'} ${applied.join(', ')}`);
    const store = createCatalogueStore(database.db);
    await store.upsertBuiltin(pack.products);
    return { database, store, warnings: pack.warnings };
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}
