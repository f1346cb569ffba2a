/**
 * Optimises a model that passed checkModel() for headsets, with glTF-Transform: units to metres and
 * the item centred, standing on y = 0 (glTF is +Y up already); duplicates merged, unused data pruned,
 * vertices welded, textures brought to 2048 px, meshes reordered, quantised and meshopt-compressed.
 * Node names and extras are kept (tells and the UV lamp refer to them). Pure: bytes in, bytes out.
 */
import { Document, Logger, type Node, type Transform } from '@gltf-transform/core';
import { dedup, dequantize, getBounds, meshopt, prune, weld } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import { modelIO } from './gltf-io';
import { primitiveTriangles } from './model-check';
import {
  formatBytes,
  MAX_OUTPUT_TEXTURE_EDGE,
  METRES_LARGEST_EXTENT,
  OUTPUT_BUDGET_BYTES,
  OUTPUT_BUDGET_TRIANGLES,
} from './model-limits';
import { resizeTextures } from './texture-resize';

export type ModelUnit = 'm' | 'cm' | 'mm';

export interface ModelStats {
  bytes: number;
  /** Triangles drawn: each mesh once per node that shows it. */
  triangles: number;
  nodes: number;
  textures: number;
  /** Bytes of encoded images, part of `bytes`. */
  textureBytes: number;
}

export interface UnitNormalisation {
  /** The unit the file was read in: the author's choice, or guessed from its size. */
  unit: ModelUnit;
  guessed: boolean;
  /** Largest side of the bounding box, in the file's own units. */
  largestExtent: number;
  scale: number;
}

export interface OptimisedModel {
  bytes: Uint8Array;
  before: ModelStats;
  after: ModelStats;
  units: UnitNormalisation;
  withinBudget: boolean;
  /** Why the optimised model is over budget, and what the author can do. */
  budgetMessage?: string;
}

export interface OptimiseOptions {
  /** The unit the model was exported in; guessed from its size when left out. */
  unit?: ModelUnit;
}

const METRES_PER: Record<ModelUnit, number> = { m: 1, cm: 0.01, mm: 0.001 };
const GLB_MAGIC = 0x46546c67;

export async function optimiseModel(bytes: Uint8Array, options: OptimiseOptions = {}): Promise<OptimisedModel> {
  const io = await modelIO();
  const isGlb = bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === GLB_MAGIC;
  const doc = await step('reading the file', () =>
    isGlb ? io.readBinary(bytes) : io.readJSON({ json: JSON.parse(new TextDecoder().decode(bytes)), resources: {} }),
  );
  doc.setLogger(new Logger(Logger.Verbosity.ERROR));
  const before = statsOf(doc, bytes.byteLength);
  let units: UnitNormalisation = { unit: 'm', guessed: true, largestExtent: 0, scale: 1 };
  await doc.transform(
    named('unpacking quantised vertices', dequantize()),
    named('measuring and scaling it to metres', normalise(options.unit, (u) => (units = u))),
    named('merging duplicate data', dedup()),
    named('removing unused data', prune({ keepLeaves: true, keepExtras: true })),
    named('welding vertices', weld()),
    named('resizing textures', resizeTextures({ maxEdge: MAX_OUTPUT_TEXTURE_EDGE })),
    named('compressing meshes', meshopt({ encoder: MeshoptEncoder, level: 'medium' })),
  );
  const out = await step('writing the optimised file', () => io.writeBinary(doc));
  const after = statsOf(doc, out.byteLength);
  const budgetMessage = overBudget(after);
  return { bytes: out, before, after, units, withinBudget: !budgetMessage, ...(budgetMessage ? { budgetMessage } : {}) };
}

/** A failure inside one step of the optimiser, with that step's name in an author's words. */
export class OptimiseStepError extends Error {
  constructor(
    readonly step: string,
    override readonly cause: unknown,
  ) {
    super(`${step}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw err instanceof OptimiseStepError ? err : new OptimiseStepError(name, err);
  }
}

function named(name: string, transform: Transform): Transform {
  const wrapped: Transform = (doc, context) => step(name, async () => transform(doc, context));
  Object.defineProperty(wrapped, 'name', { value: transform.name });
  return wrapped;
}

/** The unit a largest extent suggests: more than 20 units is no hand-held item in metres, so millimetres. */
export function guessUnit(largestExtent: number): ModelUnit {
  return largestExtent > METRES_LARGEST_EXTENT ? 'mm' : 'm';
}

/**
 * Scales the default scene to metres, centres it on X and Z and stands it on y = 0, by changing its
 * root nodes' transforms only (uniform scale and translation: no node is added, meshes are untouched).
 */
function normalise(unit: ModelUnit | undefined, report: (u: UnitNormalisation) => void): Transform {
  return (doc) => {
    const root = doc.getRoot();
    const scene = root.getDefaultScene() ?? root.listScenes()[0];
    if (!scene) return;
    const { min, max } = getBounds(scene);
    if (![...min, ...max].every(Number.isFinite)) return; // nothing drawn
    const largestExtent = Math.max(max[0] - min[0], max[1] - min[1], max[2] - min[2]);
    const chosen = unit ?? guessUnit(largestExtent);
    const s = METRES_PER[chosen];
    report({ unit: chosen, guessed: !unit, largestExtent, scale: s });
    const offset = [-((min[0] + max[0]) / 2) * s, -min[1] * s, -((min[2] + max[2]) / 2) * s];
    for (const node of scene.listChildren()) {
      // (offset + s·I)·(T·R·S) = (offset + s·T)·R·(s·S): a uniform scale commutes with the rotation.
      const [tx, ty, tz] = node.getTranslation();
      const [sx, sy, sz] = node.getScale();
      node.setTranslation([tx * s + offset[0]!, ty * s + offset[1]!, tz * s + offset[2]!]).setScale([sx * s, sy * s, sz * s]);
    }
  };
}

function statsOf(doc: Document, bytes: number): ModelStats {
  const root = doc.getRoot();
  const trianglesOf = (node: Node) =>
    (node.getMesh()?.listPrimitives() ?? []).reduce(
      (n, p) => n + primitiveTriangles(p.getMode(), (p.getIndices() ?? p.getAttribute('POSITION'))?.getCount() ?? 0),
      0,
    );
  return {
    bytes,
    triangles: root.listNodes().reduce((n, node) => n + trianglesOf(node), 0),
    nodes: root.listNodes().length,
    textures: root.listTextures().length,
    textureBytes: root.listTextures().reduce((n, t) => n + (t.getImage()?.byteLength ?? 0), 0),
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** Why an optimised model is over a headset's budget, naming what takes the room; undefined when within it. */
function overBudget(after: ModelStats): string | undefined {
  const reasons: string[] = [];
  if (after.bytes > OUTPUT_BUDGET_BYTES) {
    const geometry = after.bytes - after.textureBytes;
    const total = formatBytes(after.bytes);
    reasons.push(
      after.textureBytes >= geometry
        ? `textures are ${formatBytes(after.textureBytes)} of the ${total} (${after.textures} textures, each now at most ${MAX_OUTPUT_TEXTURE_EDGE} px): use fewer or smaller textures, or one atlas shared by the parts`
        : `geometry is ${formatBytes(geometry)} of the ${total} (${count(after.triangles)} triangles): decimate the meshes`,
    );
  }
  if (after.triangles > OUTPUT_BUDGET_TRIANGLES) {
    reasons.push(`it draws ${count(after.triangles)} triangles, over the ${count(OUTPUT_BUDGET_TRIANGLES)} a variant may draw: decimate the meshes`);
  }
  if (!reasons.length) return undefined;
  return `The optimised model is over a headset's budget of ${formatBytes(OUTPUT_BUDGET_BYTES)} and ${count(OUTPUT_BUDGET_TRIANGLES)} triangles per variant: ${reasons.join('; and ')}.`;
}
