/**
 * A drill model's textures: every image decoded, a scattering of pixels (PNG) or of 8×8 blocks (JPEG)
 * moved by one step of 255 (no eye sees it), and encoded again (PNG stays PNG, JPEG at a drawn quality), so that
 * neither the file nor its decoded pixels are those of the study model or of another drill's. Extra
 * textures are copies of one a material shares with another, given their own noise, or a near-white
 * one on a material that had none (its parts get texture coordinates of zero: one colour).
 */
import type { Document, Material, Texture } from '@gltf-transform/core';
import { createHash } from 'node:crypto';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Random } from '../../domain/seeded-random';

const ENCODERS: Record<string, 'png' | 'jpeg' | 'webp'> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' };

/** One shown pixel in this many gets a one-step change (PNG: kept exactly). */
const NOISE_EVERY = 24;
/** One 8×8 block in this many gets one step lighter or darker (JPEG, WebP: a block's mean outlives the encoder's rounding, a lone pixel's step does not). */
const BLOCK_EVERY = 6;

const step = (v: number, random: Random) => (v === 0 ? 1 : v === 255 ? 254 : v + (random.next() < 0.5 ? -1 : 1));

/**
 * A colour step on an opaque pixel; on a translucent one, a step of its alpha (its colour is stored
 * premultiplied, and a colour step there is lost); an image with no pixel shown gets one at 1/255.
 */
function pixelNoise(data: Uint8ClampedArray, random: Random): void {
  const shown: number[] = [];
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) shown.push(i - 3);
  if (!shown.length) {
    data[Math.floor(random.next() * (data.length / 4)) * 4 + 3] = 1;
    return;
  }
  for (let n = Math.max(1, Math.floor(shown.length / NOISE_EVERY)); n > 0; n--) {
    const i = shown[Math.floor(random.next() * shown.length)]!;
    const alpha = data[i + 3]!;
    if (alpha === 255) {
      const c = i + Math.floor(random.next() * 3);
      data[c] = step(data[c]!, random);
    } else data[i + 3] = alpha === 1 ? 2 : alpha + (random.next() < 0.5 ? -1 : 1);
  }
}

function blockNoise(data: Uint8ClampedArray, width: number, height: number, random: Random): void {
  const across = Math.ceil(width / 8);
  const blocks = across * Math.ceil(height / 8);
  for (let n = Math.max(1, Math.floor(blocks / BLOCK_EVERY)); n > 0; n--) {
    const b = Math.floor(random.next() * blocks);
    const d = random.next() < 0.5 ? -1 : 1;
    for (let y = Math.floor(b / across) * 8; y < Math.min(height, Math.floor(b / across) * 8 + 8); y++) {
      for (let x = (b % across) * 8; x < Math.min(width, (b % across) * 8 + 8); x++) {
        for (let c = 0; c < 3; c++) {
          const i = (y * width + x) * 4 + c;
          data[i] = Math.min(255, Math.max(0, data[i]! + d));
        }
      }
    }
  }
}

interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Decoded study textures, by content: the same few images are noised again for every drill model. */
const decodedCache = new Map<string, Pixels>();
const CACHE_BYTES = 96 * 1024 * 1024;
let cachedBytes = 0;

async function decode(image: Uint8Array): Promise<Pixels> {
  const key = createHash('sha1').update(image).digest('base64');
  const hit = decodedCache.get(key);
  if (hit) {
    decodedCache.delete(key);
    decodedCache.set(key, hit);
    return hit;
  }
  const decoded = await loadImage(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
  const canvas = createCanvas(decoded.width, decoded.height);
  const g = canvas.getContext('2d');
  g.drawImage(decoded, 0, 0);
  const pixels = { width: decoded.width, height: decoded.height, data: g.getImageData(0, 0, decoded.width, decoded.height).data };
  decodedCache.set(key, pixels);
  cachedBytes += pixels.data.byteLength;
  for (const [k, p] of decodedCache) {
    if (cachedBytes <= CACHE_BYTES) break;
    decodedCache.delete(k);
    cachedBytes -= p.data.byteLength;
  }
  return pixels;
}

async function withNoise(image: Uint8Array, mimeType: string, random: Random): Promise<Uint8Array | undefined> {
  const format = ENCODERS[mimeType];
  if (!format) return undefined; // KTX2, AVIF: kept as they are (see the README's drills section)
  const source = await decode(image);
  const canvas = createCanvas(source.width, source.height);
  const g = canvas.getContext('2d');
  const pixels = g.createImageData(source.width, source.height);
  const data = pixels.data;
  data.set(source.data);
  if (format === 'png') pixelNoise(data, random);
  else blockNoise(data, source.width, source.height, random);
  g.putImageData(pixels, 0, 0);
  // Encoded synchronously (this runs on the drill models' worker): an async encode of a canvas nothing
  // refers to any more can outlive it.
  const out = format === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer(`image/${format}`, 82 + Math.floor(random.next() * 7));
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Every texture re-encoded with its own noise. */
export async function renoiseTextures(doc: Document, random: Random): Promise<void> {
  for (const texture of doc.getRoot().listTextures()) {
    const image = texture.getImage();
    if (!image) continue;
    const out = await withNoise(image, texture.getMimeType(), random);
    if (out) texture.setImage(out).setURI('');
  }
}

const baseTextureOf = (m: Material): Texture | null => m.getBaseColorTexture();

/** A near-white 8×8 PNG: a base colour texture that changes no colour a trainee can see (at most 1/255). */
async function blankTexture(doc: Document, random: Random): Promise<Texture> {
  const canvas = createCanvas(8, 8);
  const g = canvas.getContext('2d');
  const pixels = g.createImageData(8, 8);
  for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = i % 4 === 3 || random.next() < 0.5 ? 255 : 254;
  g.putImageData(pixels, 0, 0);
  const png = canvas.toBuffer('image/png');
  return doc.createTexture('').setImage(new Uint8Array(png.buffer, png.byteOffset, png.byteLength)).setMimeType('image/png');
}

/**
 * Adds `count` textures: a material whose base colour texture another material also uses gets its own
 * copy (the smallest such first); with none left, a material without one gets a near-white one.
 * Copies are not yet noised: call before renoiseTextures().
 */
export async function addTextures(doc: Document, count: number, random: Random, giveTexcoords: (m: Material) => void): Promise<void> {
  const materials = doc.getRoot().listMaterials();
  for (let n = 0; n < count; n++) {
    const users = new Map<Texture, Material[]>();
    for (const m of materials) {
      const t = baseTextureOf(m);
      if (t) users.set(t, [...(users.get(t) ?? []), m]);
    }
    const shared = [...users.entries()].filter(([, ms]) => ms.length > 1).sort(([a], [b]) => (a.getImage()?.byteLength ?? 0) - (b.getImage()?.byteLength ?? 0));
    const [texture, ms] = shared[0] ?? [];
    if (texture && ms) {
      const copy = doc.createTexture('').setImage(texture.getImage()!.slice()).setMimeType(texture.getMimeType());
      random.pick(ms.slice(1)).setBaseColorTexture(copy); // the texture info (UV set, sampler) stays the material's
      continue;
    }
    const bare = materials.filter((m) => !baseTextureOf(m));
    if (!bare.length) return;
    const material = random.pick(bare);
    giveTexcoords(material);
    material.setBaseColorTexture(await blankTexture(doc, random));
  }
}
