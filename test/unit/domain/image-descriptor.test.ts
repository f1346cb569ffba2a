import { describe, expect, it } from 'vitest';
import {
  DESCRIPTOR_LENGTH,
  HISTOGRAM_BINS,
  describeRegion,
  similarity,
} from '../../../src/domain/image-descriptor';
import { PHOTO_THRESHOLD } from '../../../src/domain/recognition';

type Rgb = [number, number, number];
interface Img {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** An RGBA image painted from normalised coordinates (u, v in 0..1), so that any size shows the same picture. */
function paint(width: number, height: number, colour: (u: number, v: number) => Rgb): Img {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = colour((x + 0.5) / width, (y + 0.5) / height);
      const i = (y * width + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
  return { data, width, height };
}

/** A red disc on a blue-to-green gradient, with a small dark square: "product A". */
const sceneA = (u: number, v: number): Rgb => {
  if (Math.hypot(u - 0.45, v - 0.5) < 0.25) return [220, 30, 40];
  if (u > 0.75 && u < 0.9 && v > 0.1 && v < 0.25) return [20, 20, 20];
  return [30, Math.round(60 + 160 * u), Math.round(220 - 120 * v)];
};
/** Yellow and purple stripes: "product B". */
const sceneB = (u: number, v: number): Rgb => (Math.floor(v * 6) % 2 === 0 ? [240, 220, 40] : [110, 40, 150]);

/** 2×2 box down-sampling, as a browser or canvas would do. */
function half(img: Img): Img {
  const width = Math.floor(img.width / 2);
  const height = Math.floor(img.height / 2);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) sum += img.data[((2 * y + dy) * img.width + 2 * x + dx) * 4 + c]!;
        data[(y * width + x) * 4 + c] = Math.round(sum / 4);
      }
    }
  }
  return { data, width, height };
}

/** Pastes `inner` into a grey canvas at (ox, oy). */
function pasteOnGrey(inner: Img, width: number, height: number, ox: number, oy: number): Img {
  const out = paint(width, height, () => [128, 128, 128]);
  for (let y = 0; y < inner.height; y++) {
    out.data.set(inner.data.subarray(y * inner.width * 4, (y + 1) * inner.width * 4), ((oy + y) * width + ox) * 4);
  }
  return out;
}

const describe_ = (img: Img, box?: [number, number, number, number]) => describeRegion(img.data, img.width, img.height, box);

describe('describeRegion', () => {
  const a = paint(320, 240, sceneA);

  it('is 128 numbers: a histogram summing to 1, then a unit-length, zero-mean layout', () => {
    const d = describe_(a);
    expect(d).toBeInstanceOf(Float32Array);
    expect(d.length).toBe(DESCRIPTOR_LENGTH);
    const hist = [...d.subarray(0, HISTOGRAM_BINS)];
    const layout = [...d.subarray(HISTOGRAM_BINS)];
    expect(hist.every((v) => v >= 0)).toBe(true);
    expect(hist.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    expect(Math.hypot(...layout)).toBeCloseTo(1, 5);
    expect(layout.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 4);
  });

  it('accepts a Uint8Array as well as a Uint8ClampedArray, with the same result', () => {
    const plain = new Uint8Array(a.data.buffer);
    expect([...describeRegion(plain, a.width, a.height)]).toEqual([...describe_(a)]);
  });

  it('describes only the box: a picture pasted into a larger grey image matches the picture alone', () => {
    const big = pasteOnGrey(a, 800, 600, 130, 210);
    expect(similarity(describe_(big, [130, 210, 320, 240]), describe_(a))).toBeGreaterThan(0.97);
    expect(similarity(describe_(big), describe_(a))).toBeLessThan(0.8);
  });

  it('clips boxes to the image; an empty region is all zero and similar to nothing', () => {
    const clipped = describe_(a, [-50, -50, 10_000, 10_000]);
    expect(similarity(clipped, describe_(a))).toBeCloseTo(1, 5);
    const empty = describe_(a, [400, 10, 30, 30]);
    expect([...empty].every((v) => v === 0)).toBe(true);
    expect(similarity(empty, describe_(a))).toBe(0);
    expect(similarity(empty, empty)).toBe(0);
  });

  it('handles regions smaller than its sampling grid', () => {
    const d = describe_(a, [100, 100, 5, 3]);
    expect(d.subarray(0, HISTOGRAM_BINS).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    expect(d.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('rejects a buffer too small for the stated size', () => {
    expect(() => describeRegion(new Uint8ClampedArray(10), 4, 4)).toThrow(/too small/);
  });
});

describe('similarity', () => {
  const a = paint(320, 240, sceneA);
  const b = paint(320, 240, sceneB);

  it('is 1 for the identical region', () => {
    expect(similarity(describe_(a), describe_(a))).toBeCloseTo(1, 5);
  });

  it('is robust to scale: the same picture at half size (box-filtered) or re-rendered at another size stays high', () => {
    expect(similarity(describe_(a), describe_(half(a)))).toBeGreaterThan(0.95);
    expect(similarity(describe_(a), describe_(paint(97, 73, sceneA)))).toBeGreaterThan(0.9);
    expect(similarity(describe_(a), describe_(paint(1280, 960, sceneA)))).toBeGreaterThan(0.95);
  });

  it('is clearly lower for a different picture, and below the photo threshold', () => {
    const s = similarity(describe_(a), describe_(b));
    expect(s).toBeLessThan(0.5);
    expect(s).toBeLessThan(PHOTO_THRESHOLD);
  });

  it('is symmetric and within 0..1', () => {
    const da = describe_(a);
    const db = describe_(b);
    const dc = describe_(paint(200, 200, (u, v) => [Math.round(255 * u), Math.round(255 * v), 128]));
    for (const [x, y] of [[da, db], [da, dc], [db, dc]] as const) {
      expect(similarity(x, y)).toBeCloseTo(similarity(y, x), 6);
      expect(similarity(x, y)).toBeGreaterThanOrEqual(0);
      expect(similarity(x, y)).toBeLessThanOrEqual(1);
    }
  });

  it('treats flat regions sensibly: same colour → 1, different colours → at most 0.5', () => {
    const red = paint(50, 50, () => [200, 20, 20]);
    const red2 = paint(80, 30, () => [200, 20, 20]);
    const blue = paint(50, 50, () => [20, 20, 200]);
    expect(similarity(describe_(red), describe_(red2))).toBeCloseTo(1, 5);
    expect(similarity(describe_(red), describe_(blue))).toBeLessThanOrEqual(0.5);
    expect(similarity(describe_(red), describe_(a))).toBeLessThan(0.5);
  });

  it('gives 0 for descriptors of the wrong length', () => {
    expect(similarity(new Float32Array(10), describe_(a))).toBe(0);
    expect(similarity([], [])).toBe(0);
  });
});
