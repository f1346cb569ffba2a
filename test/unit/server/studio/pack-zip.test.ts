/** Reading a pack's zip: names that escape, and sizes that nobody declared, are caught while inflating. */
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip, unsafeEntryName } from '../../../../src/server/studio/pack-zip';

/** A zip written as a stream: its entries' sizes come after the data, so no header declares them. */
function streamedZip(entries: Record<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  for (const [name, bytes] of Object.entries(entries)) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(bytes, true);
  }
  zip.end();
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

const limits = { entries: 10, entryBytes: 4096, totalBytes: 6000, ratio: 100 };

describe('readZip', () => {
  it('reads every entry, each a fresh copy', () => {
    const read = readZip(zipSync({ 'pack.json': [new Uint8Array([1, 2, 3]), { level: 0 }], 'a/b.glb': new Uint8Array(100) }));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect([...read.entries.keys()]).toEqual(['pack.json', 'a/b.glb']);
    expect(read.entries.get('pack.json')!.byteOffset).toBe(0);
  });

  it('stops an entry with no declared size once it inflates past the entry cap', () => {
    const read = readZip(streamedZip({ 'big.bin': new Uint8Array(10_000) }), limits);
    expect(read).toEqual({ ok: false, errors: [{ file: 'big.bin', path: '', message: 'inflates to more than 4 kB, the most an entry may hold' }] });
  });

  it('stops when all entries together pass the total cap', () => {
    const read = readZip(streamedZip({ 'a.bin': new Uint8Array(4000), 'b.bin': new Uint8Array(4000) }), limits);
    expect(read).toEqual({ ok: false, errors: [{ file: 'b.bin', path: '', message: 'takes the pack past 6 kB uncompressed, the most a pack may hold' }] });
  });

  it('names unsafe entry names', () => {
    expect(unsafeEntryName('products/a/models/x.glb')).toBeUndefined();
    expect(unsafeEntryName('products/../../etc/passwd')).toBe('climbs out of the pack with ".."');
    expect(unsafeEntryName('/etc/passwd')).toBe('is an absolute path');
    expect(unsafeEntryName('C:/Windows/x')).toBe('is an absolute path');
    expect(unsafeEntryName('a\\..\\b')).toBe('has a backslash or NUL in its name');
  });
});
