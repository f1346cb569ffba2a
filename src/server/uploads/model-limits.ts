/**
 * Caps on a model an author uploads to the studio, checked on the server before anything is stored
 * (model-check.ts) and targets of the optimiser (model-optimise.ts). Each says why it is what it is.
 */

const MB = 1024 * 1024;

/** Upload size: a scanned or CAD-exported product with 8k textures stays under it; more is an export mistake. */
export const MAX_UPLOAD_BYTES = 50 * MB;

/** Buffers a file declares must be held in it: a glTF that declares more than it brings is broken or hostile. */
export const MAX_DECLARED_BUFFER_BYTES = MAX_UPLOAD_BYTES;

/** meshopt-compressed buffers expand when decoded; 4x the upload cap is more than any real model decodes to. */
export const MAX_DECODED_BUFFER_BYTES = 4 * MAX_UPLOAD_BYTES;

/** Triangles before optimisation: 500k decimates to a headset's 150k per variant; more is an unsimplified scan. */
export const MAX_INPUT_TRIANGLES = 500_000;

/** Nodes: a product has tens to hundreds of parts; 10k means an exploded CAD assembly, and each costs a draw call. */
export const MAX_NODES = 10_000;

/** Texture edge on input: 8192 px decodes to 256 MB of pixels, the most the server will decode to resize. */
export const MAX_INPUT_TEXTURE_EDGE = 8192;

/** Texture edge after optimisation: 2048 px keeps fine print legible at arm's length and fits a headset's memory. */
export const MAX_OUTPUT_TEXTURE_EDGE = 2048;

/** One product variant's optimised GLB: what a headset loads over hotel Wi-Fi without a stall (DESIGN.md). */
export const OUTPUT_BUDGET_BYTES = 1.5 * MB;

/** Triangles per optimised variant: two variants side by side stay within a Quest 2's 300k (DESIGN.md). */
export const OUTPUT_BUDGET_TRIANGLES = 150_000;

/** Validator messages kept per upload: enough to fix a file, not a megabyte of repeats. */
export const MAX_VALIDATOR_ISSUES = 100;

/**
 * A largest extent above this many units is no hand-held product in metres: the file is read as
 * millimetres, the unit of CAD and 3D scanners (a 62 mm charger could as well be 62 cm: the author
 * names the unit where the guess is wrong, and sees the size it gave).
 */
export const METRES_LARGEST_EXTENT = 20;

/** Sizes as authors read them: "1.3 MB", "512 kB", "4.0 GB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * MB) return `${(n / (1024 * MB)).toFixed(1)} GB`;
  if (n >= MB) return `${(n / MB).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} bytes`;
}
