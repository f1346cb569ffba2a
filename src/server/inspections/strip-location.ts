/**
 * Removes the GPS position a phone writes into a photo, before an inspection photo is stored (unless the
 * officer keeps it). JPEG: the GPS IFD is taken out of the Exif APP1 segment and its bytes zeroed, the
 * rest of Exif (orientation, camera, time) kept; an Exif segment that cannot be read safely is dropped
 * whole, and an XMP segment that names a GPS position is dropped. PNG: eXIf chunks (and XMP naming a GPS
 * position) are dropped. WebP: the EXIF chunk (and XMP naming a GPS position) is dropped, and the VP8X
 * flags say so. Pure: bytes in, bytes out; the pixels are never touched.
 */

export type LocationRemoval = 'none' | 'gps-removed' | 'exif-dropped' | 'metadata-dropped';

export interface Stripped {
  bytes: Uint8Array;
  /** What was done: nothing found, the GPS IFD removed, or a whole metadata block dropped. */
  removal: LocationRemoval;
}

const GPS_IFD_TAG = 0x8825;
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
const mentionsGps = (bytes: Uint8Array) => /GPS(Latitude|Longitude|Altitude|Coordinates)/.test(latin1(bytes));

/**
 * Takes the GPS IFD out of a TIFF structure (Exif's body), in place: its pointer leaves IFD0 and the IFD
 * and its values are zeroed, so every other offset stays valid. Returns whether a GPS IFD was there;
 * throws when the structure does not hold together (then the caller drops the whole block).
 */
export function removeGpsFromTiff(tiff: Uint8Array): boolean {
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = latin1(tiff.subarray(0, 2));
  if (order !== 'II' && order !== 'MM') throw new Error('not a TIFF header');
  const le = order === 'II';
  const u16 = (at: number) => view.getUint16(at, le);
  const u32 = (at: number) => view.getUint32(at, le);
  const inside = (at: number, length: number) => {
    if (at < 8 || at + length > tiff.byteLength) throw new Error('offset outside the Exif block');
  };
  if (u16(2) !== 42) throw new Error('not a TIFF header');
  const ifd0 = u32(4);
  inside(ifd0, 2);
  const count = u16(ifd0);
  inside(ifd0 + 2, count * 12 + 4);
  let index = -1;
  for (let i = 0; i < count; i++) if (u16(ifd0 + 2 + i * 12) === GPS_IFD_TAG) index = i;
  if (index < 0) return false;
  const gps = u32(ifd0 + 2 + index * 12 + 8);
  // Zero the GPS IFD's values stored outside it, then the IFD itself.
  inside(gps, 2);
  const gpsCount = u16(gps);
  inside(gps + 2, gpsCount * 12 + 4);
  for (let i = 0; i < gpsCount; i++) {
    const entry = gps + 2 + i * 12;
    const size = (TYPE_SIZES[u16(entry + 2)] ?? 1) * u32(entry + 4);
    if (size > 4) {
      const at = u32(entry + 8);
      inside(at, size);
      tiff.fill(0, at, at + size);
    }
  }
  tiff.fill(0, gps, gps + 2 + gpsCount * 12 + 4);
  // Close the gap in IFD0: later entries and the next-IFD offset move up one entry; the freed end is zeroed.
  const entry = ifd0 + 2 + index * 12;
  const end = ifd0 + 2 + count * 12 + 4;
  tiff.copyWithin(entry, entry + 12, end);
  tiff.fill(0, end - 12, end);
  view.setUint16(ifd0, count - 1, le);
  return true;
}

/** The input itself when nothing was removed; else the parts kept, then everything from `rest` on. */
function rebuilt(input: Uint8Array, parts: Uint8Array[], rest: number, removal: LocationRemoval): Stripped {
  if (removal === 'none') return { bytes: input, removal };
  return { bytes: new Uint8Array(Buffer.concat([...parts, input.subarray(rest)])), removal };
}

const EXIF_HEADER = 'Exif\0\0';
const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';

function stripJpeg(input: Uint8Array): Stripped {
  const parts: Uint8Array[] = [input.subarray(0, 2)];
  let removal: LocationRemoval = 'none';
  let at = 2;
  while (at + 4 <= input.length && input[at] === 0xff) {
    const marker = input[at + 1]!;
    // Start of scan: the image data follows, with no more metadata segments before it.
    if (marker === 0xda) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(input.subarray(at, at + 2));
      at += 2;
      continue;
    }
    const length = (input[at + 2]! << 8) | input[at + 3]!;
    const segment = input.subarray(at, at + 2 + length);
    at += 2 + length;
    if (marker === 0xe1) {
      const body = segment.subarray(4);
      if (latin1(body.subarray(0, 6)) === EXIF_HEADER) {
        const copy = segment.slice();
        try {
          if (removeGpsFromTiff(copy.subarray(10))) removal = 'gps-removed';
          parts.push(copy);
        } catch {
          removal = 'exif-dropped';
        }
        continue;
      }
      if (latin1(body.subarray(0, XMP_HEADER.length)) === XMP_HEADER && mentionsGps(body)) {
        if (removal === 'none') removal = 'metadata-dropped';
        continue;
      }
    }
    parts.push(segment);
  }
  return rebuilt(input, parts, at, removal);
}

function stripPng(input: Uint8Array): Stripped {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const parts: Uint8Array[] = [input.subarray(0, 8)];
  let removal: LocationRemoval = 'none';
  let at = 8;
  while (at + 12 <= input.length) {
    const length = view.getUint32(at);
    const type = latin1(input.subarray(at + 4, at + 8));
    const chunk = input.subarray(at, at + 12 + length);
    at += 12 + length;
    if (type === 'eXIf') {
      removal = 'exif-dropped';
      continue;
    }
    if (type === 'iTXt' && latin1(chunk.subarray(8, 26)) === 'XML:com.adobe.xmp\0' && mentionsGps(chunk)) {
      if (removal === 'none') removal = 'metadata-dropped';
      continue;
    }
    parts.push(chunk);
  }
  return rebuilt(input, parts, at, removal);
}

function stripWebp(input: Uint8Array): Stripped {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const chunks: Uint8Array[] = [];
  let removal: LocationRemoval = 'none';
  let dropped = { exif: false, xmp: false };
  let at = 12;
  while (at + 8 <= input.length) {
    const type = latin1(input.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    const chunk = input.subarray(at, at + 8 + size + (size % 2));
    at += 8 + size + (size % 2);
    if (type === 'EXIF') {
      removal = 'exif-dropped';
      dropped = { ...dropped, exif: true };
      continue;
    }
    if (type === 'XMP ' && mentionsGps(chunk)) {
      if (removal === 'none') removal = 'metadata-dropped';
      dropped = { ...dropped, xmp: true };
      continue;
    }
    chunks.push(chunk);
  }
  if (removal === 'none') return { bytes: input, removal };
  const vp8x = chunks.findIndex((c) => latin1(c.subarray(0, 4)) === 'VP8X');
  if (vp8x >= 0) {
    const copy = chunks[vp8x]!.slice();
    copy[8]! &= ~((dropped.exif ? 0x08 : 0) | (dropped.xmp ? 0x04 : 0));
    chunks[vp8x] = copy;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return { bytes: new Uint8Array(Buffer.concat([header, body])), removal };
}

/** A JPEG's Exif orientation (1-8; 1 when it has none or it cannot be read): how to turn it for display. */
export function jpegOrientation(jpeg: Uint8Array): number {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    if (jpeg[at + 1] === 0xe1 && latin1(jpeg.subarray(at + 4, at + 10)) === EXIF_HEADER) {
      const tiff = jpeg.subarray(at + 10, at + 2 + length);
      try {
        const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
        const le = latin1(tiff.subarray(0, 2)) === 'II';
        const ifd0 = view.getUint32(4, le);
        for (let i = 0; i < view.getUint16(ifd0, le); i++) {
          const entry = ifd0 + 2 + i * 12;
          if (view.getUint16(entry, le) === 0x0112) {
            const value = view.getUint16(entry + 8, le);
            return value >= 1 && value <= 8 ? value : 1;
          }
        }
      } catch {
        return 1;
      }
      return 1;
    }
    at += 2 + length;
  }
  return 1;
}

/** The photo without its GPS position; `mediaType` as photoTypeOf found it. */
export function stripLocation(bytes: Uint8Array, mediaType: string): Stripped {
  if (mediaType === 'image/jpeg') return stripJpeg(bytes);
  if (mediaType === 'image/png') return stripPng(bytes);
  if (mediaType === 'image/webp') return stripWebp(bytes);
  return { bytes, removal: 'none' };
}
