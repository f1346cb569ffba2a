/**
 * Reads a GLB (meshopt-compressed and quantized ones too) and measures how far a point lies from a
 * named node's mesh surface, in the model's space (the scene's world space, metres).
 */
import { readFile } from 'node:fs/promises';
import { type Mesh, type Node, NodeIO, Primitive } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { dequantize } from '@gltf-transform/functions';
import { MeshoptDecoder } from 'meshoptimizer';

export type Vec3 = readonly [number, number, number];

export interface ModelSurface {
  /** Names of the nodes in the file, sorted, without repeats. */
  nodeNames: string[];
  /**
   * Distance (metres) from `point` to the nearest triangle of the node's mesh and its descendants' meshes;
   * undefined when no node has that name, Infinity when it has no triangles.
   */
  distanceToNode(name: string, point: Vec3): number | undefined;
  /** The box round the named node's triangles (and its descendants'), in model space; undefined when it has none. */
  nodeBox(name: string): { min: [number, number, number]; max: [number, number, number] } | undefined;
}

let io: Promise<NodeIO> | undefined;
function getIO(): Promise<NodeIO> {
  io ??= (async () => {
    await MeshoptDecoder.ready;
    return new NodeIO()
      .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
      .registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  })();
  return io;
}

export async function readModelSurface(file: string): Promise<ModelSurface> {
  return modelSurfaceOf(new Uint8Array(await readFile(file)));
}

/** The surface of a GLB held in memory (a stored upload). */
export async function modelSurfaceOf(bytes: Uint8Array): Promise<ModelSurface> {
  const doc = await (await getIO()).readBinary(bytes);
  await doc.transform(dequantize());
  const nodes = doc.getRoot().listNodes();
  const triangles = new Map<Node, Float64Array>();
  const trianglesOf = (node: Node): Float64Array => {
    let found = triangles.get(node);
    if (!found) {
      const parts: Float64Array[] = [];
      node.traverse((n) => {
        const mesh = n.getMesh();
        if (mesh) parts.push(worldTriangles(mesh, n.getWorldMatrix()));
      });
      found = concat(parts);
      triangles.set(node, found);
    }
    return found;
  };
  return {
    nodeNames: [...new Set(nodes.map((n) => n.getName()))].sort(),
    distanceToNode(name, point) {
      const named = nodes.filter((n) => n.getName() === name);
      if (named.length === 0) return undefined;
      let best = Infinity;
      for (const node of named) best = Math.min(best, nearestDistance(trianglesOf(node), point));
      return best;
    },
    nodeBox(name) {
      const min: [number, number, number] = [Infinity, Infinity, Infinity];
      const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
      for (const node of nodes.filter((n) => n.getName() === name)) {
        const tris = trianglesOf(node);
        for (let i = 0; i < tris.length; i++) {
          const k = i % 3;
          if (tris[i]! < min[k]!) min[k] = tris[i]!;
          if (tris[i]! > max[k]!) max[k] = tris[i]!;
        }
      }
      return min[0] === Infinity ? undefined : { min, max };
    },
  };
}

/** Every triangle of the mesh as 9 numbers (three world-space corners). */
function worldTriangles(mesh: Mesh, m: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (const prim of mesh.listPrimitives()) {
    const position = prim.getAttribute('POSITION');
    if (!position) continue;
    const mode = prim.getMode();
    const count = position.getCount();
    const indices = prim.getIndices();
    const index = (i: number) => (indices ? indices.getScalar(i) : i);
    const n = indices ? indices.getCount() : count;
    const corner = (i: number) => {
      const [x, y, z] = position.getElement(index(i), [0, 0, 0]) as [number, number, number];
      out.push(
        m[0]! * x + m[4]! * y + m[8]! * z + m[12]!,
        m[1]! * x + m[5]! * y + m[9]! * z + m[13]!,
        m[2]! * x + m[6]! * y + m[10]! * z + m[14]!,
      );
    };
    if (mode === Primitive.Mode.TRIANGLES) {
      for (let i = 0; i + 2 < n; i += 3) (corner(i), corner(i + 1), corner(i + 2));
    } else if (mode === Primitive.Mode.TRIANGLE_STRIP) {
      for (let i = 0; i + 2 < n; i++) (corner(i), corner(i + 1), corner(i + 2));
    } else if (mode === Primitive.Mode.TRIANGLE_FAN) {
      for (let i = 1; i + 1 < n; i++) (corner(0), corner(i), corner(i + 1));
    }
  }
  return Float64Array.from(out);
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

function nearestDistance(tris: Float64Array, p: Vec3): number {
  let best = Infinity;
  for (let i = 0; i + 8 < tris.length; i += 9) {
    const d2 = pointTriangleDistanceSq(p, tris, i);
    if (d2 < best) best = d2;
  }
  return Math.sqrt(best);
}

/** Squared distance from p to triangle (a, b, c) stored at t[o..o+8] (Ericson, Real-Time Collision Detection 5.1.5). */
export function pointTriangleDistanceSq(p: Vec3, t: ArrayLike<number>, o = 0): number {
  const ax = t[o]!, ay = t[o + 1]!, az = t[o + 2]!;
  const abx = t[o + 3]! - ax, aby = t[o + 4]! - ay, abz = t[o + 5]! - az;
  const acx = t[o + 6]! - ax, acy = t[o + 7]! - ay, acz = t[o + 8]! - az;
  const apx = p[0] - ax, apy = p[1] - ay, apz = p[2] - az;
  const dot = (x1: number, y1: number, z1: number, x2: number, y2: number, z2: number) => x1 * x2 + y1 * y2 + z1 * z2;
  const at = (v: number, w: number) => {
    const qx = ax + abx * v + acx * w - p[0], qy = ay + aby * v + acy * w - p[1], qz = az + abz * v + acz * w - p[2];
    return qx * qx + qy * qy + qz * qz;
  };
  const d1 = dot(abx, aby, abz, apx, apy, apz), d2 = dot(acx, acy, acz, apx, apy, apz);
  if (d1 <= 0 && d2 <= 0) return at(0, 0);
  const bpx = p[0] - t[o + 3]!, bpy = p[1] - t[o + 4]!, bpz = p[2] - t[o + 5]!;
  const d3 = dot(abx, aby, abz, bpx, bpy, bpz), d4 = dot(acx, acy, acz, bpx, bpy, bpz);
  if (d3 >= 0 && d4 <= d3) return at(1, 0);
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return at(d1 / (d1 - d3 || 1), 0);
  const cpx = p[0] - t[o + 6]!, cpy = p[1] - t[o + 7]!, cpz = p[2] - t[o + 8]!;
  const d5 = dot(abx, aby, abz, cpx, cpy, cpz), d6 = dot(acx, acy, acz, cpx, cpy, cpz);
  if (d6 >= 0 && d5 <= d6) return at(0, 1);
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return at(0, d2 / (d2 - d6 || 1));
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    const w = (d4 - d3) / (d4 - d3 + (d5 - d6) || 1);
    return at(1 - w, w);
  }
  const denom = 1 / (va + vb + vc || 1);
  return at(vb * denom, vc * denom);
}
