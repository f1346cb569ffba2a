/**
 * What a model's JSON declares, held against the caps before anything decodes it: its parts (nodes,
 * meshes, primitives, materials, images, …), the elements its accessors declare (sparse ones too,
 * whose data may be nothing but a count), the vertices and the triangles, points and lines it draws,
 * and how deep its node hierarchy goes. Every count is read from the JSON alone, without recursion,
 * so a 500-byte file cannot make the readers allocate gigabytes or recurse thousands deep.
 */
import { list, positive, type GltfJson } from './gltf-container';
import type { UploadIssue } from './model-check';
import { MAX_ACCESSOR_BYTES, MAX_ACCESSOR_COUNT, MAX_DECLARED, MAX_INPUT_TRIANGLES, MAX_NODE_DEPTH, MAX_NODES, MAX_PRIMITIVES, MAX_VERTICES, formatBytes } from './model-limits';

const count = (n: number) => n.toLocaleString('en-US');
const COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };
const COMPONENT_BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };
type Mesh = NonNullable<GltfJson['meshes']>[number];

/** Triangles one primitive draws: triangles (mode 4, the default), strips and fans; points and lines none. */
export function primitiveTriangles(mode: number | undefined, vertices: number): number {
  if (mode === undefined || mode === 4) return Math.floor(vertices / 3);
  return mode === 5 || mode === 6 ? Math.max(0, vertices - 2) : 0;
}

/** What one primitive draws, each point, line segment or triangle counted once: the work of reading it. */
export function primitiveElements(mode: number | undefined, vertices: number): number {
  if (mode === 0) return vertices; // points
  if (mode === 1) return Math.floor(vertices / 2); // lines
  if (mode === 2) return vertices; // line loop
  if (mode === 3) return Math.max(0, vertices - 1); // line strip
  return primitiveTriangles(mode, vertices);
}

type PerPrimitive = (mode: number | undefined, vertices: number) => number;

function meshElements(json: GltfJson, mesh: Mesh | undefined, per: PerPrimitive = primitiveElements): number {
  const accessors = list(json.accessors);
  const countOf = (i: unknown) => (typeof i === 'number' ? positive(accessors[i]?.count) : 0);
  return list(mesh?.primitives).reduce((n, p) => n + per(p?.mode, p?.indices !== undefined ? countOf(p.indices) : countOf(p?.attributes?.POSITION)), 0);
}

/**
 * What the nodes draw, from the accessors' declared counts: each mesh once per node (and per GPU
 * instance) that draws it; triangles, points and lines by default, or what `per` counts.
 */
export function drawnElements(json: GltfJson, per: PerPrimitive = primitiveElements): number {
  const accessors = list(json.accessors);
  const meshes = list(json.meshes).map((mesh) => meshElements(json, mesh, per));
  return list(json.nodes).reduce((n, node) => {
    if (typeof node?.mesh !== 'number') return n;
    const instancing = node.extensions?.EXT_mesh_gpu_instancing?.attributes;
    const instances = instancing ? Math.max(1, ...Object.values(instancing).map((i) => positive(accessors[i]?.count))) : 1;
    return n + (meshes[node.mesh] ?? 0) * instances;
  }, 0);
}

/** Every cap on what the JSON declares; the issues name the cap and where in the file it is passed. */
export function checkDeclared(json: GltfJson): UploadIssue[] {
  const issues: UploadIssue[] = [];
  const push = (code: UploadIssue['code'], pointer: string, message: string) => void issues.push({ code, pointer, message });
  const nodes = list(json.nodes).length;
  if (nodes > MAX_NODES) {
    push('too_many_nodes', 'nodes', `The model has ${count(nodes)} nodes; at most ${count(MAX_NODES)} are accepted, as each part costs a headset a draw call. Merge parts that never move apart, then export again.`);
  }
  const drawn = drawnElements(json);
  const declared = list(json.meshes).reduce((n, mesh) => n + meshElements(json, mesh), 0);
  if (Math.max(drawn, declared) > MAX_INPUT_TRIANGLES) {
    const what = drawn >= declared ? `draws about ${count(drawn)}` : `declares about ${count(declared)} in its meshes (drawn or not)`;
    push('too_many_triangles', 'meshes', `The model ${what} triangles, lines and points; at most ${count(MAX_INPUT_TRIANGLES)} are accepted before optimisation. Decimate the meshes (e.g. Blender's Decimate modifier) and delete unused ones, then export again.`);
  }
  for (const [name, cap] of Object.entries(MAX_DECLARED)) {
    const n = list((json as Record<string, unknown[] | undefined>)[name]).length;
    if (n > cap) push('too_many_parts', name, `The model declares ${count(n)} ${name}; at most ${count(cap)} are accepted (used or not). Remove the unused ones, then export again.`);
  }
  const primitives = list(json.meshes).reduce((n, mesh) => n + list(mesh?.primitives).length, 0);
  if (primitives > MAX_PRIMITIVES) {
    push('too_many_parts', 'meshes', `The meshes have ${count(primitives)} primitives in all; at most ${count(MAX_PRIMITIVES)} are accepted, as each costs a draw call. Join parts that share a material, then export again.`);
  }
  (json as { textures?: { source?: unknown; extensions?: Record<string, { source?: unknown }> }[] }).textures?.forEach?.((t, i) => {
    const extensionSource = Object.values(t?.extensions ?? {}).some((e) => typeof e?.source === 'number');
    if (typeof t?.source !== 'number' && !extensionSource) {
      push('texture_without_image', `textures[${i}].source`, `textures[${i}] names no image (it has no source), so nothing can be drawn with it. Assign an image to the texture or remove it, then export again.`);
    }
  });
  issues.push(...checkAccessors(json), ...checkNodeTree(json));
  return issues;
}

function checkAccessors(json: GltfJson): UploadIssue[] {
  const issues: UploadIssue[] = [];
  let bytes = 0;
  list(json.accessors).forEach((a, i) => {
    const n = positive(a?.count);
    const sparse = positive(a?.sparse?.count);
    for (const [what, value] of [['count', n], ['sparse.count', sparse]] as const) {
      if (value > MAX_ACCESSOR_COUNT) {
        const pointer = `accessors[${i}].${what}`;
        issues.push({ code: 'accessor_too_large', pointer, message: `${pointer} declares ${count(value)} elements; at most ${count(MAX_ACCESSOR_COUNT)} are accepted in one accessor. Decimate the mesh, then export again.` });
      }
    }
    bytes += n * (COMPONENTS[a?.type ?? ''] ?? 16) * (COMPONENT_BYTES[a?.componentType ?? 0] ?? 4);
  });
  if (bytes > MAX_ACCESSOR_BYTES) {
    issues.push({ code: 'accessor_too_large', pointer: 'accessors', message: `The accessors declare ${formatBytes(bytes)} of data in all; at most ${formatBytes(MAX_ACCESSOR_BYTES)} are accepted. Decimate the meshes, then export again.` });
  }
  const positions = new Set<number>();
  for (const mesh of list(json.meshes)) {
    for (const p of list(mesh?.primitives)) {
      for (const attributes of [p?.attributes, ...list(p?.targets)]) if (typeof attributes?.POSITION === 'number') positions.add(attributes.POSITION);
    }
  }
  const accessors = list(json.accessors);
  const vertices = [...positions].reduce((n, i) => n + positive(accessors[i]?.count), 0);
  if (vertices > MAX_VERTICES) {
    issues.push({ code: 'too_many_vertices', pointer: 'meshes', message: `The meshes declare ${count(vertices)} vertices in all (morph targets included); at most ${count(MAX_VERTICES)} are accepted. Decimate the meshes, then export again.` });
  }
  return issues;
}

/**
 * The node hierarchy must be a forest (each node the child of one parent at most, no loops) no
 * deeper than MAX_NODE_DEPTH: measured by walking up from each node, without recursion.
 */
function checkNodeTree(json: GltfJson): UploadIssue[] {
  const nodes = list(json.nodes);
  const parent = new Int32Array(nodes.length).fill(-1);
  for (const [i, node] of nodes.entries()) {
    for (const [k, child] of list(node?.children).entries()) {
      if (typeof child !== 'number' || !Number.isInteger(child) || child < 0 || child >= nodes.length) continue; // the validator names it
      if (parent[child] !== -1 || child === i) {
        const pointer = `nodes[${i}].children[${k}]`;
        return [{ code: 'node_hierarchy_invalid', pointer, message: `${pointer} makes nodes[${child}] the child of ${child === i ? 'itself' : 'a second parent'}; each node may have one parent. Export the model again.` }];
      }
      parent[child] = i;
    }
  }
  const depth = new Int32Array(nodes.length); // 0: not measured yet
  const path: number[] = [];
  for (let start = 0; start < nodes.length; start++) {
    path.length = 0;
    let at = start;
    while (at !== -1 && depth[at] === 0) {
      if (path.length > nodes.length) {
        return [{ code: 'node_hierarchy_invalid', pointer: `nodes[${start}]`, message: `nodes[${start}] is its own ancestor: the node hierarchy loops. Export the model again.` }];
      }
      path.push(at);
      at = parent[at]!;
    }
    let d = at === -1 ? 0 : depth[at]!;
    for (let k = path.length - 1; k >= 0; k--) depth[path[k]!] = ++d;
    if (d > MAX_NODE_DEPTH) {
      return [{
        code: 'node_hierarchy_too_deep',
        pointer: `nodes[${start}]`,
        message: `nodes[${start}] is ${count(d)} levels deep in the node hierarchy; at most ${MAX_NODE_DEPTH} are accepted. Flatten the hierarchy (apply the parents' transforms), then export again.`,
      }];
    }
  }
  return [];
}
