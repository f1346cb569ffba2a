/**
 * Photos that carry a GPS position in every place the probe found one, made here from a drawn picture:
 * Exif with the GPS pointer in IFD0 or in IFD1, XMP and ExtendedXMP, a second JPEG after the first
 * (as phones append gain maps), a comment, IPTC, metadata after the scan; PNG eXIf, tEXt and zTXt
 * "Raw profile type exif", iTXt XMP plain and compressed, and text after IEND; WebP EXIF and XMP.
 * Each names the orientation it carries (6: turned a quarter) so the tests can see it kept.
 */
import { createCanvas } from '@napi-rs/canvas';
import { deflateSync } from 'node:zlib';
import { pngChunk } from '../../../../src/build/png';
import { gpsTiff, LATITUDE_BYTES } from './exif-fixture';

export { LATITUDE_BYTES };
export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface Layout {
  name: string;
  mediaType: PhotoType;
  bytes: Uint8Array;
  /** The orientation the photo carries in its Exif, if any. */
  orientation?: number;
}

export const WIDTH = 40;
export const HEIGHT = 30;
/** An XMP packet naming a position, as a phone's editor writes it. */
export const XMP_GPS = 'exif:GPSLatitude="48,51.4N" exif:GPSLongitude="2,21.05E"';
const xmp = (inner: string) => `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description ${inner}/></rdf:RDF></x:xmpmeta>`;

/** A picture with detail (so the JPEG's scan has stuffed 0xFF bytes), encoded by the canvas. */
export function drawn(type: PhotoType): Buffer {
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  for (let x = 0; x < WIDTH; x++) {
    for (let y = 0; y < HEIGHT; y++) {
      ctx.fillStyle = `rgb(${(x * 37 + y * 91) % 256},${(x * 13 * y) % 256},${((x + y) * 7) % 256})`;
      ctx.fillRect(x, y, 1, 1);
    }
  }
  return type === 'image/jpeg' ? canvas.encodeSync('jpeg', 90) : type === 'image/png' ? canvas.encodeSync('png') : canvas.encodeSync('webp', 90);
}

/** A TIFF whose IFD0 has the orientation and points to IFD1, which holds the GPS pointer. */
export function ifd1GpsTiff(): Uint8Array {
  const b = Buffer.alloc(98);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    b.writeUInt32LE(value, at + 8);
  };
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(1, 8); // IFD0 at 8: the orientation, then IFD1 at 26
  entry(10, 0x0112, 3, 1, 6);
  b.writeUInt32LE(26, 22);
  b.writeUInt16LE(1, 26); // IFD1 at 26: the GPS pointer, no further IFD
  entry(28, 0x8825, 4, 1, 44);
  b.writeUInt32LE(0, 40);
  b.writeUInt16LE(2, 44); // GPS IFD at 44: "N" and the latitude at 74
  entry(46, 0x0001, 2, 2, 0x4e);
  entry(58, 0x0002, 5, 3, 74);
  b.writeUInt32LE(0, 70);
  Buffer.from(LATITUDE_BYTES).copy(b, 74);
  return new Uint8Array(b);
}

const seg = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
const exifSegment = (tiff: Uint8Array) => seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
const xmpSegment = (inner: string) => seg(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmp(inner)}`, 'utf8'));
function extendedXmpSegment(inner: string): Buffer {
  const data = Buffer.from(xmp(inner), 'utf8');
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.writeUInt32BE(0, 4);
  return seg(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1'), Buffer.from('0123456789ABCDEF0123456789ABCDEF', 'latin1'), head, data]));
}
/** The JPEG with these segments right after its SOI. */
const jpegWith = (...segments: Buffer[]) => {
  const base = drawn('image/jpeg');
  return Buffer.concat([base.subarray(0, 2), ...segments, base.subarray(2)]);
};

/** ImageMagick's "Raw profile type exif": the Exif block as hex, after its length. */
function rawProfile(tiff: Uint8Array): Buffer {
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const hex = exif.toString('hex').replace(/.{1,72}/g, '$&\n');
  return Buffer.from(`\nexif\n${String(exif.length).padStart(8)}\n${hex}`, 'latin1');
}
/** The PNG with these chunks after IHDR (or, with `after`, after IEND). */
function pngWith(chunks: Buffer[], after: Buffer[] = []): Buffer {
  const base = drawn('image/png');
  return Buffer.concat([base.subarray(0, 33), ...chunks, base.subarray(33), ...after]);
}
const latin = (s: string) => Buffer.from(s, 'latin1');

/** The WebP (extended format) with these chunks after its image, and the VP8X flags set for them. */
function webpWith(chunks: Array<[string, Buffer]>, flags: number): Buffer {
  const base = drawn('image/webp');
  const body = [base.subarray(12), ...chunks.map(([type, data]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
  })];
  const out = Buffer.concat([base.subarray(0, 12), ...body]);
  if (out.toString('latin1', 12, 16) !== 'VP8X') throw new Error('the canvas wrote a simple WebP: no VP8X to flag');
  out[20] = out[20]! | flags;
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

export function layouts(): Layout[] {
  const jpeg = (name: string, bytes: Buffer, orientation?: number): Layout => ({ name, mediaType: 'image/jpeg', bytes: new Uint8Array(bytes), ...(orientation ? { orientation } : {}) });
  const png = (name: string, bytes: Buffer, orientation?: number): Layout => ({ name, mediaType: 'image/png', bytes: new Uint8Array(bytes), ...(orientation ? { orientation } : {}) });
  const base = drawn('image/jpeg');
  const eoi = base.length - 2;
  const itxt = (compressed: boolean) =>
    pngChunk('iTXt', Buffer.concat([latin(`XML:com.adobe.xmp\0${compressed ? '\x01' : '\x00'}\0\0\0`), compressed ? deflateSync(Buffer.from(xmp(XMP_GPS))) : Buffer.from(xmp(XMP_GPS))]));
  return [
    jpeg('JPEG Exif, GPS pointer in IFD0', jpegWith(exifSegment(gpsTiff())), 6),
    jpeg('JPEG Exif, GPS pointer in IFD1', jpegWith(exifSegment(ifd1GpsTiff())), 6),
    jpeg('JPEG XMP', jpegWith(exifSegment(ifd1GpsTiff()), xmpSegment(XMP_GPS)), 6),
    jpeg('JPEG ExtendedXMP', jpegWith(xmpSegment('xmpNote:HasExtendedXMP="0123456789ABCDEF0123456789ABCDEF"'), extendedXmpSegment(XMP_GPS))),
    jpeg('JPEG comment and IPTC', jpegWith(seg(0xfe, latin('taken at 48.8567 N 2.3508 E GPS')), seg(0xed, latin(`Photoshop 3.0\0${XMP_GPS}`)))),
    jpeg('JPEG with a second image after it', Buffer.concat([jpegWith(seg(0xe2, latin('MPF\0II*\0'))), jpegWith(exifSegment(gpsTiff()))])),
    jpeg('JPEG metadata after the scan', Buffer.concat([base.subarray(0, eoi), xmpSegment(XMP_GPS), base.subarray(eoi)])),
    png('PNG eXIf', pngWith([pngChunk('eXIf', gpsTiff())]), 6),
    png('PNG tEXt raw profile', pngWith([pngChunk('tEXt', Buffer.concat([latin('Raw profile type exif\0'), rawProfile(gpsTiff())]))])),
    png('PNG zTXt raw profile', pngWith([pngChunk('zTXt', Buffer.concat([latin('Raw profile type exif\0\0'), deflateSync(rawProfile(gpsTiff()))]))])),
    png('PNG iTXt XMP', pngWith([itxt(false)])),
    png('PNG compressed iTXt XMP', pngWith([itxt(true)])),
    png('PNG text after IEND', pngWith([], [pngChunk('tEXt', latin(`Comment\0${XMP_GPS}`))])),
    { name: 'WebP EXIF and XMP', mediaType: 'image/webp', bytes: new Uint8Array(webpWith([['EXIF', Buffer.from(gpsTiff())], ['XMP ', Buffer.from(xmp(XMP_GPS))]], 0x08 | 0x04)), orientation: 6 },
  ];
}
