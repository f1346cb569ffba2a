/**
 * `twinspect` subcommands. Exit codes: 0 fine, 1 the checked content has errors, 2 wrong usage.
 */
import { resolve } from 'node:path';
import { loadPack } from '../catalogue/load-pack';
import { formatPackError } from '../catalogue/pack-error';
import { formatSummary, summarise } from '../catalogue/summary';
import { CONTENT_USAGE, contentCommand } from './content-commands';
import { ensureModels, isBuiltinPack } from './ensure-models';
import { USER_USAGE, userCommand } from './user-commands';

export const USAGE = `Usage: twinspect <command>

Commands:
  catalogue check [dir] [--json]   Check a content pack (default CONTENT_DIR or ./content): schema,
                                   ids, models, tell nodes and surface points (the built-in pack's
                                   models are generated first if missing). --json: the summary as JSON.
  scan PHOTO... [--json] [--content DIR]
                                   Find objects in photos (COCO-SSD, wasm) and match them to the
                                   pack's products, or print "no matching product". See scan --help.
${USER_USAGE}
${CONTENT_USAGE}
  --help                           Show this help.

Exit codes: 0 no errors, 1 the pack has errors (or the account command failed), 2 wrong usage.`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    (argv.length === 0 ? io.err : io.out)(USAGE);
    return 2;
  }
  const [group, command, ...rest] = argv;
  if (group === 'catalogue' && command === 'check') return catalogueCheck(rest, io);
  if (group === 'user') return userCommand(argv.slice(1), io);
  if (group === 'content') return contentCommand(argv.slice(1), io);
  io.err(`twinspect: unknown command "${argv.join(' ')}"\n\n${USAGE}`);
  return 2;
}

async function catalogueCheck(args: string[], io: Io): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  const dirs = args.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || dirs.length > 1) {
    io.err(`twinspect: unexpected ${unknown.length ? `option ${unknown[0]}` : `argument ${dirs[1]}`}\n\n${USAGE}`);
    return 2;
  }
  const dir = resolve(dirs[0] ?? (process.env.CONTENT_DIR?.trim() || 'content'));
  if (isBuiltinPack(dir)) {
    try {
      await ensureModels(dir, { info: io.err });
    } catch (err) {
      io.err(`warning: could not generate the models (${err instanceof Error ? err.message : String(err)}): run npm run assets`);
    }
  }
  const pack = await loadPack(dir);
  for (const warning of pack.warnings) io.err(`warning: ${formatPackError(warning)}`);
  if (pack.errors.length > 0) {
    for (const error of pack.errors) io.err(formatPackError(error));
    io.err(`${pack.errors.length} error${pack.errors.length === 1 ? '' : 's'} in ${dir}`);
    if (json) io.out(JSON.stringify({ errors: pack.errors }, null, 2));
    return 1;
  }
  const summary = summarise(pack.products);
  io.out(json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
  return 0;
}
