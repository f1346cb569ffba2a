/**
 * Hostile uploads, generated small, as a prober made them (issue 15): JSON nested 10,000 deep, a chain
 * of 9,999 nodes, a sparse accessor of 40 million points in 500 bytes, a points-only mesh, 100,000
 * unused meshes; and a sample of malformed glTF. Each is a GLB of a valid triangle with one change.
 */
import { joinGlb, splitGlb, triangleGlb } from './upload-fixtures';

type Json = Record<string, any>;

async function edited(change: (json: Json) => void): Promise<Uint8Array> {
  const { json, bin } = splitGlb(await triangleGlb());
  change(json);
  return joinGlb(json, bin);
}

/** A GLB whose JSON text is written by hand: JSON.stringify would itself recurse 10,000 deep. */
export async function deepExtrasGlb(depth = 10_000): Promise<Uint8Array> {
  const { json, bin } = splitGlb(await triangleGlb());
  const text = JSON.stringify(json).replace(/}$/, `,"extras":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);
  return glbOfText(text, bin);
}

/** A GLB of this JSON text and binary chunk, padded, with correct lengths. */
function glbOfText(text: string, bin: Uint8Array): Uint8Array {
  const pad = (n: number) => Math.ceil(n / 4) * 4;
  const body = new TextEncoder().encode(text);
  const jsonBytes = new Uint8Array(pad(body.length)).fill(0x20);
  jsonBytes.set(body);
  const binLength = pad(bin.length);
  const out = new Uint8Array(12 + 8 + jsonBytes.length + 8 + binLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, out.length, true);
  view.setUint32(12, jsonBytes.length, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(jsonBytes, 20);
  view.setUint32(20 + jsonBytes.length, binLength, true);
  view.setUint32(24 + jsonBytes.length, 0x004e4942, true);
  out.set(bin, 28 + jsonBytes.length);
  return out;
}

/** Nodes 0 → 1 → … → n-1, each the only child of the one before; the triangle's mesh at the end. */
export const deepNodeChainGlb = (length = 9_999) =>
  edited((json) => {
    json.nodes = Array.from({ length }, (_, i) => (i < length - 1 ? { children: [i + 1] } : { mesh: 0 }));
    json.scenes = [{ nodes: [0] }];
  });

/** An accessor of 40 million VEC3 points with no data but a sparse block of one: 500 bytes that decode to 480 MB. */
export const hugeSparseGlb = (count = 40_000_000) =>
  edited((json) => {
    json.bufferViews.push({ buffer: 0, byteOffset: 0, byteLength: 4 }, { buffer: 0, byteOffset: 0, byteLength: 12 });
    const views = json.bufferViews.length;
    json.accessors.push({
      componentType: 5126,
      type: 'VEC3',
      count,
      sparse: { count: 1, indices: { bufferView: views - 2, componentType: 5125 }, values: { bufferView: views - 1 } },
    });
    json.meshes.push({ primitives: [{ attributes: { POSITION: json.accessors.length - 1 }, mode: 0 }] });
    json.nodes.push({ mesh: json.meshes.length - 1 });
    json.scenes[0].nodes.push(json.nodes.length - 1);
  });

/** A points-only mesh (mode 0) of `count` points: 0 triangles, as much work to read as `count` of them. */
export const pointsOnlyGlb = (count = 600_000) =>
  edited((json) => {
    json.accessors[0].count = count;
    json.meshes[0].primitives[0].mode = 0;
  });

/** `count` meshes that no node draws, all sharing the triangle's accessor. */
export const unusedMeshesGlb = (count = 100_000) =>
  edited((json) => {
    for (let i = 0; i < count; i++) json.meshes.push({ primitives: [{ attributes: { POSITION: 0 } }] });
  });

/** A sample of malformed files, each with the code it must be refused with. */
export async function malformedSample(): Promise<{ name: string; bytes: Uint8Array; code: string }[]> {
  const text = (s: string) => new TextEncoder().encode(s);
  const glb = await triangleGlb();
  return [
    { name: 'array.gltf', bytes: text('[1, 2, 3]'), code: 'not_gltf' },
    { name: 'broken.gltf', bytes: text('{"asset": {"version": "2.0"'), code: 'json_invalid' },
    { name: 'cut.glb', bytes: glb.slice(0, 40), code: 'glb_truncated' },
    { name: 'version1.glb', bytes: (() => { const b = glb.slice(); new DataView(b.buffer).setUint32(4, 1, true); return b; })(), code: 'glb_malformed' },
    { name: 'past-view.glb', bytes: await edited((j) => (j.accessors[0].byteOffset = 24)), code: 'gltf_invalid' },
    { name: 'loop.glb', bytes: await edited((j) => (j.nodes = [{ children: [1] }, { children: [0] }])), code: 'node_hierarchy_invalid' },
    { name: 'two-parents.glb', bytes: await edited((j) => (j.nodes = [{ children: [2] }, { children: [2] }, { mesh: 0 }])), code: 'node_hierarchy_invalid' },
    { name: 'no-source.glb', bytes: await edited((j) => ((j.materials = [{ pbrMetallicRoughness: { baseColorTexture: { index: 0, texCoord: 0 } } }]), (j.textures = [{}]))), code: 'texture_without_image' },
    { name: 'nan-count.glb', bytes: await edited((j) => (j.accessors[0].count = 'many')), code: 'gltf_invalid' },
  ];
}
