/**
 * Checks a reference photo an author uploads: a JPEG, PNG or WebP by its first bytes (not its name),
 * within the size cap, with a sane pixel size read from its header. Pure: nothing is decoded or kept.
 */
import { ImageUtils } from '@gltf-transform/core';
import { modelIO } from './gltf-io';
import { formatBytes } from './model-limits';

/** A phone's photo is 2-8 MB; a larger one is a camera's raw export: save it as JPEG first. */
export const MAX_PHOTO_BYTES = 12 * 1024 * 1024;
/** The matcher works on a few hundred pixels; 8192 px is far beyond any use and bounds decoding. */
export const MAX_PHOTO_EDGE = 8192;

export type PhotoType = { mediaType: 'image/jpeg' | 'image/png' | 'image/webp'; ext: 'jpg' | 'png' | 'webp' };

export interface PhotoIssue {
  code: 'empty' | 'too_large' | 'not_a_photo' | 'photo_unreadable' | 'photo_too_large';
  pointer: 'file';
  message: string;
}

export type PhotoCheck = { ok: true; type: PhotoType; width: number; height: number } | { ok: false; errors: PhotoIssue[] };

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** The photo format its first bytes show, or undefined. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mediaType: 'image/jpeg', ext: 'jpg' };
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return { mediaType: 'image/png', ext: 'png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { mediaType: 'image/webp', ext: 'webp' };
  return undefined;
}

const refuse = (code: PhotoIssue['code'], message: string): PhotoCheck => ({ ok: false, errors: [{ code, pointer: 'file', message }] });

export async function checkPhoto(bytes: Uint8Array, fileName: string): Promise<PhotoCheck> {
  if (bytes.byteLength === 0) return refuse('empty', `"${fileName}" is empty.`);
  if (bytes.byteLength > MAX_PHOTO_BYTES) {
    return refuse('too_large', `"${fileName}" is ${formatBytes(bytes.byteLength)}; a reference photo may be at most ${formatBytes(MAX_PHOTO_BYTES)}. Save it as a JPEG of at most 4000 px.`);
  }
  const type = photoTypeOf(bytes);
  if (!type) return refuse('not_a_photo', `"${fileName}" is not a JPEG, PNG or WebP image.`);
  await modelIO(); // teaches ImageUtils WebP
  let size: [number, number] | null = null;
  try {
    size = ImageUtils.getSize(bytes, type.mediaType);
  } catch {
    size = null;
  }
  if (!size || !(size[0] > 0 && size[1] > 0)) return refuse('photo_unreadable', `"${fileName}" looks like ${type.ext.toUpperCase()} but its size cannot be read: the file is damaged.`);
  const [width, height] = size;
  if (Math.max(width, height) > MAX_PHOTO_EDGE) {
    return refuse('photo_too_large', `"${fileName}" is ${width} × ${height} px; at most ${MAX_PHOTO_EDGE} px on a side is accepted.`);
  }
  return { ok: true, type, width, height };
}
