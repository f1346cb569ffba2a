/**
 * A drill item's model, made for that item from the study model (see README, "Drill models"): what a
 * trainee judges (shape, print, colour, UV response) stays as authored, and everything that could
 * fingerprint the file changes. Counts (vertices, indices, triangles, nodes, materials, textures) are
 * brought to targets drawn from the product as a whole (above its largest variant), so they say
 * nothing of which variant an item is; the item is scaled by a drawn factor that moves its largest
 * side by 0.5 to 0.8 mm (so its bounding box never falls in its study model's 0.5 mm bins), each
 * other side up to 0.4 mm more, and every vertex by up to 0.05 mm; every texture is re-encoded with noise; parts are split, triangles
 * reordered and the result quantised at drawn precisions. Pure: the same bytes and seed, the same model.
 */
import { Logger, type Document, type Node, type Primitive } from '@gltf-transform/core';
import { clearNodeTransform, cloneDocument, dequantize, flatten, meshopt, prune, weld } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import { seededRandom, type Random } from '../../domain/seeded-random';
import { modelIO } from '../uploads/gltf-io';
import { editable, Patch } from './drill-geometry';
import { addTextures, renoiseTextures } from './drill-textures';

/** A study model's counts, as a drill model's would be counted (after its parts are laid out flat). */
export interface ModelCounts {
  vertices: number;
  triangles: number;
  nodes: number;
  materials: number;
  textures: number;
}

/** What every variant of a product stays under: the targets of its drill models are drawn above it. */
export interface ProductCeiling extends ModelCounts {
  /** Fewest nodes of any variant: how many part splits a model may need at most. */
  fewestNodes: number;
  /** Largest vertices − triangles / 2 of any variant: what reaching a triangle target costs in vertices. */
  vertexLead: number;
}

/** Vertices one part split may add: a run of at most 16 triangles shares at most 48 with the rest. */
const RUN_MAX = 16;
const SPLIT_VERTICES = 3 * RUN_MAX;
/** Splits each part gets first, drawn from 1 to this many (about 3.5 on average: see targetsOf). */
const PART_SPLITS = 6;
/** How far the largest side moves (metres): at least one 0.5 mm bin, so no bounding box is the study model's. */
const SIDE_SHIFT = [0.0005, 0.0008] as const;
/** The most any size changes, for very small items (relative). */
const MAX_SCALE_CHANGE = 0.02;
/** How far each other side moves on its own at most (metres), and at most relative to it. */
const SIDE_EXTRA = 0.0004;
const MAX_SIDE_CHANGE = 0.01;
/** How far any vertex moves at most (metres, per axis). */
const JITTER = 0.00005;

async function readFlat(bytes: Uint8Array): Promise<Document> {
  const doc = await (await modelIO()).readBinary(bytes);
  doc.setLogger(new Logger(Logger.Verbosity.ERROR));
  await doc.transform(dequantize(), weld(), flatten());
  const root = doc.getRoot();
  const parts: Node[] = [];
  for (const node of root.listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    clearNodeTransform(node);
    const [first, ...rest] = node.getMesh()!.listPrimitives();
    parts.push(node);
    // One primitive per part: a part's extras (the UV lamp's) reach the mesh three.js makes of it.
    for (const prim of rest) {
      node.getMesh()!.removePrimitive(prim);
      parts.push(doc.createNode('').setExtras({ ...node.getExtras() }).setMesh(doc.createMesh('').addPrimitive(prim)));
    }
    if (!first) node.setMesh(null);
  }
  const item = doc.createNode('item');
  for (const part of parts) if (part.getMesh()) item.addChild(part);
  for (const node of root.listNodes()) if (node !== item && !node.getMesh()) node.dispose();
  const scene = root.getDefaultScene() ?? root.listScenes()[0] ?? doc.createScene('');
  for (const s of root.listScenes()) if (s !== scene) s.dispose();
  scene.addChild(item);
  root.setDefaultScene(scene);
  await doc.transform(prune({ keepLeaves: true, keepExtras: true, keepSolidTextures: true }));
  return doc;
}

function countsOf(doc: Document): ModelCounts {
  const root = doc.getRoot();
  const prims = root.listMeshes().flatMap((m) => m.listPrimitives());
  return {
    vertices: prims.reduce((n, p) => n + p.getAttribute('POSITION')!.getCount(), 0),
    triangles: prims.reduce((n, p) => n + Math.floor((p.getIndices() ?? p.getAttribute('POSITION'))!.getCount() / 3), 0),
    nodes: root.listNodes().length,
    materials: root.listMaterials().length,
    textures: root.listTextures().length,
  };
}

/** A study model read once (decoded, welded, laid out flat) and copied for each drill model made of it. */
export interface StudyModel {
  doc: Document;
  counts: ModelCounts;
}

export async function readStudy(bytes: Uint8Array): Promise<StudyModel> {
  const doc = await readFlat(bytes);
  return { doc, counts: countsOf(doc) };
}

export async function studyCounts(bytes: Uint8Array): Promise<ModelCounts> {
  return (await readStudy(bytes)).counts;
}

export function ceilingOf(variants: ModelCounts[]): ProductCeiling {
  const most = (k: keyof ModelCounts) => Math.max(...variants.map((v) => v[k]));
  return {
    vertices: most('vertices'),
    triangles: most('triangles'),
    nodes: most('nodes'),
    materials: most('materials'),
    textures: most('textures'),
    fewestNodes: Math.min(...variants.map((v) => v.nodes)),
    vertexLead: Math.max(...variants.map((v) => v.vertices - v.triangles / 2)),
  };
}

/** Targets drawn from the product's ceiling alone: the same draw whichever variant the item is. */
export function targetsOf(ceiling: ProductCeiling, random: Random): ModelCounts {
  const int = (lo: number, hi: number) => lo + Math.floor(random.next() * (hi - lo + 1));
  const materials = ceiling.materials + int(1, 2);
  // Each material copy needs a part that shares its material: one part more than materials is enough.
  const nodes = Math.max(ceiling.nodes + int(1, 3), materials + 1 + int(0, 1));
  const triangles = ceiling.triangles + Math.ceil(ceiling.triangles * (0.02 + 0.03 * random.next())) + nodes * PART_SPLITS + int(2, 9);
  const vertices =
    Math.ceil(triangles / 2 + ceiling.vertexLead) + 2 + (nodes - ceiling.fewestNodes) * SPLIT_VERTICES + Math.ceil(ceiling.vertices * 0.02 * random.next()) + int(1, 9);
  return { vertices, triangles, nodes, materials, textures: ceiling.textures + int(1, 2) };
}

interface Part {
  node: Node;
  prim: Primitive;
  patch: Patch;
}

const weightedPick = (parts: Part[], random: Random): Part => {
  let r = random.next() * parts.reduce((n, p) => n + p.patch.triangleCount, 0);
  for (const p of parts) if ((r -= p.patch.triangleCount) < 0) return p;
  return parts[parts.length - 1]!;
};

/** Splits a run of a few triangles off a part into a part of its own (same material and extras). */
function splitPart(doc: Document, parts: Part[], random: Random): void {
  const from = weightedPick(parts.filter((p) => p.patch.triangleCount >= 2), random);
  const tris = from.patch.triangleCount;
  const length = Math.min(1 + Math.floor(random.next() * RUN_MAX), tris - 1);
  let best = { start: 0, shared: Infinity };
  const uses = from.patch.uses();
  for (let i = 0; i < 8; i++) {
    const start = Math.floor(random.next() * (tris - length + 1));
    const shared = from.patch.sharedBy(start, length, uses);
    if (shared < best.shared) best = { start, shared };
  }
  const patch = from.patch.takeRun(best.start, length);
  const prim = doc.createPrimitive().setMaterial(from.prim.getMaterial());
  const node = doc.createNode('').setExtras({ ...from.node.getExtras() }).setMesh(doc.createMesh('').addPrimitive(prim));
  from.node.getParentNode()!.addChild(node);
  parts.push({ node, prim, patch });
}

/** Gives `count` parts a copy of a material they share with another part (textured ones first). */
function copyMaterials(parts: Part[], count: number, random: Random): void {
  for (let n = 0; n < count; n++) {
    const users = new Map<unknown, Part[]>();
    for (const p of parts) users.set(p.prim.getMaterial(), [...(users.get(p.prim.getMaterial()) ?? []), p]);
    const shared = [...users.values()].filter((ps) => ps.length > 1 && ps[0]!.prim.getMaterial());
    if (!shared.length) return;
    const textured = shared.filter((ps) => ps[0]!.prim.getMaterial()!.getBaseColorTexture());
    const part = random.pick(random.pick(textured.length ? textured : shared).slice(1));
    const copy = part.prim.getMaterial()!.clone().setName('');
    // A roughness a hair apart (unseen), drawn so the copy matches no other material (identical ones are merged on write).
    const step = (random.next() < 0.5 ? -1 : 1) * (0.002 + 0.01 * random.next());
    const r = copy.getRoughnessFactor();
    copy.setRoughnessFactor(r + step >= 0 && r + step <= 1 ? r + step : r - step);
    part.prim.setMaterial(copy);
  }
}

/** Brings the parts' triangles and vertices to the targets exactly (every part gets a split where it can). */
function reachCounts(parts: Part[], target: ModelCounts, random: Random): void {
  const total = (k: 'vertexCount' | 'triangleCount') => parts.reduce((n, p) => n + p.patch[k], 0);
  let missing = target.triangles - total('triangleCount');
  if (missing % 2 !== 0 && missing > 0) {
    let done = false;
    for (const part of random.shuffle(parts)) {
      const open = part.patch.openEdge(random);
      if (!open) continue;
      part.patch.splitEdge(open.t, open.edge, random);
      done = true;
      break;
    }
    if (!done) parts[0]!.patch.addSliver(0); // a closed surface only grows by two: one triangle of no area
    missing = target.triangles - total('triangleCount');
  }
  // Every part first gets a drawn number of splits (its own counts then match no study part's), the rest anywhere.
  const split = (part: Part) => {
    part.patch.splitInside(Math.floor(random.next() * part.patch.triangleCount), random);
    missing -= 2;
  };
  for (const part of random.shuffle(parts)) for (let n = 1 + Math.floor(random.next() * PART_SPLITS); n > 0 && missing >= 2; n--) split(part);
  while (missing >= 2) split(weightedPick(parts, random));
  // A corner whose vertex another corner also uses: a lone vertex would be dropped as unused once copied.
  const uses = new Map(parts.map((p) => [p, p.patch.uses()]));
  let extra = target.vertices - total('vertexCount');
  const firsts = random.shuffle(parts).flatMap((p) => Array.from({ length: Math.floor(random.next() * 4) }, () => p));
  for (let tries = 50 * extra; extra > 0 && tries > 0; tries--) {
    const part = firsts.pop() ?? weightedPick(parts, random);
    const t = Math.floor(random.next() * part.patch.triangleCount);
    const corner = Math.floor(random.next() * 3);
    const v = part.patch.tris[t * 3 + corner]!;
    const counts = uses.get(part)!;
    if (v >= counts.length || counts[v]! < 2) continue;
    counts[v]!--;
    part.patch.duplicateCorner(t, corner);
    extra--;
  }
}

/** A hash of a position (to 1 µm) and the seed, in [-1, 1): the same point moves the same way in every part. */
function jitterOf(x: number, y: number, z: number, salt: number, axis: number): number {
  let h = Math.imul(Math.round(x * 1e6) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(Math.round(y * 1e6) + axis, 0xc2b2ae35);
  h = Math.imul(h ^ Math.round(z * 1e6) ^ salt, 0x27d4eb2f);
  h ^= h >>> 15;
  return ((h >>> 0) / 4294967296) * 2 - 1;
}

/**
 * Scales about the base's centre so that the largest side moves by SIDE_SHIFT (each other side by
 * as much relative to it, and up to SIDE_EXTRA more on its own), then jitters every vertex.
 */
function resize(parts: Part[], random: Random): void {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const { patch } of parts) patch.movePositions((p) => (p.forEach((v, k) => ((min[k] = Math.min(min[k]!, v)), (max[k] = Math.max(max[k]!, v)))), p));
  const largest = Math.max(max[0]! - min[0]!, max[1]! - min[1]!, max[2]! - min[2]!);
  if (!(largest > 0)) return;
  const shift = SIDE_SHIFT[0] + (SIDE_SHIFT[1] - SIDE_SHIFT[0]) * random.next();
  const s = 1 + (random.next() < 0.5 ? -1 : 1) * Math.min(MAX_SCALE_CHANGE, shift / largest);
  // The other sides each move a little more on their own, so that a fraction of a millimetre between variants is lost in it.
  const sides = [0, 1, 2].map((k) => {
    const side = max[k]! - min[k]!;
    if (side === largest || !(side > 0)) return s;
    return s * (1 + Math.min(MAX_SIDE_CHANGE, (SIDE_EXTRA * (2 * random.next() - 1)) / side));
  });
  const c = [(min[0]! + max[0]!) / 2, min[1]!, (min[2]! + max[2]!) / 2];
  const salt = Math.floor(random.next() * 2 ** 31);
  for (const { patch } of parts) {
    patch.movePositions(([x, y, z]) => [
      c[0]! + (x - c[0]!) * sides[0]! + JITTER * jitterOf(x, y, z, salt, 0),
      c[1]! + (y - c[1]!) * sides[1]! + (y > c[1]! ? JITTER * jitterOf(x, y, z, salt, 1) : 0), // the base stays on the table
      c[2]! + (z - c[2]!) * sides[2]! + JITTER * jitterOf(x, y, z, salt, 2),
    ]);
  }
}

/** The drill model of one study model (its bytes, or read once): `seed` is the drill item's, `ceiling` its product's. */
export async function remakeForDrill(study: Uint8Array | StudyModel, seed: string, ceiling: ProductCeiling): Promise<Uint8Array> {
  const random = seededRandom(`drill-model:${seed}`);
  const target = targetsOf(ceiling, random);
  const doc = study instanceof Uint8Array ? await readFlat(study) : cloneDocument(study.doc).setLogger(new Logger(Logger.Verbosity.ERROR));
  const root = doc.getRoot();
  const parts: Part[] = root
    .listNodes()
    .flatMap((node) => node.getMesh()?.listPrimitives().filter(editable).map((prim) => ({ node, prim, patch: Patch.of(prim) })) ?? []);
  if (!parts.length) throw new Error('the model has no triangles to draw');
  for (let n = root.listNodes().length; n < target.nodes; n++) splitPart(doc, parts, random);
  copyMaterials(parts, target.materials - root.listMaterials().length, random);
  const giveTexcoords = (m: unknown) => {
    for (const p of parts) if (p.prim.getMaterial() === m) p.patch.addZeros('TEXCOORD_0', 2, 'VEC2');
  };
  await addTextures(doc, target.textures - root.listTextures().length, random, giveTexcoords);
  reachCounts(parts, target, random);
  resize(parts, random);
  for (const part of parts) {
    part.patch.shuffle(random);
    part.patch.writeTo(doc, part.prim);
  }
  // Names say nothing: the root is "item", the parts "part-1"… in a drawn order; only the UV lamp's extras stay.
  const item = root.listNodes().find((n) => n.getName() === 'item')!;
  const children = random.shuffle(item.listChildren());
  for (const child of children) item.removeChild(child);
  children.forEach((child, i) => item.addChild(child.setName(`part-${i + 1}`)));
  for (const list of [root.listMeshes(), root.listMaterials(), root.listTextures(), root.listAccessors()]) for (const p of list) p.setName('');
  for (const s of root.listScenes()) s.setName('item').setExtras({});
  root.setExtras({});
  root.getAsset().generator = 'Twinspect drill';
  delete root.getAsset().extras;
  await renoiseTextures(doc, random);
  const bits = (lo: number) => lo + Math.floor(random.next() * 3);
  await doc.transform(prune({ keepLeaves: true, keepExtras: true, keepSolidTextures: true }));
  await doc.transform(
    meshopt({ encoder: MeshoptEncoder, level: 'medium', quantizePosition: bits(14), quantizeNormal: bits(8), quantizeTexcoord: bits(12) }),
  );
  return (await modelIO()).writeBinary(doc);
}
