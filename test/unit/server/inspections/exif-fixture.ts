/**
 * Photos with a GPS position, made by hand: an Exif APP1 segment (little-endian TIFF) with IFD0
 * (orientation, software, the GPS IFD pointer, and a tag after it) and a GPS IFD (latitude 48°51'24" N,
 * longitude 2°21'3" E), put into a real JPEG after its SOI. Also a reader of IFD0's tags.
 */
import { readFileSync } from 'node:fs';
import { fixturePhoto } from '../../../support/fixture-photos';

export const realJpeg = (name = 'IBM-MAX-Object-Detector_baby-bear.jpg') => new Uint8Array(readFileSync(fixturePhoto(name)));

/** The latitude's rationals as stored: 48/1, 51/1, 2400/100; searched for to show they are gone. */
export const LATITUDE_BYTES = (() => {
  const b = Buffer.alloc(24);
  [48, 1, 51, 1, 2400, 100].forEach((v, i) => b.writeUInt32LE(v, i * 4));
  return new Uint8Array(b);
})();
export const SOFTWARE = 'TwinTest 1';

/** The TIFF body of an Exif block with a GPS IFD. */
export function gpsTiff(): Uint8Array {
  const b = Buffer.alloc(200);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  // IFD0 at 8: 4 entries (8 + 2 + 48 + 4 = 62).
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    b.writeUInt32LE(value, at + 8);
  };
  b.writeUInt16LE(4, 8);
  entry(10, 0x0112, 3, 1, 6); // orientation: rotate 90°
  entry(22, 0x0131, 2, SOFTWARE.length + 1, 62); // software, stored at 62
  entry(34, 0x8825, 4, 1, 80); // GPS IFD at 80
  entry(46, 0xc4a5, 7, 4, 0x04030201); // a tag after the GPS pointer, its 4 bytes inline
  b.writeUInt32LE(0, 58);
  b.write(`${SOFTWARE}\0`, 62, 'latin1');
  // GPS IFD at 80: 5 entries (80 + 2 + 60 + 4 = 146), then the rationals at 146 and 170.
  b.writeUInt16LE(5, 80);
  entry(82, 0x0000, 1, 4, 0x00000202);
  entry(94, 0x0001, 2, 2, 0x4e); // "N"
  entry(106, 0x0002, 5, 3, 146);
  entry(118, 0x0003, 2, 2, 0x45); // "E"
  entry(130, 0x0004, 5, 3, 170);
  b.writeUInt32LE(0, 142);
  Buffer.from(LATITUDE_BYTES).copy(b, 146);
  [2, 1, 21, 1, 300, 100].forEach((v, i) => b.writeUInt32LE(v, 170 + i * 4));
  return new Uint8Array(b.subarray(0, 194));
}

/** The JPEG with an Exif APP1 segment carrying a GPS position, right after its SOI. */
export function jpegWithGps(jpeg: Uint8Array = realJpeg()): Uint8Array {
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), gpsTiff()]);
  const head = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), head, body, jpeg.subarray(2)]));
}

/** IFD0's tags of the first Exif segment of a JPEG, with their raw 4-byte values; undefined without Exif. */
export function ifd0Tags(jpeg: Uint8Array): Map<number, { type: number; count: number; value: number }> | undefined {
  const b = Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  let at = 2;
  while (at + 4 <= b.length && b[at] === 0xff && b[at + 1] !== 0xda) {
    const length = b.readUInt16BE(at + 2);
    if (b[at + 1] === 0xe1 && b.toString('latin1', at + 4, at + 10) === 'Exif\0\0') {
      const t = at + 10;
      const ifd0 = t + b.readUInt32LE(t + 4);
      const tags = new Map<number, { type: number; count: number; value: number }>();
      for (let i = 0; i < b.readUInt16LE(ifd0); i++) {
        const e = ifd0 + 2 + i * 12;
        tags.set(b.readUInt16LE(e), { type: b.readUInt16LE(e + 2), count: b.readUInt32LE(e + 4), value: b.readUInt32LE(e + 8) });
      }
      return tags;
    }
    at += 2 + length;
  }
  return undefined;
}

export const contains = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).indexOf(Buffer.from(needle)) >= 0;
