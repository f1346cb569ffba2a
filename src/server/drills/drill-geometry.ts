/**
 * One primitive's triangles as plain arrays, and the edits a drill's model is made with: none of them
 * changes what is drawn. A triangle split at an inner point (+1 vertex, +2 triangles) or on an open
 * edge (+1, +1) lies in the same plane with the same interpolated normal and texture coordinates; a
 * corner given its own copy of a vertex (+1 vertex) draws the same; a run of triangles moved to a
 * part of its own draws the same. Only used on indexed triangle lists of float attributes.
 */
import type { Accessor, Document, Primitive } from '@gltf-transform/core';
import type { Random } from '../../domain/seeded-random';

type ArrayType = Float32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Int8Array<ArrayBuffer> | Int16Array<ArrayBuffer>;

interface Attr {
  semantic: string;
  size: number;
  type: ReturnType<Accessor['getType']>;
  normalized: boolean;
  make: new (n: number) => ArrayType;
  data: number[];
}

const TRIANGLES = 4;

/** Whether a primitive can be edited here: indexed or not, triangles, every attribute an array. */
export function editable(prim: Primitive): boolean {
  return prim.getMode() === TRIANGLES && !!prim.getAttribute('POSITION') && prim.listTargets().length === 0;
}

export class Patch {
  private constructor(
    readonly attrs: Attr[],
    public tris: number[],
  ) {}

  static of(prim: Primitive): Patch {
    const attrs: Attr[] = prim.listSemantics().map((semantic) => {
      const a = prim.getAttribute(semantic)!;
      const array = a.getArray()!;
      return {
        semantic,
        size: a.getElementSize(),
        type: a.getType(),
        normalized: a.getNormalized(),
        make: array.constructor as Attr['make'],
        data: Array.from(array),
      };
    });
    const indices = prim.getIndices()?.getArray();
    const count = prim.getAttribute('POSITION')!.getCount();
    return new Patch(attrs, indices ? Array.from(indices) : Array.from({ length: count }, (_, i) => i));
  }

  get vertexCount(): number {
    return this.attrs[0]!.data.length / this.attrs[0]!.size;
  }

  get triangleCount(): number {
    return this.tris.length / 3;
  }

  /** A new vertex: the weighted sum of vertices (normals and tangents normalised again, integers from the first). */
  private addVertex(from: number[], weights: number[]): number {
    const v = this.vertexCount;
    for (const a of this.attrs) {
      const out: number[] = [];
      const float = a.make === Float32Array;
      for (let k = 0; k < a.size; k++) {
        out.push(float ? from.reduce((s, f, i) => s + a.data[f * a.size + k]! * weights[i]!, 0) : a.data[from[0]! * a.size + k]!);
      }
      if (float && (a.semantic === 'NORMAL' || a.semantic === 'TANGENT')) {
        const len = Math.hypot(out[0]!, out[1]!, out[2]!) || 1;
        for (let k = 0; k < 3; k++) out[k] = out[k]! / len;
        if (a.semantic === 'TANGENT') out[3] = a.data[from[0]! * a.size + 3]!;
      }
      a.data.push(...out);
    }
    return v;
  }

  /** Splits triangle t at an inner point: three triangles in its plane. */
  splitInside(t: number, random: Random): void {
    const [a, b, c] = this.tris.slice(t * 3, t * 3 + 3) as [number, number, number];
    const wa = 0.2 + 0.6 * random.next();
    const wb = (1 - wa) * (0.25 + 0.5 * random.next());
    const m = this.addVertex([a, b, c], [wa, wb, 1 - wa - wb]);
    this.tris[t * 3 + 2] = m;
    this.tris.push(b, c, m, c, a, m);
  }

  /** Gives one corner of triangle t its own copy of its vertex. */
  duplicateCorner(t: number, corner: number): void {
    const at = t * 3 + corner;
    this.tris[at] = this.twin(this.tris[at]!);
  }

  /** A copy of vertex v, 0.1 µm away: the compressor would merge a bitwise copy back (quantising then makes them one point). */
  private twin(v: number): number {
    const copy = this.addVertex([v], [1]);
    const pos = this.attrs.find((a) => a.semantic === 'POSITION')!.data;
    pos[copy * 3] = pos[copy * 3]! + 1e-7;
    return copy;
  }

  /** Adds an attribute of zeros (texture coordinates for a part that had no texture). */
  addZeros(semantic: string, size: number, type: Attr['type']): void {
    if (this.attrs.some((a) => a.semantic === semantic)) return;
    this.attrs.push({ semantic, size, type, normalized: false, make: Float32Array, data: new Array<number>(this.vertexCount * size).fill(0) });
  }

  /** Adds a triangle of no area on a corner of triangle t (draws nothing): for a closed surface, which grows two at a time. */
  addSliver(t: number): void {
    const a = this.tris[t * 3]!;
    const b = this.tris[t * 3 + 1]!;
    this.tris.push(a, this.twin(a), b);
  }

  /** Splits triangle t on its edge `edge` (0: a-b, 1: b-c, 2: c-a), which must be open (no neighbour): two triangles. */
  splitEdge(t: number, edge: number, random: Random): void {
    const corners = this.tris.slice(t * 3, t * 3 + 3);
    const a = corners[edge]!;
    const b = corners[(edge + 1) % 3]!;
    const c = corners[(edge + 2) % 3]!;
    const w = 0.3 + 0.4 * random.next();
    const m = this.addVertex([a, b], [w, 1 - w]);
    this.tris[t * 3] = a;
    this.tris[t * 3 + 1] = m;
    this.tris[t * 3 + 2] = c;
    this.tris.push(m, b, c);
  }

  /** A triangle with an edge no other triangle shares by position (a true border, not a texture seam), or undefined. */
  openEdge(random: Random): { t: number; edge: number } | undefined {
    const pos = this.attrs.find((a) => a.semantic === 'POSITION')!.data;
    const key = (v: number) => `${Math.round(pos[v * 3]! * 1e6)},${Math.round(pos[v * 3 + 1]! * 1e6)},${Math.round(pos[v * 3 + 2]! * 1e6)}`;
    const edgeKey = (u: number, v: number) => [key(u), key(v)].sort().join('|');
    const uses = new Map<string, number>();
    const keys: string[] = [];
    for (let i = 0; i < this.tris.length; i += 3) {
      for (let e = 0; e < 3; e++) {
        const k = edgeKey(this.tris[i + e]!, this.tris[i + ((e + 1) % 3)]!);
        keys.push(k);
        uses.set(k, (uses.get(k) ?? 0) + 1);
      }
    }
    const open = keys.flatMap((k, i) => (uses.get(k) === 1 ? [i] : []));
    if (!open.length) return undefined;
    const i = random.pick(open);
    return { t: Math.floor(i / 3), edge: i % 3 };
  }

  /** Moves `length` triangles from `start` into a patch of their own; both keep only the vertices they use. */
  takeRun(start: number, length: number): Patch {
    const run = this.tris.splice(start * 3, length * 3);
    const taken = new Patch(this.attrs.map((a) => ({ ...a, data: [...a.data] })), run);
    taken.compact();
    this.compact();
    return taken;
  }

  /** How many triangles use each vertex (for sharedBy). */
  uses(): Uint32Array {
    const uses = new Uint32Array(this.vertexCount);
    for (const v of this.tris) uses[v]!++;
    return uses;
  }

  /** How many vertices a run would share with the rest (each becomes two when it is taken); `uses` from uses(). */
  sharedBy(start: number, length: number, uses: Uint32Array): number {
    const inRun = new Map<number, number>();
    for (const v of this.tris.slice(start * 3, (start + length) * 3)) inRun.set(v, (inRun.get(v) ?? 0) + 1);
    let n = 0;
    for (const [v, k] of inRun) if (uses[v]! > k) n++;
    return n;
  }

  /** Drops the vertices no triangle uses, keeping the others in order. */
  compact(): void {
    const map = new Map<number, number>();
    const used = [...new Set(this.tris)].sort((x, y) => x - y);
    used.forEach((v, i) => map.set(v, i));
    for (const a of this.attrs) {
      const data: number[] = [];
      for (const v of used) for (let k = 0; k < a.size; k++) data.push(a.data[v * a.size + k]!);
      a.data = data;
    }
    this.tris = this.tris.map((v) => map.get(v)!);
  }

  /** Triangles in a random order, each starting at a random corner (the winding kept). */
  shuffle(random: Random): void {
    const order = random.shuffle(Array.from({ length: this.triangleCount }, (_, i) => i));
    const out: number[] = [];
    for (const t of order) {
      const r = Math.floor(random.next() * 3);
      for (let k = 0; k < 3; k++) out.push(this.tris[t * 3 + ((k + r) % 3)]!);
    }
    this.tris = out;
  }

  /** Every position through `fn` (in place). */
  movePositions(fn: (p: [number, number, number]) => [number, number, number]): void {
    const pos = this.attrs.find((a) => a.semantic === 'POSITION')!.data;
    for (let i = 0; i < pos.length; i += 3) {
      const [x, y, z] = fn([pos[i]!, pos[i + 1]!, pos[i + 2]!]);
      pos[i] = x;
      pos[i + 1] = y;
      pos[i + 2] = z;
    }
  }

  /** Writes the arrays into `prim` as fresh accessors in `doc`'s buffer. */
  writeTo(doc: Document, prim: Primitive): void {
    const buffer = doc.getRoot().listBuffers()[0] ?? doc.createBuffer();
    for (const a of this.attrs) {
      const accessor = doc.createAccessor().setType(a.type).setArray(new a.make(a.data.length)).setNormalized(a.normalized).setBuffer(buffer);
      (accessor.getArray() as ArrayType).set(a.data);
      const old = prim.getAttribute(a.semantic);
      prim.setAttribute(a.semantic, accessor);
      if (old && old.listParents().length <= 1) old.dispose();
    }
    const IndexArray = this.vertexCount > 65535 ? Uint32Array : Uint16Array;
    const old = prim.getIndices();
    prim.setIndices(doc.createAccessor().setType('SCALAR').setArray(new IndexArray(this.tris)).setBuffer(buffer));
    if (old && old.listParents().length <= 1) old.dispose();
  }
}
