/**
 * A compact image descriptor for the second stage of recognition: telling apart products that
 * COCO-SSD reports as the same class by comparing the detected region with the products'
 * reference photos. No network weights: a colour histogram plus a coarse grey-level layout.
 *
 * Pure TypeScript (no DOM, Node or tfjs): the region is sampled straight from an RGBA buffer, so
 * the same code runs in the browser worker, in Node (the CLI) and in unit tests.
 *
 * Layout of a descriptor (128 numbers):
 *  - [0, 64):   4×4×4 RGB colour histogram of the region, summing to 1;
 *  - [64, 128): 8×8 grey-level layout, mean-subtracted and L2-normalised (all zero for a flat region).
 */

export type Descriptor = Float32Array;

/** x, y, width, height in the image's pixels. */
export type Box = [number, number, number, number];

const COLOUR_LEVELS = 4;
export const HISTOGRAM_BINS = COLOUR_LEVELS ** 3; // 64
const LAYOUT_SIDE = 8;
export const LAYOUT_CELLS = LAYOUT_SIDE * LAYOUT_SIDE; // 64
export const DESCRIPTOR_LENGTH = HISTOGRAM_BINS + LAYOUT_CELLS; // 128

/**
 * The region is first reduced to a GRID×GRID image of mean colours (box sampling): the histogram is
 * taken over those cells and the layout from 4×4 blocks of them. Averaging first makes the
 * descriptor nearly independent of the image's resolution (the same photo at half size gives
 * almost the same descriptor) and of JPEG noise.
 */
const GRID = 32;
/** At most this many pixels are read per grid cell along each axis (bounds the cost on large images). */
const MAX_SAMPLES_PER_CELL_AXIS = 4;

/**
 * Describes the region `box` (default: the whole image) of an RGBA image. The box is clipped to
 * the image; an empty region gives an all-zero descriptor, which is similar to nothing.
 */
export function describeRegion(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
  box?: Box,
): Descriptor {
  if (rgba.length < width * height * 4) {
    throw new Error(`describeRegion: buffer of ${rgba.length} bytes is too small for ${width}×${height} RGBA`);
  }
  const out = new Float32Array(DESCRIPTOR_LENGTH);
  const [bx, by, bw, bh] = box ?? [0, 0, width, height];
  const x0 = clamp(Math.floor(bx), 0, width);
  const y0 = clamp(Math.floor(by), 0, height);
  const x1 = clamp(Math.ceil(bx + bw), 0, width);
  const y1 = clamp(Math.ceil(by + bh), 0, height);
  const rw = x1 - x0;
  const rh = y1 - y0;
  if (!(rw > 0 && rh > 0)) return out;

  // 1. GRID×GRID mean colours.
  const cells = new Float32Array(GRID * GRID * 3);
  for (let gy = 0; gy < GRID; gy++) {
    const cy0 = y0 + Math.floor((gy * rh) / GRID);
    const cy1 = Math.max(cy0 + 1, y0 + Math.floor(((gy + 1) * rh) / GRID));
    const stepY = Math.max(1, Math.floor((cy1 - cy0) / MAX_SAMPLES_PER_CELL_AXIS));
    for (let gx = 0; gx < GRID; gx++) {
      const cx0 = x0 + Math.floor((gx * rw) / GRID);
      const cx1 = Math.max(cx0 + 1, x0 + Math.floor(((gx + 1) * rw) / GRID));
      const stepX = Math.max(1, Math.floor((cx1 - cx0) / MAX_SAMPLES_PER_CELL_AXIS));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      // Sample points centred in their sub-cells.
      for (let y = cy0 + (stepY >> 1); y < cy1; y += stepY) {
        const row = y * width;
        for (let x = cx0 + (stepX >> 1); x < cx1; x += stepX) {
          const i = (row + x) * 4;
          r += rgba[i]!;
          g += rgba[i + 1]!;
          b += rgba[i + 2]!;
          n++;
        }
      }
      const c = (gy * GRID + gx) * 3;
      cells[c] = r / n;
      cells[c + 1] = g / n;
      cells[c + 2] = b / n;
    }
  }

  // 2. Colour histogram over the cells.
  const total = GRID * GRID;
  for (let k = 0; k < total; k++) {
    const r = quantise(cells[k * 3]!);
    const g = quantise(cells[k * 3 + 1]!);
    const b = quantise(cells[k * 3 + 2]!);
    out[(r * COLOUR_LEVELS + g) * COLOUR_LEVELS + b]! += 1 / total;
  }

  // 3. Grey layout: mean luma of each (GRID/8)² block of cells.
  const block = GRID / LAYOUT_SIDE;
  let mean = 0;
  for (let ly = 0; ly < LAYOUT_SIDE; ly++) {
    for (let lx = 0; lx < LAYOUT_SIDE; lx++) {
      let sum = 0;
      for (let dy = 0; dy < block; dy++) {
        for (let dx = 0; dx < block; dx++) {
          const c = ((ly * block + dy) * GRID + lx * block + dx) * 3;
          sum += 0.299 * cells[c]! + 0.587 * cells[c + 1]! + 0.114 * cells[c + 2]!;
        }
      }
      const v = sum / (block * block);
      out[HISTOGRAM_BINS + ly * LAYOUT_SIDE + lx] = v;
      mean += v;
    }
  }
  mean /= LAYOUT_CELLS;
  let norm = 0;
  for (let k = HISTOGRAM_BINS; k < DESCRIPTOR_LENGTH; k++) {
    const v = out[k]! - mean;
    out[k] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  // A flat region (norm ≈ 0 on the 0..255 scale) has no layout: leave it all zero.
  for (let k = HISTOGRAM_BINS; k < DESCRIPTOR_LENGTH; k++) out[k] = norm > 1e-3 ? out[k]! / norm : 0;
  return out;
}

/**
 * How alike two descriptors are, 0..1: the mean of the colour histograms' intersection (0..1) and
 * the cosine of the grey layouts (clamped at 0; two flat layouts count as identical, a flat and a
 * structured one as unrelated). Descriptors of different lengths, or empty ones, give 0.
 */
export function similarity(a: Descriptor | ArrayLike<number>, b: Descriptor | ArrayLike<number>): number {
  if (a.length !== DESCRIPTOR_LENGTH || b.length !== DESCRIPTOR_LENGTH) return 0;
  let intersection = 0;
  let massA = 0;
  let massB = 0;
  for (let k = 0; k < HISTOGRAM_BINS; k++) {
    intersection += Math.min(a[k]!, b[k]!);
    massA += a[k]!;
    massB += b[k]!;
  }
  if (massA <= 0 || massB <= 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = HISTOGRAM_BINS; k < DESCRIPTOR_LENGTH; k++) {
    dot += a[k]! * b[k]!;
    na += a[k]! * a[k]!;
    nb += b[k]! * b[k]!;
  }
  const flatA = na < 1e-12;
  const flatB = nb < 1e-12;
  const layout = flatA && flatB ? 1 : flatA || flatB ? 0 : Math.max(0, dot / Math.sqrt(na * nb));
  const s = 0.5 * Math.min(1, intersection) + 0.5 * layout;
  return Math.min(1, Math.max(0, s));
}

function quantise(v: number): number {
  return Math.min(COLOUR_LEVELS - 1, Math.floor((v * COLOUR_LEVELS) / 256));
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
