/**
 * A fake camera from a real photo: Chromium plays an MJPEG file of concatenated baseline JPEG frames
 * (the photo letterboxed on grey at 640×480) as the webcam.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';

/** Writes the photo's MJPEG into `dir` and launches Chromium with it as its camera. */
export async function launchWithCamera(photo: string, dir: string): Promise<Browser> {
  const img = await loadImage(photo);
  const canvas = createCanvas(640, 480);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#808080';
  ctx.fillRect(0, 0, 640, 480);
  const scale = Math.min(640 / img.width, 480 / img.height);
  const w = img.width * scale;
  const h = img.height * scale;
  ctx.drawImage(img, (640 - w) / 2, (480 - h) / 2, w, h);
  const frame = canvas.toBuffer('image/jpeg');
  const file = join(dir, 'camera.mjpeg');
  writeFileSync(file, Buffer.concat(Array.from({ length: 30 }, () => frame)));
  return launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`]);
}
