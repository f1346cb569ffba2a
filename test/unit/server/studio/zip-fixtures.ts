/**
 * Zips written byte by byte, as a hostile one would be: any declared size over any data. Nothing here
 * compresses what it declares; a bomb's entries are one deflated block of zeros, shared.
 */
import { deflateSync } from 'fflate';

export interface RawEntry {
  name: string;
  /** The bytes stored for the entry (deflated, or stored as they are). */
  data: Uint8Array;
  /** What the headers declare it inflates to. */
  size: number;
  method?: 0 | 8;
  crc?: number;
}

export function rawZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length + e.data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method ?? 8, true);
    lv.setUint32(14, e.crc ?? 0, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(e.data, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method ?? 8, true);
    cv.setUint32(16, e.crc ?? 0, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) (out.set(part, at), (at += part.length));
  return out;
}

const MB = 1024 * 1024;

/** The prober's bomb: `count` entries of 50 MB of zeros each, some 50 kB deflated (25 make a 1.3 MB zip). */
export function zerosBomb(count = 25): Uint8Array {
  const block = deflateSync(new Uint8Array(50 * MB), { level: 9 });
  return rawZip(Array.from({ length: count }, (_, i) => ({ name: `products/bomb/models/${i}.glb`, data: block, size: 50 * MB })));
}

/** Entries whose declared sizes each pass (under the entry cap, a plausible ratio) but together pass the total. */
export function declaredTotalZip(count: number, size: number, stored: number): Uint8Array {
  const data = new Uint8Array(stored);
  return rawZip(Array.from({ length: count }, (_, i) => ({ name: `products/big/models/${i}.glb`, data, size })));
}

/** A deflated entry whose local and central headers both declare `declared` bytes: it inflates to `real`. */
export function lyingZip(real: number, declared: number): Uint8Array {
  return rawZip([{ name: 'pack.json', data: deflateSync(new Uint8Array(real), { level: 9 }), size: declared }]);
}
