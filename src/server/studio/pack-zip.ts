/**
 * Reads a content pack's zip without trusting it: entry names that climb out of the pack or are
 * absolute are refused, and so are too many entries and an entry or a whole that inflates past its
 * cap, or past the size its header declares (a zip bomb). fflate's streaming Unzip inflates entry by
 * entry, and stops at the first byte over a cap, so a bomb never reaches memory.
 */
import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import type { PackError } from '../catalogue/pack-error';
import { formatBytes, MAX_UPLOAD_BYTES } from '../uploads/model-limits';

export interface ZipLimits {
  /** Entries, folders included: the built-in catalogue has about 40; an export of hundreds of products, a few thousand. */
  entries: number;
  /** Bytes one entry may inflate to: a model's upload cap. */
  entryBytes: number;
  /** Bytes all entries may inflate to together. */
  totalBytes: number;
}

export const PACK_ZIP_LIMITS: ZipLimits = { entries: 5000, entryBytes: MAX_UPLOAD_BYTES, totalBytes: 1024 * 1024 * 1024 };
/** The zip itself, as uploaded. */
export const MAX_PACK_ZIP_BYTES = 512 * 1024 * 1024;

export type ZipRead = { ok: true; entries: Map<string, Uint8Array> } | { ok: false; errors: PackError[] };

const CHUNK = 64 * 1024;

/** Why an entry's name is unsafe, or undefined. */
export function unsafeEntryName(name: string): string | undefined {
  if (name.includes('\\') || name.includes('\0')) return 'has a backslash or NUL in its name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the pack with ".."';
  return undefined;
}

export function readZip(bytes: Uint8Array, limits: ZipLimits = PACK_ZIP_LIMITS): ZipRead {
  const fail = (file: string, message: string): ZipRead => ({ ok: false, errors: [{ file, path: '', message }] });
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    return fail('(the upload)', 'is not a zip archive: export a content pack as .zip');
  }
  const entries = new Map<string, Uint8Array>();
  let failure: { file: string; message: string } | undefined;
  let count = 0;
  let total = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (entry) => {
    if (failure) return;
    const stop = (message: string) => {
      failure ??= { file: entry.name, message };
      entry.terminate();
    };
    if (++count > limits.entries) return void (failure = { file: '(the zip)', message: `has more than ${limits.entries} entries: split the pack` });
    const unsafe = unsafeEntryName(entry.name);
    if (unsafe) return void (failure = { file: entry.name, message: `${unsafe}: refused, nothing was imported` });
    if (entries.has(entry.name)) return void (failure = { file: entry.name, message: 'is in the zip twice' });
    const declared = entry.originalSize;
    if (declared !== undefined && declared > limits.entryBytes) {
      return void (failure = { file: entry.name, message: `declares ${formatBytes(declared)} uncompressed; an entry may be at most ${formatBytes(limits.entryBytes)}` });
    }
    const chunks: Uint8Array[] = [];
    let got = 0;
    entry.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) return stop(`cannot be inflated: ${err.message}`);
      got += chunk.length;
      total += chunk.length;
      if (declared !== undefined && got > declared) return stop(`inflates to more than the ${formatBytes(declared)} its header declares (a zip bomb?)`);
      if (got > limits.entryBytes) return stop(`inflates to more than ${formatBytes(limits.entryBytes)}, the most an entry may hold`);
      if (total > limits.totalBytes) return stop(`takes the pack past ${formatBytes(limits.totalBytes)} uncompressed, the most a pack may hold`);
      chunks.push(chunk);
      if (!final) return;
      if (declared !== undefined && got !== declared) return stop(`holds ${got} bytes but its header declares ${declared}: the zip is damaged`);
      if (!entry.name.endsWith('/')) entries.set(entry.name, concat(chunks, got));
    };
    try {
      entry.start();
    } catch (err) {
      failure = { file: entry.name, message: `cannot be read: ${err instanceof Error ? err.message : String(err)}` };
    }
  };
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
  } catch (err) {
    failure ??= { file: '(the zip)', message: `is damaged: ${err instanceof Error ? err.message : String(err)}` };
  }
  return failure ? fail(failure.file, failure.message) : { ok: true, entries };
}

/** Always a fresh copy: a stored entry's chunk is a view into the zip at any offset, which glTF readers refuse. */
function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.length));
  return out;
}

/** A zip of these files; models and images are stored as they are (they are compressed already). */
export function writeZip(files: Map<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, bytes] of files) zippable[name] = [bytes, { level: /\.json$/.test(name) ? 6 : 0 }];
  return zipSync(zippable, { mtime: new Date('2026-01-01T00:00:00Z') });
}
