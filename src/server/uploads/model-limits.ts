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

/**
 * Triangles before optimisation: 500k decimates to a headset's 150k per variant; more is an
 * unsimplified scan. Points and line segments count as one triangle each (a points-only mesh is as
 * much work to read), and so does every mesh declared but drawn by no node.
 */
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

/**
 * JSON nesting, counted from the text before anything parses it: glTF's own structure is under 10
 * levels deep; the rest is `extras` and extensions. Khronos' validator recurses over the JSON and
 * overflowed the stack at 10,000 levels, so 64 is ample for authors and far from any stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Node hierarchy depth (root = 1): an assembly's parts nest a few levels; the validator and glTF-Transform recurse over it. */
export const MAX_NODE_DEPTH = 128;

/**
 * Lengths of the top-level arrays a file declares (used or not: an unused mesh is still read and
 * checked). A product has tens to hundreds of each; these are ten times what the largest CAD export needs.
 */
export const MAX_DECLARED: Readonly<Record<string, number>> = {
  accessors: 50_000,
  bufferViews: 50_000,
  buffers: 64,
  meshes: 10_000,
  materials: 1_000,
  textures: 1_000,
  images: 256,
  samplers: 1_000,
  skins: 1_000,
  cameras: 1_000,
  animations: 1_000,
  scenes: 100,
};

/** Primitives over all meshes: each is a draw call; as many as the nodes allowed. */
export const MAX_PRIMITIVES = 10_000;

/**
 * Elements one accessor may declare (its count, and its sparse count): 3 × the triangle cap, a
 * non-indexed mesh of 500k triangles. An accessor without data is zeros the readers still allocate.
 */
export const MAX_ACCESSOR_COUNT = 3 * 500_000;

/** Vertices over all meshes (POSITION counts of every primitive and morph target, each accessor once). */
export const MAX_VERTICES = 3_000_000;

/** Bytes all accessors decode to together (count × element size): what the readers allocate besides the buffers. */
export const MAX_ACCESSOR_BYTES = 256 * MB;

/** Validator messages kept per upload: enough to fix a file, not a megabyte of repeats. */
export const MAX_VALIDATOR_ISSUES = 100;

/**
 * The model check (validator, glTF-Transform, texture decoding) runs on worker threads: at most
 * this many at once, each with this much JavaScript heap and stack, stopped after this long. A
 * worker that runs out of either, or time, costs that one check; the server answers throughout.
 */
export const MODEL_CHECK_WORKERS = 2;
/** Checks waiting for a worker; one more is answered 503 "busy, try again" (each holds its upload's bytes). */
export const MODEL_CHECK_QUEUE = 8;
export const MODEL_CHECK_HEAP_MB = 512;
export const MODEL_CHECK_STACK_MB = 4;
/** Checking and optimising a 50 MB model with 8k textures takes some 20 s on a busy 2-core server. */
export const MODEL_CHECK_TIMEOUT_MS = 120_000;

/** Content pack zips, read from their central directory before anything is inflated (pack-zip.ts). */
export const PACK_ZIP = {
  /** The zip as uploaded. */
  zipBytes: 512 * MB,
  /** Entries, folders included: the built-in catalogue has about 40; an export of hundreds of products, a few thousand. */
  entries: 5000,
  /** Bytes one entry may inflate to: a model's upload cap. */
  entryBytes: MAX_UPLOAD_BYTES,
  /** Bytes all entries may inflate to together: all of them are held in memory while the pack is checked. */
  totalBytes: 512 * MB,
  /** Uncompressed ÷ compressed size of an entry over 1 MB: JSON compresses some 10:1, GLBs and images hardly; zeros 1000:1. */
  ratio: 100,
} as const;

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
