/** GPS positions leave inspection photos with the rest of the metadata: on real bytes, and the image still decodes. */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { pngChunk } from '../../../../src/build/png';
import { jpegOrientation, orientationTiff, stripLocation } from '../../../../src/server/inspections/strip-location';
import { contains, gpsTiff, ifd0Tags, jpegWithGps, LATITUDE_BYTES, realJpeg, SOFTWARE } from './exif-fixture';

const size = async (bytes: Uint8Array) => {
  const image = await loadImage(Buffer.from(bytes));
  return [image.width, image.height];
};

describe('stripLocation', () => {
  it("keeps only the orientation of a JPEG's Exif: the GPS IFD, the software and every other tag go", async () => {
    const original = realJpeg();
    const withGps = jpegWithGps(original);
    expect(ifd0Tags(withGps)?.has(0x8825)).toBe(true);
    expect(contains(withGps, LATITUDE_BYTES)).toBe(true);

    const { bytes, dropped, orientation } = stripLocation(withGps, 'image/jpeg');
    expect(dropped).toContain('APP1 Exif');
    expect(orientation).toBe(6);
    const tags = ifd0Tags(bytes)!;
    expect([...tags.keys()]).toEqual([0x0112]);
    expect(tags.get(0x0112)?.value).toBe(6);
    expect(contains(bytes, new TextEncoder().encode(SOFTWARE))).toBe(false);
    expect(contains(bytes, LATITUDE_BYTES)).toBe(false);
    // The decoder still honours the kept orientation (6: turned a quarter): width and height swap.
    const [width, height] = await size(original);
    expect(await size(bytes)).toEqual([height, width]);
  });

  it("reads a JPEG's orientation tag, 1 without one", () => {
    expect(jpegOrientation(stripLocation(jpegWithGps(), 'image/jpeg').bytes)).toBe(6);
    expect(jpegOrientation(realJpeg())).toBe(1);
  });

  it('gives the same bytes when a stripped JPEG is stripped again', () => {
    const once = stripLocation(realJpeg(), 'image/jpeg').bytes;
    expect(stripLocation(once, 'image/jpeg')).toEqual({ bytes: once, dropped: [] });
  });

  it('drops an Exif segment whose offsets do not hold together', async () => {
    const broken = jpegWithGps();
    // IFD0's offset (at SOI 2 + APP1 header 4 + "Exif\0\0" 6 + 4) points far outside the block.
    Buffer.from(broken.buffer).writeUInt32LE(0xfffff, 16);
    const { bytes, dropped } = stripLocation(broken, 'image/jpeg');
    expect(dropped).toContain('APP1 Exif');
    expect(ifd0Tags(bytes)).toBeUndefined();
    expect(contains(bytes, LATITUDE_BYTES)).toBe(false);
    expect(await size(bytes)).toEqual(await size(realJpeg()));
  });

  it("replaces a PNG's eXIf chunk by one holding only the orientation", async () => {
    const png = createCanvas(40, 30).encodeSync('png');
    const exif = pngChunk('eXIf', gpsTiff());
    const withGps = new Uint8Array(Buffer.concat([png.subarray(0, 33), exif, png.subarray(33)])); // after IHDR
    expect(await size(withGps)).toEqual([40, 30]);
    const { bytes, dropped } = stripLocation(withGps, 'image/png');
    expect(dropped).toEqual(['eXIf']);
    expect(contains(bytes, LATITUDE_BYTES)).toBe(false);
    const idat = png.indexOf('IDAT') - 4;
    expect(Buffer.from(bytes).equals(Buffer.concat([png.subarray(0, idat), pngChunk('eXIf', orientationTiff(6)), png.subarray(idat)]))).toBe(true);
    expect(await size(bytes)).toEqual([40, 30]);
  });

  it("replaces a WebP's EXIF chunk by one holding only the orientation, and mends the RIFF size", async () => {
    const webp = createCanvas(40, 30).encodeSync('webp', 90);
    const tiff = gpsTiff();
    const head = Buffer.alloc(8);
    head.write('EXIF', 0, 'latin1');
    head.writeUInt32LE(tiff.length, 4);
    const withGps = Buffer.concat([webp, head, tiff, Buffer.alloc(tiff.length % 2)]);
    withGps.writeUInt32LE(withGps.length - 8, 4);
    const { bytes, dropped, orientation } = stripLocation(new Uint8Array(withGps), 'image/webp');
    expect([dropped, orientation]).toEqual([['EXIF'], 6]);
    expect(contains(bytes, LATITUDE_BYTES)).toBe(false);
    expect(contains(bytes, orientationTiff(6))).toBe(true);
    expect(Buffer.from(bytes).readUInt32LE(4)).toBe(bytes.length - 8);
    // The kept orientation (6), now flagged in VP8X, is honoured: width and height swap.
    expect(await size(bytes)).toEqual([30, 40]);
  });
});
