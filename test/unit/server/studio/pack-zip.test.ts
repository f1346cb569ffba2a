/**
 * Reading a pack's zip: its central directory is judged before anything inflates (entries, sizes,
 * ratios, names), and an entry that inflates past what it declared is stopped while it inflates.
 */
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip, readZipYielding, unsafeEntryName } from '../../../../src/server/studio/pack-zip';
import { declaredTotalZip, lyingZip, rawZip, zerosBomb } from './zip-fixtures';

/** A zip written as a stream: its entries' sizes come after the data (and in the central directory). */
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
const refusal = (file: string, message: string) => ({ ok: false, errors: [{ file, path: '', message }] });

describe('readZip', () => {
  it('reads every entry, each a fresh copy, streamed ones too', async () => {
    const read = readZip(zipSync({ 'pack.json': [new Uint8Array([1, 2, 3]), { level: 0 }], 'a/b.glb': new Uint8Array(100) }));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect([...read.entries.keys()]).toEqual(['pack.json', 'a/b.glb']);
    expect(read.entries.get('pack.json')!.byteOffset).toBe(0);
    const streamed = await readZipYielding(streamedZip({ 'a.bin': new Uint8Array(3000), 'b.bin': new Uint8Array(2000) }), limits);
    expect(streamed.ok && [...streamed.entries.values()].map((e) => e.length)).toEqual([3000, 2000]);
  });

  it('refuses from the directory, before inflating: an entry declaring more than the cap', () => {
    expect(readZip(streamedZip({ 'big.bin': new Uint8Array(10_000) }), limits)).toEqual(refusal('big.bin', 'declares 10 kB uncompressed; an entry may be at most 4 kB'));
  });

  it('refuses from the directory: entries that together declare more than the total', () => {
    expect(readZip(declaredTotalZip(2, 4000, 100), limits)).toEqual(
      refusal('products/big/models/1.glb', 'takes the pack past 6 kB uncompressed, the most a pack may hold (its entries declare at least 8 kB)'),
    );
  });

  it("refuses the prober's bomb (25 × 50 MB of zeros in 1.3 MB) by its ratio, naming the entry", () => {
    const bomb = zerosBomb();
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    const read = readZip(bomb);
    expect(read).toEqual(refusal('products/bomb/models/0.glb', expect.stringMatching(/^declares 50\.0 MB uncompressed from \d+ kB, \d+:1; an entry may inflate at most 100:1 \(a zip bomb\?\)$/)));
  });

  it('refuses too many entries and unsafe names from the directory', () => {
    const many = rawZip(Array.from({ length: 11 }, (_, i) => ({ name: `${i}.txt`, data: new Uint8Array(), size: 0, method: 0 as const })));
    expect(readZip(many, limits)).toEqual(refusal('(the zip)', 'has more than 10 entries: split the pack'));
    const evil = rawZip([{ name: '../evil', data: new Uint8Array(), size: 0, method: 0 }]);
    expect(readZip(evil, limits)).toEqual(refusal('../evil', 'climbs out of the pack with "..": refused, nothing was imported'));
  });

  it('stops an entry that inflates past what its headers declare (a lying header)', async () => {
    expect(await readZipYielding(lyingZip(8 * 1024 * 1024, 1000))).toEqual(refusal('pack.json', 'inflates to more than the 1000 bytes its header declares (a zip bomb?)'));
  });

  it('refuses a zip with no central directory, and damaged data, in words', () => {
    const cut = zipSync({ 'pack.json': new Uint8Array(100) }).slice(0, 60);
    expect(readZip(cut)).toEqual(refusal('(the zip)', 'has no central directory: it is truncated or damaged'));
    const garbage = rawZip([{ name: 'pack.json', data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), size: 10 }]);
    expect(readZip(garbage)).toEqual(refusal('pack.json', 'cannot be inflated: its compressed data is damaged'));
  });

  it('names unsafe entry names', () => {
    expect(unsafeEntryName('products/a/models/x.glb')).toBeUndefined();
    expect(unsafeEntryName('products/../../etc/passwd')).toBe('climbs out of the pack with ".."');
    expect(unsafeEntryName('/etc/passwd')).toBe('is an absolute path');
    expect(unsafeEntryName('C:/Windows/x')).toBe('is an absolute path');
    expect(unsafeEntryName('a\\..\\b')).toBe('has a backslash or NUL in its name');
  });
});
