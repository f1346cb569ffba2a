/** Textures drawn in Node with @napi-rs/canvas: labels, prints, engravings, leather grain. */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { registerFonts } from './fonts';

export type Ctx = SKRSContext2D;

export interface Texture {
  /** Encoded image bytes. */
  image: Uint8Array;
  mimeType: 'image/png' | 'image/jpeg';
}

/**
 * Draws a texture of w x h pixels. Use `alpha: true` for decals (PNG with transparency);
 * opaque textures are stored as JPEG, which keeps GLBs small.
 */
export function drawTexture(
  w: number,
  h: number,
  draw: (g: Ctx, w: number, h: number) => void,
  opts: { alpha?: boolean; quality?: number } = {},
): Texture {
  registerFonts();
  const canvas = createCanvas(w, h);
  const g = canvas.getContext('2d');
  draw(g, w, h);
  if (opts.alpha) return { image: canvas.toBuffer('image/png'), mimeType: 'image/png' };
  return { image: canvas.toBuffer('image/jpeg', opts.quality ?? 85), mimeType: 'image/jpeg' };
}

/** A seeded pseudo-random generator (mulberry32), so textures are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fills the canvas with a base colour and fine random speckle: leather, plastic, card grain. */
export function grain(g: Ctx, w: number, h: number, base: string, amount = 0.08, seed = 1): void {
  g.fillStyle = base;
  g.fillRect(0, 0, w, h);
  const rnd = seeded(seed);
  const n = Math.floor((w * h) / 40);
  for (let i = 0; i < n; i++) {
    const light = rnd() > 0.5;
    g.fillStyle = light ? `rgba(255,255,255,${amount * rnd()})` : `rgba(0,0,0,${amount * rnd()})`;
    const s = 1 + rnd() * 2;
    g.fillRect(rnd() * w, rnd() * h, s, s);
  }
}

/** Text centred at (x, y), fitted to maxWidth. `spacing` adds tracking in pixels. */
export function centredText(g: Ctx, text: string, x: number, y: number, font: string, fill: string, maxWidth?: number, spacing = 0): void {
  g.font = font;
  g.fillStyle = fill;
  g.textBaseline = 'middle';
  const widths = [...text].map((ch) => g.measureText(ch).width);
  const total = widths.reduce((a, b) => a + b, 0) + spacing * (text.length - 1);
  const scale = maxWidth && total > maxWidth ? maxWidth / total : 1;
  g.save();
  g.translate(x, y);
  g.scale(scale, 1);
  let cx = -total / 2;
  [...text].forEach((ch, i) => {
    g.fillText(ch, cx, 0);
    cx += widths[i]! + spacing;
  });
  g.restore();
}

/** A transparent square badge with a stroked ring round its centre (stamps, monograms, covert marks); `draw` adds the inside. */
export function ringBadge(size: number, ring: { radius: number; width: number; colour: string }, draw: (g: Ctx, w: number, h: number) => void): Texture {
  return drawTexture(size, size, (g, w, h) => {
    g.clearRect(0, 0, w, h);
    g.strokeStyle = ring.colour;
    g.lineWidth = ring.width;
    g.beginPath();
    g.arc(w / 2, h / 2, ring.radius, 0, Math.PI * 2);
    g.stroke();
    draw(g, w, h);
  }, { alpha: true });
}
