/**
 * A glTF-Transform step that brings textures within a headset's size: images wider or taller than
 * `maxEdge` are decoded, scaled down (aspect kept) and encoded again with @napi-rs/canvas; opaque
 * PNGs are re-encoded as JPEG where that is smaller. PNG is kept wherever a pixel is transparent.
 * (glTF-Transform's own textureCompress() needs sharp, which this project does not install.)
 */
import { ImageUtils, type Transform } from '@gltf-transform/core';
import { createCanvas, loadImage } from '@napi-rs/canvas';

export interface TextureResizeOptions {
  /** Largest width or height kept, in pixels. */
  maxEdge: number;
  /** JPEG quality, 0 to 100. */
  jpegQuality?: number;
}

/** A texture whose header reads as an image but whose pixels cannot be decoded. */
export class TextureDecodeError extends Error {
  constructor(
    readonly texture: string,
    readonly mimeType: string,
  ) {
    super(`the ${mimeType.replace('image/', '').toUpperCase()} texture ${texture ? `"${texture}" ` : ''}cannot be decoded: it is damaged`);
  }
}

const DECODABLE = new Set(['image/png', 'image/jpeg', 'image/webp']);

function hasTransparency(rgba: Uint8ClampedArray): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i]! < 255) return true;
  return false;
}

export function resizeTextures({ maxEdge, jpegQuality = 85 }: TextureResizeOptions): Transform {
  return async (doc) => {
    for (const texture of doc.getRoot().listTextures()) {
      const image = texture.getImage();
      const mimeType = texture.getMimeType();
      if (!image || !DECODABLE.has(mimeType)) continue; // KTX2 and AVIF are left as they are
      const size = ImageUtils.getSize(image, mimeType);
      if (!size) continue;
      const scale = Math.min(1, maxEdge / Math.max(size[0], size[1]));
      if (scale === 1 && mimeType !== 'image/png') continue;
      const width = Math.max(1, Math.round(size[0] * scale));
      const height = Math.max(1, Math.round(size[1] * scale));
      const canvas = createCanvas(width, height);
      const g = canvas.getContext('2d');
      g.imageSmoothingQuality = 'high';
      let decoded: Awaited<ReturnType<typeof loadImage>>;
      try {
        decoded = await loadImage(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
      } catch {
        throw new TextureDecodeError(texture.getName() || texture.getURI(), mimeType);
      }
      g.drawImage(decoded, 0, 0, width, height);
      const transparent = hasTransparency(g.getImageData(0, 0, width, height).data);
      if (scale === 1 && transparent) continue; // a PNG that needs its alpha and is small enough
      const encoded = transparent ? await canvas.encode('png') : await canvas.encode('jpeg', jpegQuality);
      if (scale === 1 && encoded.byteLength >= image.byteLength) continue;
      const uri = texture.getURI();
      texture
        .setImage(new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength))
        .setMimeType(transparent ? 'image/png' : 'image/jpeg')
        .setURI(uri ? uri.replace(/\.\w+$/, transparent ? '.png' : '.jpg') : '');
    }
  };
}
