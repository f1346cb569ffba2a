/**
 * `twinspect content export|import`: content packs (zips in the layout of content/) to and from the
 * database the server uses (DATA_DIR or DATABASE_URL). Import checks everything before it writes
 * anything, and writes all or nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { formatPackError } from '../catalogue/pack-error';
import { loadConfig } from '../config';
import { createCatalogueStore } from '../db/catalogue-store';
import { createFileStore } from '../studio/file-store';
import { exportPack } from '../studio/pack-export';
import { checkPackZip, importPack } from '../studio/pack-import';
import { createVersionStore } from '../studio/version-store';
import { createUserStore } from '../auth/user-store';
import type { Io } from './main';
import { withDatabase } from './user-commands';
import { textIn } from '../../domain/local-text';
import { prepare } from '../startup';
import { ensureModels } from './ensure-models';

export const CONTENT_USAGE = `  content export FILE.zip [--product ID]
                                   Write every published product (or one) as a content pack zip.
  content import FILE.zip [--publish] [--author EMAIL]
                                   Check a content pack zip and store its products as drafts of
                                   EMAIL's account (no author when left out), or publish them
                                   at once with --publish. Nothing is stored if anything is wrong.`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function contentCommand(args: string[], io: Io): Promise<number> {
  const [command, file, ...rest] = args;
  const usage = () => (io.err(`Usage:\n${CONTENT_USAGE}`), 2);
  if (!file || file.startsWith('-')) return usage();
  const known = command === 'export' ? ['--product'] : ['--publish', '--author'];
  const stray = rest.find((a, i) => a.startsWith('-') ? !known.includes(a) : !['--product', '--author'].includes(rest[i - 1] ?? ''));
  if ((command !== 'export' && command !== 'import') || stray) return usage();
  const config = loadConfig();
  const { contentDir } = config;
  try {
    if (command === 'export') {
      // As the server would serve it: the built-in pack's models made if missing, and the pack written
      // into the database as at start, so that a fresh data folder exports the built-in catalogue.
      await ensureModels(contentDir, { info: io.err }).catch((err: unknown) =>
        io.err(`warning: could not generate the models (${err instanceof Error ? err.message : String(err)}): run npm run assets`),
      );
      const { database, store } = await prepare({ ...config, warn: io.err });
      const db = database.db;
      try {
        const id = option(rest, '--product');
        const products = id ? [await store.get(id)].flatMap((p) => (p ? [p] : [])) : await store.list();
        if (id && products.length === 0) {
          io.err(`twinspect: no published product "${id}"`);
          return 1;
        }
        const zip = await exportPack(products, id ? textIn(products[0]!.product.name, 'en') : 'Twinspect catalogue', { files: createFileStore(db), contentDir });
        await writeFile(file, zip);
        io.out(`Wrote ${products.length} product${products.length === 1 ? '' : 's'} to ${file}.`);
        return 0;
      } finally {
        await database.close();
      }
    }
    const checked = await checkPackZip(new Uint8Array(await readFile(file)));
    if (!checked.ok) {
      for (const error of checked.errors) io.err(formatPackError(error));
      io.err(`${file} was not imported: ${checked.errors.length} error${checked.errors.length === 1 ? '' : 's'}`);
      return 1;
    }
    return await withDatabase(async ({ db }) => {
      const email = option(rest, '--author');
      const author = email ? await createUserStore(db).byEmail(email) : undefined;
      if (email && !author) {
        io.err(`twinspect: no account ${email}`);
        return 1;
      }
      const files = createFileStore(db);
      const result = await importPack(checked.products, { authorId: author?.id ?? null, publish: rest.includes('--publish') }, {
        db,
        files,
        versions: createVersionStore(db),
        store: createCatalogueStore(db),
      });
      if ('errors' in result) {
        for (const error of result.errors) io.err(formatPackError(error));
        io.err(`${file} was not imported: nothing was stored`);
        return 1;
      }
      for (const p of result.products) io.out(`${p.id}\t${p.version === null ? '-' : `version ${p.version}`}\t${p.status}`);
      return 0;
    });
  } catch (err) {
    io.err(`twinspect: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
