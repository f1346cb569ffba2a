/** Reads the stage canvas's pixels from a screenshot, for assertions about what a user sees. */
import type { Page } from 'playwright-core';
import { createCanvas, loadImage } from '@napi-rs/canvas';

export type RGB = [number, number, number];

export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
  at(x: number, y: number): RGB;
}

export function rgb(hex: string): RGB {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function isNear(a: RGB, b: RGB, tolerance: number): boolean {
  return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance && Math.abs(a[2] - b[2]) <= tolerance;
}

export async function canvasPixels(page: Page): Promise<Pixels> {
  const image = await loadImage(await page.locator('canvas').first().screenshot());
  const canvas = createCanvas(image.width, image.height);
  const g = canvas.getContext('2d');
  g.drawImage(image, 0, 0);
  const png = { width: image.width, height: image.height, data: new Uint8Array(g.getImageData(0, 0, image.width, image.height).data.buffer) };
  return {
    ...png,
    at: (x, y) => {
      const i = (y * png.width + x) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    },
  };
}

export function countWhere(img: Pixels, test: (x: number, y: number, c: RGB) => boolean): number {
  let n = 0;
  for (let y = 0; y < img.height; y += 2) for (let x = 0; x < img.width; x += 2) if (test(x, y, img.at(x, y))) n++;
  return n;
}
