/**
 * A zip's central directory, read and judged before a byte is inflated: how many entries, what each
 * declares it inflates to, in all, and against its compressed size (a zip bomb declares 50 MB of
 * zeros in 50 kB). Reading it costs nothing but the directory itself; a zip that lies in it is caught
 * while inflating (pack-zip.ts), where the sizes declared here are the caps.
 */
import { formatBytes } from '../uploads/model-limits';

export interface ZipLimits {
  /** Entries, folders included. */
  entries: number;
  /** Bytes one entry may inflate to. */
  entryBytes: number;
  /** Bytes all entries may inflate to together. */
  totalBytes: number;
  /** Uncompressed ÷ compressed size an entry over 1 MB may declare. */
  ratio: number;
}

export interface DirectoryEntry {
  compressedSize: number;
  uncompressedSize: number;
}

export type DirectoryRead = { ok: true; entries: Map<string, DirectoryEntry> } | { ok: false; file: string; message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const RATIO_FROM = 1024 * 1024;

export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): DirectoryRead {
  const fail = (file: string, message: string): DirectoryRead => ({ ok: false, file, message });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return fail('(the zip)', 'has no central directory: it is truncated or damaged');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) {
    return fail('(the zip)', 'is a ZIP64 archive, which is not accepted here: a pack is smaller than 4 GB and needs none');
  }
  if (count > limits.entries) return fail('(the zip)', `has more than ${limits.entries} entries: split the pack`);
  if (offset + size > end) return fail('(the zip)', 'has a central directory that does not fit in the file: it is damaged');
  const entries = new Map<string, DirectoryEntry>();
  const decoder = new TextDecoder();
  let total = 0;
  for (let at = offset, i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) return fail('(the zip)', `has a damaged central directory (entry ${i + 1} of ${count})`);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) return fail('(the zip)', `has a damaged central directory (entry ${i + 1} of ${count})`);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at = next;
    if (method !== 0 && method !== 8) return fail(name, `is compressed with method ${method}; only stored and deflated entries are read`);
    if (entries.has(name)) return fail(name, 'is in the zip twice');
    if (uncompressedSize > limits.entryBytes) {
      return fail(name, `declares ${formatBytes(uncompressedSize)} uncompressed; an entry may be at most ${formatBytes(limits.entryBytes)}`);
    }
    if (uncompressedSize > RATIO_FROM && uncompressedSize > limits.ratio * compressedSize) {
      const ratio = Math.round(uncompressedSize / Math.max(1, compressedSize));
      return fail(name, `declares ${formatBytes(uncompressedSize)} uncompressed from ${formatBytes(compressedSize)}, ${ratio}:1; an entry may inflate at most ${limits.ratio}:1 (a zip bomb?)`);
    }
    total += uncompressedSize;
    if (total > limits.totalBytes) {
      return fail(name, `takes the pack past ${formatBytes(limits.totalBytes)} uncompressed, the most a pack may hold (its entries declare at least ${formatBytes(total)})`);
    }
    entries.set(name, { compressedSize, uncompressedSize });
  }
  return { ok: true, entries };
}
