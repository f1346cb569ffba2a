/**
 * Strips an inspection photo down to what the app needs before it is stored (unless the officer keeps
 * the position): an allow-list, not a hunt for GPS. Whatever a phone or an editor wrote — Exif in any
 * directory, XMP and ExtendedXMP, IPTC, comments, text chunks, maker notes, thumbnails, a second image
 * after the first — is dropped unless it is on the list below, whatever it is called:
 * - JPEG: the frame, tables, scans and restart intervals (SOFn, DHT, DAC, DQT, DRI, SOS with its data,
 *   DNL, DHP, EXP), the ICC colour profile (APP2 ICC_PROFILE: evidence photos are judged on colour),
 *   Adobe's colour-transform flags (APP14, written afresh), and a fresh Exif block holding only the
 *   orientation when the photo had one. Nothing after the end-of-image marker.
 * - PNG: the critical chunks (IHDR, PLTE, IDAT, IEND) and the colour and size ones (tRNS, gAMA, cHRM,
 *   sRGB, iCCP, sBIT, cICP, mDCV, cLLI, pHYs, bKGD), and a fresh eXIf with only the orientation.
 * - WebP: the image chunks (VP8, VP8L, VP8X, ALPH, ANIM, ANMF), ICCP, and a fresh EXIF with only the
 *   orientation (in the extended format, which alone may carry it); the VP8X flags say what is left.
 * Pure: bytes in, bytes out; the compressed image data is copied as it is, never decoded.
 */
import { crc32 } from 'node:zlib';

export interface Stripped {
  bytes: Uint8Array;
  /** What was left out, named by marker or chunk (e.g. "APP1 Exif", "zTXt", "after the image"); empty when nothing was. */
  dropped: string[];
  /** The orientation kept (1-8), if the photo had one. */
  orientation?: number;
}

const ORIENTATION_TAG = 0x0112;
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
const startsWith = (bytes: Uint8Array, prefix: string) => bytes.byteLength >= prefix.length && latin1(bytes.subarray(0, prefix.length)) === prefix;
const EXIF_HEADER = 'Exif\0\0';

/** The orientation (1-8) in IFD0 of a TIFF structure (Exif's body), or undefined when there is none or it cannot be read. */
export function tiffOrientation(tiff: Uint8Array): number | undefined {
  if (startsWith(tiff, EXIF_HEADER)) tiff = tiff.subarray(6);
  if (tiff.byteLength < 8) return undefined;
  const order = latin1(tiff.subarray(0, 2));
  if (order !== 'II' && order !== 'MM') return undefined;
  const le = order === 'II';
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  if (view.getUint16(2, le) !== 42) return undefined;
  const ifd0 = view.getUint32(4, le);
  if (ifd0 < 8 || ifd0 + 2 > tiff.byteLength) return undefined;
  const count = view.getUint16(ifd0, le);
  for (let i = 0; i < count; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > tiff.byteLength) return undefined;
    // SHORT, one value: stored in the first two bytes of the value field.
    if (view.getUint16(entry, le) === ORIENTATION_TAG && view.getUint16(entry + 2, le) === 3 && view.getUint32(entry + 4, le) >= 1) {
      const value = view.getUint16(entry + 8, le);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** A TIFF structure (little-endian) whose IFD0 holds the orientation and nothing else, and no further directory. */
export function orientationTiff(orientation: number): Uint8Array {
  const b = Buffer.alloc(26);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(1, 8);
  b.writeUInt16LE(ORIENTATION_TAG, 10);
  b.writeUInt16LE(3, 12);
  b.writeUInt32LE(1, 14);
  b.writeUInt16LE(orientation, 18);
  b.writeUInt32LE(0, 22);
  return new Uint8Array(b);
}

/** A JPEG segment: marker, length, body. */
function jpegSegment(marker: number, body: Uint8Array): Uint8Array {
  const head = Buffer.from([0xff, marker, (body.byteLength + 2) >> 8, (body.byteLength + 2) & 0xff]);
  return new Uint8Array(Buffer.concat([head, body]));
}

/** SOFn, DHT, DAC (0xC0-0xCF but JPG 0xC8), DQT, DNL, DRI, DHP, EXP: the image itself. */
const isImageMarker = (m: number) => (m >= 0xc0 && m <= 0xcf && m !== 0xc8) || (m >= 0xdb && m <= 0xdf);

/** "APP1 Exif", "APP2 MPF", "COM": a dropped segment's name, by its marker and the identifier its body starts with. */
function segmentName(marker: number, body: Uint8Array): string {
  if (marker === 0xfe) return 'COM';
  const id = /^[\x20-\x7e]{1,40}/.exec(latin1(body.subarray(0, 40)))?.[0];
  const name = marker >= 0xe0 && marker <= 0xef ? `APP${marker - 0xe0}` : `marker 0x${marker.toString(16).toUpperCase()}`;
  return id ? `${name} ${id}` : name;
}

/** Where a scan's entropy-coded data ends: the first 0xFF that is not a stuffed zero or a restart marker. */
function scanEnd(input: Uint8Array, from: number): number {
  for (let i = from; i + 1 < input.length; i++) {
    if (input[i] !== 0xff) continue;
    const next = input[i + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) i++;
    else return i;
  }
  return input.length;
}

function stripJpeg(input: Uint8Array): Stripped {
  const kept: Uint8Array[] = [];
  const dropped: string[] = [];
  let orientation: number | undefined;
  let exifSeen = false;
  let at = 2;
  let ended = false;
  while (at < input.length) {
    if (input[at] !== 0xff) {
      dropped.push('bytes outside any segment');
      break;
    }
    while (at < input.length && input[at] === 0xff) at++; // fill bytes
    if (at >= input.length) break;
    const marker = input[at++]!;
    if (marker === 0xd9) {
      ended = true;
      break;
    }
    // Stand-alone markers (TEM, a stray restart, a second SOI) carry nothing the image needs.
    if (marker === 0x01 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (at + 2 > input.length) break;
    const length = (input[at]! << 8) | input[at + 1]!;
    if (length < 2 || at + length > input.length) {
      dropped.push('a truncated segment');
      break;
    }
    const body = input.subarray(at + 2, at + length);
    at += length;
    if (marker === 0xda) {
      const end = scanEnd(input, at);
      kept.push(jpegSegment(marker, body), input.subarray(at, end));
      at = end;
    } else if (isImageMarker(marker)) {
      kept.push(jpegSegment(marker, body));
    } else if (marker === 0xe2 && startsWith(body, 'ICC_PROFILE\0')) {
      kept.push(jpegSegment(marker, body));
    } else if (marker === 0xee && startsWith(body, 'Adobe') && body.byteLength >= 12) {
      // Version, two flag words and the colour transform: what a decoder needs to read CMYK and RGB JPEGs.
      kept.push(jpegSegment(marker, body.slice(0, 12)));
      if (body.byteLength > 12) dropped.push('APP14 Adobe (beyond its flags)');
    } else {
      if (marker === 0xe1 && startsWith(body, EXIF_HEADER) && !exifSeen) {
        exifSeen = true;
        orientation = tiffOrientation(body.subarray(6));
      }
      dropped.push(segmentName(marker, body));
    }
  }
  if (ended && at < input.length) dropped.push('after the image');
  const exif = orientation ? [jpegSegment(0xe1, new Uint8Array(Buffer.concat([Buffer.from(EXIF_HEADER, 'latin1'), orientationTiff(orientation)])))] : [];
  const bytes = new Uint8Array(Buffer.concat([input.subarray(0, 2), ...exif, ...kept, Buffer.from([0xff, 0xd9])]));
  return { bytes, dropped, ...(orientation ? { orientation } : {}) };
}

/** The PNG chunks kept: the critical ones and those that say how to show the colours and the size. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'cICP', 'mDCV', 'cLLI', 'pHYs', 'bKGD']);

/** One PNG chunk: length, type, data and the CRC over type and data. */
function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.byteLength, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return new Uint8Array(Buffer.concat([head, data, crc]));
}

function stripPng(input: Uint8Array): Stripped {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const kept: Uint8Array[] = [];
  const dropped: string[] = [];
  let orientation: number | undefined;
  let exifSeen = false;
  let exifWritten = false;
  let ended = false;
  let at = 8;
  while (at + 12 <= input.length) {
    const length = view.getUint32(at);
    const type = latin1(input.subarray(at + 4, at + 8));
    if (at + 12 + length > input.length) {
      dropped.push('a truncated chunk');
      break;
    }
    const chunk = input.subarray(at, at + 12 + length);
    at += 12 + length;
    if (type === 'eXIf' && !exifSeen) {
      exifSeen = true;
      orientation = tiffOrientation(chunk.subarray(8, 8 + length));
    }
    if (!PNG_KEPT.has(type)) {
      dropped.push(/^[A-Za-z]{4}$/.test(type) ? type : 'a chunk of no known type');
      continue;
    }
    // The orientation goes before the image data, where viewers look for it.
    if ((type === 'IDAT' || type === 'IEND') && orientation && !exifWritten) {
      kept.push(pngChunk('eXIf', orientationTiff(orientation)));
      exifWritten = true;
    }
    kept.push(chunk);
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (ended && at < input.length) dropped.push('after the image');
  if (!ended) kept.push(pngChunk('IEND', new Uint8Array(0)));
  const bytes = new Uint8Array(Buffer.concat([input.subarray(0, 8), ...kept]));
  return { bytes, dropped, ...(orientation && exifWritten ? { orientation } : {}) };
}

const WEBP_KEPT = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const VP8X_ICC = 0x20;
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function webpChunk(type: string, data: Uint8Array): Uint8Array {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.byteLength, 4);
  return new Uint8Array(Buffer.concat([head, data, Buffer.alloc(data.byteLength % 2)]));
}

function stripWebp(input: Uint8Array): Stripped {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const chunks: Uint8Array[] = [];
  const dropped: string[] = [];
  let orientation: number | undefined;
  const end = Math.min(input.length, 8 + view.getUint32(4, true));
  let at = 12;
  while (at + 8 <= end) {
    const type = latin1(input.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    if (at + 8 + size > end) {
      dropped.push('a truncated chunk');
      break;
    }
    const chunk = input.subarray(at, Math.min(end, at + 8 + size + (size % 2)));
    at += 8 + size + (size % 2);
    if (type === 'EXIF' && orientation === undefined) orientation = tiffOrientation(chunk.subarray(8, 8 + size));
    if (WEBP_KEPT.has(type)) chunks.push(chunk);
    else dropped.push(/^[\x20-\x7e]{4}$/.test(type) ? type.trim() : 'a chunk of no known type');
  }
  if (end < input.length || at < end) dropped.push('after the image');
  const vp8x = chunks.findIndex((c) => startsWith(c, 'VP8X'));
  const withOrientation = vp8x >= 0 && orientation !== undefined;
  if (vp8x >= 0) {
    const copy = chunks[vp8x]!.slice();
    const hasIcc = chunks.some((c) => startsWith(c, 'ICCP'));
    copy[8] = (copy[8]! & ~(VP8X_XMP | VP8X_EXIF | VP8X_ICC)) | (withOrientation ? VP8X_EXIF : 0) | (hasIcc ? VP8X_ICC : 0);
    chunks[vp8x] = copy;
  }
  if (withOrientation) chunks.push(webpChunk('EXIF', orientationTiff(orientation!)));
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return { bytes: new Uint8Array(Buffer.concat([header, body])), dropped, ...(withOrientation ? { orientation } : {}) };
}

/** A JPEG's Exif orientation (1-8; 1 when it has none or it cannot be read): how to turn it for display. */
export function jpegOrientation(jpeg: Uint8Array): number {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    const body = jpeg.subarray(at + 4, Math.min(jpeg.length, at + 2 + length));
    if (jpeg[at + 1] === 0xe1 && startsWith(body, EXIF_HEADER)) return tiffOrientation(body.subarray(6)) ?? 1;
    at += 2 + length;
  }
  return 1;
}

/**
 * The photo with only the metadata the app needs (see above); `mediaType` as photoTypeOf found it. The
 * name says why it exists: a phone's photo carries where it was taken, and an officer's position is not
 * the record's business unless they keep it.
 */
export function stripLocation(bytes: Uint8Array, mediaType: string): Stripped {
  if (mediaType === 'image/jpeg') return stripJpeg(bytes);
  if (mediaType === 'image/png') return stripPng(bytes);
  if (mediaType === 'image/webp') return stripWebp(bytes);
  return { bytes, dropped: [] };
}
