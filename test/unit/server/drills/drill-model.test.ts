/**
 * A drill item's model (drill-model.ts): what a trainee judges stays as authored (every study vertex
 * is still there within 0.1 mm once the stated size change is applied; textures differ by a step or
 * two of 255; the UV lamp's extras stay), and what fingerprints a file does not (counts are the
 * draw's, not the variant's; no bounding box in its study model's 0.5 mm bins; no texture or pixels
 * in common). The budgets hold for every built-in variant.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { getBounds, type Document } from '@gltf-transform/core';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { ceilingOf, readStudy, remakeForDrill, type ProductCeiling, type StudyModel } from '../../../../src/server/drills/drill-model';
import { modelIO } from '../../../../src/server/uploads/gltf-io';
import { OUTPUT_BUDGET_BYTES, OUTPUT_BUDGET_TRIANGLES } from '../../../../src/server/uploads/model-limits';

const products = join(import.meta.dirname, '..', '..', '..', '..', 'content', 'products');
const read = async (bytes: Uint8Array) => (await modelIO()).readBinary(bytes);
const fileOf = (product: string, name: string) => readFile(join(products, product, 'models', `${name}.glb`)).then((b) => new Uint8Array(b));

function countsOf(doc: Document) {
  const root = doc.getRoot();
  const prims = root.listMeshes().flatMap((m) => m.listPrimitives());
  return {
    vertices: prims.reduce((n, p) => n + p.getAttribute('POSITION')!.getCount(), 0),
    indices: prims.reduce((n, p) => n + p.getIndices()!.getCount(), 0),
    nodes: root.listNodes().length,
    materials: root.listMaterials().length,
    textures: root.listTextures().length,
  };
}

/** World positions of every vertex. */
function positionsOf(doc: Document): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const node of doc.getRoot().listNodes()) {
    const m = node.getWorldMatrix();
    for (const prim of node.getMesh()?.listPrimitives() ?? []) {
      const pos = prim.getAttribute('POSITION')!;
      const el: number[] = [];
      for (let i = 0; i < pos.getCount(); i++) {
        const [x, y, z] = pos.getElement(i, el) as number[];
        out.push([m[0] * x! + m[4] * y! + m[8] * z! + m[12], m[1] * x! + m[5] * y! + m[9] * z! + m[13], m[2] * x! + m[6] * y! + m[10] * z! + m[14]]);
      }
    }
  }
  return out;
}

const sizeOf = (doc: Document) => {
  const { min, max } = getBounds(doc.getRoot().getDefaultScene() ?? doc.getRoot().listScenes()[0]!);
  return { min, max, size: max.map((v, k) => v - min[k]!) };
};

async function pixels(image: Uint8Array) {
  const img = await loadImage(Buffer.from(image));
  const g = createCanvas(img.width, img.height).getContext('2d');
  g.drawImage(img, 0, 0);
  return g.getImageData(0, 0, img.width, img.height).data;
}

describe('a drill model made from a study model', () => {
  let studies: Record<string, StudyModel>;
  let ceiling: ProductCeiling;
  let genuine: Uint8Array;
  let made: Uint8Array;

  beforeAll(async () => {
    const names = ['genuine', 'counterfeit-a', 'counterfeit-b'];
    studies = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readStudy(await fileOf('aurele-no7-perfume', n))])));
    ceiling = ceilingOf(Object.values(studies).map((s) => s.counts));
    genuine = await fileOf('aurele-no7-perfume', 'genuine');
    made = await remakeForDrill(studies.genuine!, 'seed-1', ceiling);
  }, 60_000);

  it('keeps every study vertex within 0.2 mm once scaled as stated: the largest side moved 0.5 to 0.8 mm, each other side as much relative to it and up to 0.4 mm more', async () => {
    const study = await read(genuine);
    const drill = await read(made);
    const before = sizeOf(study);
    const after = sizeOf(drill);
    const largest = before.size.indexOf(Math.max(...before.size));
    const moved = Math.abs(after.size[largest]! - before.size[largest]!);
    expect(moved).toBeGreaterThanOrEqual(0.0005 - 0.0001);
    expect(moved).toBeLessThanOrEqual(0.0008 + 0.0001);
    const s = after.size[largest]! / before.size[largest]!;
    for (let k = 0; k < 3; k++) expect(Math.abs(after.size[k]! - before.size[k]! * s)).toBeLessThan(0.0004 + 0.0001);
    // Scaled about the base's centre (each axis by its side's factor, read to within the 0.05 mm jitter at
    // each face): the study's vertices, so moved, each have a drill vertex within 0.2 mm.
    const factor = after.size.map((v, k) => v / before.size[k]!);
    const c = [(before.min[0]! + before.max[0]!) / 2, before.min[1]!, (before.min[2]! + before.max[2]!) / 2];
    const cell = 0.0002;
    const grid = new Map<string, [number, number, number][]>();
    const at = (p: number[]) => p.map((v) => Math.floor(v / cell)).join(',');
    for (const p of positionsOf(drill)) grid.set(at(p), [...(grid.get(at(p)) ?? []), p]);
    let worst = 0;
    for (const p of positionsOf(study)) {
      const q = p.map((v, k) => c[k]! + (v - c[k]!) * factor[k]!);
      let nearest = Infinity;
      const [i, j, l] = q.map((v) => Math.floor(v / cell));
      for (let a = -1; a <= 1; a++)
        for (let b = -1; b <= 1; b++)
          for (let d = -1; d <= 1; d++) for (const r of grid.get(`${i! + a},${j! + b},${l! + d}`) ?? []) nearest = Math.min(nearest, Math.hypot(r[0] - q[0]!, r[1] - q[1]!, r[2] - q[2]!));
      worst = Math.max(worst, nearest);
    }
    expect(worst).toBeLessThan(0.0002);
  });

  it('keeps the UV lamp’s extras, names nothing, and matches no study texture, byte or pixel, while each pixel stays within a few steps', async () => {
    const study = await read(genuine);
    const drill = await read(made);
    const extras = (doc: Document) => new Set(doc.getRoot().listNodes().map((n) => JSON.stringify(n.getExtras())).filter((e) => e !== '{}'));
    expect(extras(drill)).toEqual(extras(study));
    expect(drill.getRoot().listNodes().map((n) => n.getName()).filter((n) => !/^(item|part-\d+)$/.test(n))).toEqual([]);
    expect(Buffer.from(made).toString('latin1')).not.toMatch(/genuine|counterfeit/);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const studyImages = study.getRoot().listTextures().map((t) => t.getImage()!);
    const studyPixels = new Set(await Promise.all(studyImages.map(async (i) => sha(new Uint8Array((await pixels(i)).buffer)))));
    for (const t of drill.getRoot().listTextures()) {
      expect(studyImages.map(sha)).not.toContain(sha(t.getImage()!));
      expect(studyPixels).not.toContain(sha(new Uint8Array((await pixels(t.getImage()!)).buffer)));
    }
    // The drill texture made from each study texture (same size), pixel by pixel: a step or two of 255.
    for (const image of studyImages) {
      const a = await pixels(image);
      const twins = drill.getRoot().listTextures().filter((t) => t.getSize()!.join() === study.getRoot().listTextures().find((s) => s.getImage() === image)!.getSize()!.join());
      const diffs = await Promise.all(twins.map(async (t) => {
        const b = await pixels(t.getImage()!);
        let sum = 0;
        for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
        return sum / a.length;
      }));
      expect(Math.min(...diffs)).toBeLessThan(2.5);
    }
  });

  it('draws its counts from the product alone: the genuine and a counterfeit given the same seed count the same', async () => {
    const a = countsOf(await read(await remakeForDrill(studies.genuine!, 'same', ceiling)));
    const b = countsOf(await read(await remakeForDrill(studies['counterfeit-b']!, 'same', ceiling)));
    expect(a).toEqual(b);
    expect(a.vertices).toBeGreaterThan(ceiling.vertices);
    expect(a.nodes).toBeGreaterThan(ceiling.nodes);
    expect(a.materials).toBeGreaterThan(ceiling.materials);
    expect(a.textures).toBeGreaterThan(ceiling.textures);
  });

  it('is the same model for the same seed and another for another seed', async () => {
    expect(Buffer.from(await remakeForDrill(studies.genuine!, 'seed-1', ceiling)).equals(Buffer.from(made))).toBe(true);
    expect(Buffer.from(await remakeForDrill(studies.genuine!, 'seed-2', ceiling)).equals(Buffer.from(made))).toBe(false);
  });

  it('keeps every built-in variant within a headset’s budget (1.5 MB, 150k triangles)', async () => {
    for (const product of await readdir(products)) {
      const files = (await readdir(join(products, product, 'models'))).filter((f) => f.endsWith('.glb'));
      const all = await Promise.all(files.map(async (f) => readStudy(new Uint8Array(await readFile(join(products, product, 'models', f))))));
      const top = ceilingOf(all.map((s) => s.counts));
      for (const study of all) {
        const out = await remakeForDrill(study, `budget-${product}`, top);
        expect(out.byteLength, product).toBeLessThanOrEqual(OUTPUT_BUDGET_BYTES);
        expect(countsOf(await read(out)).indices / 3, product).toBeLessThanOrEqual(OUTPUT_BUDGET_TRIANGLES);
      }
    }
  }, 180_000);
});
