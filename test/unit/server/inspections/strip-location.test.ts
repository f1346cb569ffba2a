/** GPS positions leave inspection photos: on real bytes, and the image still decodes. */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { pngChunk } from '../../../../src/build/png';
import { jpegOrientation, stripLocation } from '../../../../src/server/inspections/strip-location';
import { contains, gpsTiff, ifd0Tags, jpegWithGps, LATITUDE_BYTES, realJpeg, SOFTWARE } from './exif-fixture';

const size = async (bytes: Uint8Array) => {
  const image = await loadImage(Buffer.from(bytes));
  return [image.width, image.height];
};

describe('stripLocation', () => {
  it('takes the GPS IFD out of a JPEG and keeps the rest of Exif', async () => {
    const original = realJpeg();
    const withGps = jpegWithGps(original);
    expect(ifd0Tags(withGps)?.has(0x8825)).toBe(true);
    expect(contains(withGps, LATITUDE_BYTES)).toBe(true);

    const { bytes, removal } = stripLocation(withGps, 'image/jpeg');
    expect(removal).toBe('gps-removed');
    const tags = ifd0Tags(bytes)!;
    expect([...tags.keys()]).toEqual([0x0112, 0x0131, 0xc4a5]);
    expect(tags.get(0x0112)?.value).toBe(6);
    expect(tags.get(0xc4a5)?.value).toBe(0x04030201);
    expect(contains(bytes, new TextEncoder().encode(SOFTWARE))).toBe(true);
    expect(contains(bytes, LATITUDE_BYTES)).toBe(false);
    expect(bytes.length).toBe(withGps.length);
    // The decoder still honours the kept orientation (6: turned a quarter): width and height swap.
    const [width, height] = await size(original);
    expect(await size(bytes)).toEqual([height, width]);
  });

  it("reads a JPEG's orientation tag, 1 without one", () => {
    expect(jpegOrientation(stripLocation(jpegWithGps(), 'image/jpeg').bytes)).toBe(6);
    expect(jpegOrientation(realJpeg())).toBe(1);
  });

  it('leaves a JPEG without a position as it is', () => {
    const original = realJpeg();
    expect(stripLocation(original, 'image/jpeg')).toEqual({ bytes: original, removal: 'none' });
  });

  it('drops an Exif segment whose offsets do not hold together', async () => {
    const broken = jpegWithGps();
    // IFD0's offset (at SOI 2 + APP1 header 4 + "Exif\0\0" 6 + 4) points far outside the block.
    Buffer.from(broken.buffer).writeUInt32LE(0xfffff, 16);
    const { bytes, removal } = stripLocation(broken, 'image/jpeg');
    expect(removal).toBe('exif-dropped');
    expect(ifd0Tags(bytes)).toBeUndefined();
    expect(contains(bytes, LATITUDE_BYTES)).toBe(false);
    expect(await size(bytes)).toEqual(await size(realJpeg()));
  });

  it('drops the eXIf chunk of a PNG', async () => {
    const png = createCanvas(40, 30).encodeSync('png');
    const exif = pngChunk('eXIf', gpsTiff());
    const withGps = new Uint8Array(Buffer.concat([png.subarray(0, 33), exif, png.subarray(33)])); // after IHDR
    expect(await size(withGps)).toEqual([40, 30]);
    const { bytes, removal } = stripLocation(withGps, 'image/png');
    expect(removal).toBe('exif-dropped');
    expect(contains(bytes, new TextEncoder().encode('eXIf'))).toBe(false);
    expect(contains(bytes, LATITUDE_BYTES)).toBe(false);
    expect(Buffer.from(bytes).equals(png)).toBe(true);
    expect(await size(bytes)).toEqual([40, 30]);
  });

  it('drops the EXIF chunk of a WebP and mends the RIFF size', async () => {
    const webp = createCanvas(40, 30).encodeSync('webp', 90);
    const tiff = gpsTiff();
    const head = Buffer.alloc(8);
    head.write('EXIF', 0, 'latin1');
    head.writeUInt32LE(tiff.length, 4);
    const withGps = Buffer.concat([webp, head, tiff, Buffer.alloc(tiff.length % 2)]);
    withGps.writeUInt32LE(withGps.length - 8, 4);
    const { bytes, removal } = stripLocation(new Uint8Array(withGps), 'image/webp');
    expect(removal).toBe('exif-dropped');
    expect(contains(bytes, LATITUDE_BYTES)).toBe(false);
    expect(Buffer.from(bytes).readUInt32LE(4)).toBe(bytes.length - 8);
    expect(Buffer.from(bytes).equals(webp)).toBe(true);
    expect(await size(bytes)).toEqual([40, 30]);
  });
});
