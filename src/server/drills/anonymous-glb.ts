/**
 * A drill's model must not say what it is: the generator names the scene and root node after the
 * variant ("…/genuine"), and a part may be named after the tell it carries ("serial-sticker"). This
 * rewrites the GLB's JSON chunk with neutral names (the root "item", every other node, mesh,
 * material and image "part-N"); the binary chunk is untouched. Extras stay: the UV lamp reads them.
 */
const GLB_MAGIC = 0x46546c67;
const JSON_CHUNK = 0x4e4f534a;

interface Named {
  name?: string;
}

interface GltfJson {
  scenes?: Named[];
  nodes?: Named[];
  meshes?: Named[];
  materials?: Named[];
  images?: Named[];
  textures?: Named[];
  accessors?: Named[];
  bufferViews?: Named[];
  asset?: { extras?: unknown; generator?: string };
  extras?: unknown;
}

export function anonymiseGlb(glb: Buffer): Buffer {
  if (glb.length < 20 || glb.readUInt32LE(0) !== GLB_MAGIC) throw new Error('not a GLB file');
  const jsonLength = glb.readUInt32LE(12);
  if (glb.readUInt32LE(16) !== JSON_CHUNK || 20 + jsonLength > glb.length) throw new Error('GLB has no JSON chunk first');
  const json = JSON.parse(glb.subarray(20, 20 + jsonLength).toString('utf8')) as GltfJson;
  const roots = new Set<number>();
  for (const scene of json.scenes ?? []) {
    scene.name = 'item';
    for (const n of (scene as { nodes?: number[] }).nodes ?? []) roots.add(n);
  }
  json.nodes?.forEach((node, i) => {
    node.name = roots.has(i) ? 'item' : `part-${i}`;
  });
  for (const list of [json.meshes, json.materials, json.images, json.textures, json.accessors, json.bufferViews]) {
    list?.forEach((entry, i) => {
      if (entry.name !== undefined) entry.name = `part-${i}`;
    });
  }
  delete json.extras;
  if (json.asset) delete json.asset.extras;
  let text = Buffer.from(JSON.stringify(json), 'utf8');
  const pad = (4 - (text.length % 4)) % 4;
  if (pad) text = Buffer.concat([text, Buffer.alloc(pad, 0x20)]);
  const rest = glb.subarray(20 + jsonLength);
  const out = Buffer.alloc(12 + 8 + text.length + rest.length);
  out.writeUInt32LE(GLB_MAGIC, 0);
  out.writeUInt32LE(2, 4);
  out.writeUInt32LE(out.length, 8);
  out.writeUInt32LE(text.length, 12);
  out.writeUInt32LE(JSON_CHUNK, 16);
  text.copy(out, 20);
  rest.copy(out, 20 + text.length);
  return out;
}
