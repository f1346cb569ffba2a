/**
 * Reads a content pack's zip without trusting it. Its central directory is read first (zip-directory.ts):
 * too many entries, an entry or a whole that declares more than its cap or inflates more than 100:1,
 * and entry names that climb out of the pack or are absolute are refused before anything inflates.
 * Then fflate's streaming Unzip inflates entry by entry and stops at the first byte past what the
 * directory declared (a lying header), so a bomb never reaches memory; readZipYielding lets the
 * event loop run between chunks, so that the server answers while a large pack inflates.
 */
import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import { performance } from 'node:perf_hooks';
import type { PackError } from '../catalogue/pack-error';
import { formatBytes, PACK_ZIP } from '../uploads/model-limits';
import { readZipDirectory, type DirectoryEntry, type ZipLimits } from './zip-directory';

export type { ZipLimits };

export const PACK_ZIP_LIMITS: ZipLimits = { entries: PACK_ZIP.entries, entryBytes: PACK_ZIP.entryBytes, totalBytes: PACK_ZIP.totalBytes, ratio: PACK_ZIP.ratio };
/** The zip itself, as uploaded. */
export const MAX_PACK_ZIP_BYTES = PACK_ZIP.zipBytes;

export type ZipRead = { ok: true; entries: Map<string, Uint8Array> } | { ok: false; errors: PackError[] };

/** Compressed bytes pushed at a time: at most 1032:1, so a lying entry is stopped within some 16 MB of output. */
const CHUNK = 16 * 1024;
/** The event loop runs at least this often while a zip inflates (readZipYielding). */
const SLICE_MS = 10;

/** Why an entry's name is unsafe, or undefined. */
export function unsafeEntryName(name: string): string | undefined {
  if (name.includes('\\') || name.includes('\0')) return 'has a backslash or NUL in its name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the pack with ".."';
  return undefined;
}

/** The whole zip at once (for zips this server wrote, and the tests). */
export function readZip(bytes: Uint8Array, limits: ZipLimits = PACK_ZIP_LIMITS): ZipRead {
  const reader = new ZipReader(bytes, limits);
  while (reader.step());
  return reader.result();
}

/** The same, letting the event loop run every few milliseconds: for uploaded packs. */
export async function readZipYielding(bytes: Uint8Array, limits: ZipLimits = PACK_ZIP_LIMITS): Promise<ZipRead> {
  const reader = new ZipReader(bytes, limits);
  let slice = performance.now();
  while (reader.step()) {
    if (performance.now() - slice < SLICE_MS) continue;
    await new Promise((resolve) => setImmediate(resolve));
    slice = performance.now();
  }
  return reader.result();
}

class ZipReader {
  private readonly entries = new Map<string, Uint8Array>();
  private readonly seen = new Set<string>();
  private failure: { file: string; message: string } | undefined;
  private directory = new Map<string, DirectoryEntry>();
  private readonly unzip = new Unzip();
  private at = 0;
  private total = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits,
  ) {
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
      this.failure = { file: '(the upload)', message: 'is not a zip archive: export a content pack as .zip' };
      return;
    }
    const directory = readZipDirectory(bytes, limits);
    if (!directory.ok) {
      this.failure = { file: directory.file, message: directory.message };
      return;
    }
    this.directory = directory.entries;
    for (const name of this.directory.keys()) {
      const unsafe = unsafeEntryName(name);
      if (unsafe) {
        this.failure = { file: name, message: `${unsafe}: refused, nothing was imported` };
        return;
      }
    }
    this.unzip.register(UnzipInflate);
    this.unzip.onfile = (entry) => this.onEntry(entry);
  }

  /** Pushes the next chunk; false when done or failed. */
  step(): boolean {
    if (this.failure || this.at >= this.bytes.length) return false;
    try {
      const next = this.at + CHUNK;
      this.unzip.push(this.bytes.subarray(this.at, next), next >= this.bytes.length);
      this.at = next;
    } catch (err) {
      this.failure ??= { file: '(the zip)', message: 'is damaged: it cannot be unpacked' };
    }
    return !this.failure && this.at < this.bytes.length;
  }

  result(): ZipRead {
    if (!this.failure && this.seen.size < this.directory.size) {
      this.failure = { file: '(the zip)', message: `is damaged: its directory lists ${this.directory.size} entries but ${this.seen.size} were found` };
    }
    return this.failure ? { ok: false, errors: [{ file: this.failure.file, path: '', message: this.failure.message }] } : { ok: true, entries: this.entries };
  }

  private onEntry(entry: Parameters<NonNullable<Unzip['onfile']>>[0]): void {
    if (this.failure) return;
    const stop = (message: string) => {
      this.failure ??= { file: entry.name, message };
      entry.terminate();
    };
    const listed = this.directory.get(entry.name);
    if (!listed) return void (this.failure = { file: entry.name, message: 'is not in the zip\'s central directory: the zip is damaged or was made to mislead' });
    if (this.seen.has(entry.name)) return void (this.failure = { file: entry.name, message: 'is in the zip twice' });
    this.seen.add(entry.name);
    const declared = listed.uncompressedSize;
    const chunks: Uint8Array[] = [];
    let got = 0;
    entry.ondata = (err, chunk, final) => {
      if (this.failure) return;
      if (err) return stop('cannot be inflated: its compressed data is damaged');
      got += chunk.length;
      this.total += chunk.length;
      if (got > declared) return stop(`inflates to more than the ${formatBytes(declared)} its header declares (a zip bomb?)`);
      if (got > this.limits.entryBytes) return stop(`inflates to more than ${formatBytes(this.limits.entryBytes)}, the most an entry may hold`);
      if (this.total > this.limits.totalBytes) return stop(`takes the pack past ${formatBytes(this.limits.totalBytes)} uncompressed, the most a pack may hold`);
      chunks.push(chunk);
      if (!final) return;
      if (got !== declared) return stop(`holds ${got} bytes but its header declares ${declared}: the zip is damaged`);
      if (!entry.name.endsWith('/')) this.entries.set(entry.name, concat(chunks, got));
    };
    try {
      entry.start();
    } catch (err) {
      this.failure = { file: entry.name, message: `cannot be read: it is compressed in a way this server does not read${err instanceof Error && /encrypt/i.test(err.message) ? ' (it is encrypted)' : ''}` };
    }
  }
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
