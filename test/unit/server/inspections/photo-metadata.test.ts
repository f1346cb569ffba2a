/**
 * An inspection photo keeps only the metadata the app needs (its orientation, its colour profile), in
 * every layout a position was found in: no GPS tag, no XMP, no text chunk, no second image survives,
 * and the picture decodes to the same pixels.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { jpegOrientation, orientationTiff, stripLocation, tiffOrientation } from '../../../../src/server/inspections/strip-location';
import { drawn, HEIGHT, LATITUDE_BYTES, layouts, WIDTH, type Layout } from './photo-layouts';

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/** A JPEG's segments (marker and body) in order, the scans' data skipped, and what follows EOI. */
function jpegSegments(bytes: Uint8Array): { segments: Array<{ marker: number; body: Uint8Array }>; trailing: number } {
  const segments: Array<{ marker: number; body: Uint8Array }> = [];
  let at = 2;
  while (at + 2 <= bytes.length) {
    expect(bytes[at]).toBe(0xff);
    const marker = bytes[at + 1]!;
    if (marker === 0xd9) return { segments, trailing: bytes.length - at - 2 };
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    segments.push({ marker, body: bytes.subarray(at + 4, at + 2 + length) });
    at += 2 + length;
    if (marker === 0xda) {
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7))) at++;
    }
  }
  throw new Error('no end of image');
}

function pngChunks(bytes: Uint8Array): Array<{ type: string; data: Uint8Array }> {
  const b = Buffer.from(bytes);
  const chunks: Array<{ type: string; data: Uint8Array }> = [];
  for (let at = 8; at + 12 <= b.length; ) {
    const length = b.readUInt32BE(at);
    chunks.push({ type: b.toString('latin1', at + 4, at + 8), data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

function webpChunks(bytes: Uint8Array): Array<{ type: string; data: Uint8Array }> {
  const b = Buffer.from(bytes);
  expect(b.readUInt32LE(4)).toBe(b.length - 8);
  const chunks: Array<{ type: string; data: Uint8Array }> = [];
  for (let at = 12; at + 8 <= b.length; ) {
    const size = b.readUInt32LE(at + 4);
    chunks.push({ type: b.toString('latin1', at, at + 4), data: bytes.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size % 2);
  }
  return chunks;
}

/** The Exif blocks left in the photo: each must be exactly one IFD holding only the orientation. */
function exifBlocks(layout: Layout, bytes: Uint8Array): Uint8Array[] {
  if (layout.mediaType === 'image/jpeg') {
    const { segments, trailing } = jpegSegments(bytes);
    expect(trailing, 'nothing after the end of the image').toBe(0);
    const allowed = (m: number, body: Uint8Array) =>
      (m >= 0xc0 && m <= 0xcf && m !== 0xc8) || (m >= 0xda && m <= 0xdf) || (m === 0xe2 && latin1(body).startsWith('ICC_PROFILE\0')) || (m === 0xe1 && latin1(body).startsWith('Exif\0\0'));
    for (const { marker, body } of segments) expect(allowed(marker, body), `marker 0x${marker.toString(16)} ${latin1(body.subarray(0, 20))}`).toBe(true);
    return segments.filter((s) => s.marker === 0xe1).map((s) => s.body.subarray(6));
  }
  if (layout.mediaType === 'image/png') {
    const chunks = pngChunks(bytes);
    const types = chunks.map((c) => c.type);
    for (const type of types) expect(['IHDR', 'sRGB', 'sBIT', 'eXIf', 'IDAT', 'IEND'], type).toContain(type);
    expect(types.at(-1)).toBe('IEND');
    expect(Buffer.from(bytes).indexOf('IEND') + 8).toBe(bytes.length);
    return chunks.filter((c) => c.type === 'eXIf').map((c) => c.data);
  }
  const chunks = webpChunks(bytes);
  for (const { type } of chunks) expect(['VP8X', 'VP8 ', 'VP8L', 'ALPH', 'ICCP', 'EXIF'], type).toContain(type);
  const flags = chunks[0]!.data[0]!;
  const exif = chunks.filter((c) => c.type === 'EXIF').map((c) => c.data);
  expect(flags & 0x04, 'the VP8X XMP flag').toBe(0);
  expect(flags & 0x08, 'the VP8X EXIF flag').toBe(exif.length > 0 ? 0x08 : 0);
  return exif;
}

async function pixels(bytes: Uint8Array): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: canvas.getContext('2d').getImageData(0, 0, image.width, image.height).data };
}

describe('inspection photos keep only the metadata the app needs', () => {
  for (const layout of layouts()) {
    it(`${layout.name}: no position, no XMP, no text survives; the orientation does`, async () => {
      const { bytes, dropped, orientation } = stripLocation(layout.bytes, layout.mediaType);
      expect(dropped.length, 'something was dropped').toBeGreaterThan(0);
      const text = latin1(bytes);
      expect(Buffer.from(bytes).indexOf(Buffer.from(LATITUDE_BYTES))).toBe(-1);
      for (const word of ['GPS', 'xmp', 'XMP', 'adobe', 'Raw profile', 'Photoshop', '48.8567', 'rdf:']) expect(text, word).not.toContain(word);

      const exif = exifBlocks(layout, bytes);
      if (layout.orientation) {
        expect(orientation).toBe(layout.orientation);
        expect(exif).toEqual([orientationTiff(layout.orientation)]);
        expect(tiffOrientation(exif[0]!)).toBe(layout.orientation);
      } else {
        expect(exif).toEqual([]);
      }

      const out = await pixels(bytes);
      const original = await pixels(drawn(layout.mediaType));
      if (layout.mediaType === 'image/jpeg' && layout.orientation === 6) {
        expect(jpegOrientation(bytes)).toBe(6);
        expect([out.width, out.height]).toEqual([HEIGHT, WIDTH]);
      } else if (!layout.orientation) {
        expect([out.width, out.height]).toEqual([WIDTH, HEIGHT]);
        expect(Buffer.from(out.data).equals(Buffer.from(original.data)), 'the same pixels').toBe(true);
      }
    });
  }

  it('keeps a JPEG’s colour profile and a PNG’s colour chunks, and gives the same bytes when stripped again', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp'] as const) {
      const once = stripLocation(drawn(type), type);
      const twice = stripLocation(once.bytes, type);
      expect(Buffer.from(twice.bytes).equals(Buffer.from(once.bytes)), type).toBe(true);
      expect(twice.dropped).toEqual([]);
    }
    const jpeg = jpegSegments(stripLocation(drawn('image/jpeg'), 'image/jpeg').bytes).segments;
    expect(jpeg.some((s) => s.marker === 0xe2 && latin1(s.body).startsWith('ICC_PROFILE\0'))).toBe(true);
    expect(stripLocation(drawn('image/jpeg'), 'image/jpeg').dropped).toEqual(['APP0 JFIF']);
    expect(pngChunks(stripLocation(drawn('image/png'), 'image/png').bytes).map((c) => c.type)).toEqual(['IHDR', 'sRGB', 'sBIT', 'IDAT', 'IEND']);
  });

  it('survives damaged photos: truncated segments and chunks, a bad Exif, garbage between segments', () => {
    const jpeg = drawn('image/jpeg');
    const png = drawn('image/png');
    const damaged: Array<[Uint8Array, 'image/jpeg' | 'image/png' | 'image/webp']> = [
      [jpeg.subarray(0, 300), 'image/jpeg'],
      [jpeg.subarray(0, 5), 'image/jpeg'],
      [Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, 0x00, 0x10]), Buffer.from('Exif\0\0MM\0\x2a\xff\xff\xff\xff', 'latin1'), jpeg.subarray(2)]), 'image/jpeg'],
      [Buffer.concat([jpeg.subarray(0, 2), Buffer.from('garbage'), jpeg.subarray(2)]), 'image/jpeg'],
      [png.subarray(0, 60), 'image/png'],
      [Buffer.concat([png.subarray(0, 33), Buffer.from([0xff, 0xff, 0xff, 0xff]), Buffer.from('eXIf')]), 'image/png'],
      [drawn('image/webp').subarray(0, 40), 'image/webp'],
    ];
    for (const [bytes, type] of damaged) {
      const out = stripLocation(new Uint8Array(bytes), type);
      expect(out.bytes.length).toBeGreaterThan(0);
      expect(Buffer.from(out.bytes).indexOf(Buffer.from(LATITUDE_BYTES))).toBe(-1);
    }
  });
});
