/** What the studio makes of an accepted upload: a headset-sized GLB that three.js reads, with the parts tells refer to. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImageUtils, type Document } from '@gltf-transform/core';
import { getBounds } from '@gltf-transform/functions';
import { loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { modelIO } from '../../../../src/server/uploads/gltf-io';
import { checkModel } from '../../../../src/server/uploads/model-check';
import { OUTPUT_BUDGET_BYTES } from '../../../../src/server/uploads/model-limits';
import { guessUnit, optimiseModel } from '../../../../src/server/uploads/model-optimise';
import { embeddedGltf, noisePng, productGlb, withTexture } from './upload-fixtures';

const read = async (bytes: Uint8Array) => (await modelIO()).readBinary(bytes);
const partsOf = (doc: Document) => Object.fromEntries(doc.getRoot().listNodes().map((n) => [n.getName(), n.getExtras()]));
const sizesOf = (doc: Document) => doc.getRoot().listTextures().map((t) => [...ImageUtils.getSize(t.getImage()!, t.getMimeType())!, t.getMimeType()]);

describe('optimiseModel', () => {
  it('keeps a built-in product within budget, with every part name and its extras, and the result passes the check', async () => {
    const glb = await productGlb();
    const result = await optimiseModel(glb);
    expect(result.withinBudget).toBe(true);
    expect(result.budgetMessage).toBeUndefined();
    expect(result.after.bytes).toBe(result.bytes.byteLength);
    expect(result.after.bytes).toBeLessThanOrEqual(OUTPUT_BUDGET_BYTES);
    expect(result.units).toMatchObject({ unit: 'm', guessed: true, scale: 1 });
    const [before, after] = [partsOf(await read(glb)), partsOf(await read(result.bytes))];
    expect(before['uv-mark']).toEqual({ uvGlow: '#8fd8ff', uvOnly: true });
    expect(after).toEqual(before);
    expect(result.after).toMatchObject({ nodes: result.before.nodes, triangles: result.before.triangles, textures: result.before.textures });
    const check = await checkModel(result.bytes, 'optimised.glb');
    expect(check.ok && check.report.validator.errors).toBe(0);
  });

  it('reads a .gltf with embedded data as it reads the GLB', async () => {
    const glb = await productGlb();
    const result = await optimiseModel(await embeddedGltf(glb));
    expect(partsOf(await read(result.bytes))).toEqual(partsOf(await read(glb)));
    expect(result.withinBudget).toBe(true);
  });

  it("gives three.js's GLTFLoader named meshes, extras as userData and textures it can decode", async () => {
    const result = await optimiseModel(await productGlb());
    const globals = globalThis as { self?: unknown; createImageBitmap?: unknown };
    globals.self = globalThis;
    globals.createImageBitmap = async (blob: Blob) => Object.assign(await loadImage(Buffer.from(await blob.arrayBuffer())), { close() {} });
    try {
      const { GLTFLoader } = await import('three/examples/jsm/loaders/GLTFLoader.js');
      const { MeshoptDecoder } = await import('three/examples/jsm/libs/meshopt_decoder.module.js');
      const copy = result.bytes.slice().buffer;
      const gltf = await new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).parseAsync(copy, '');
      const meshes: { name: string; userData: Record<string, unknown>; mapWidth?: number }[] = [];
      gltf.scene.traverse((o) => {
        const mesh = o as unknown as { isMesh?: boolean; name: string; userData: Record<string, unknown>; material: { map?: { image?: { width: number } } } };
        if (mesh.isMesh) meshes.push({ name: mesh.name, userData: mesh.userData, mapWidth: mesh.material.map?.image?.width });
      });
      expect(meshes.map((m) => m.name)).toEqual(expect.arrayContaining(['body', 'label', 'uv-mark']));
      expect(meshes.find((m) => m.name === 'uv-mark')!.userData).toMatchObject({ uvGlow: '#8fd8ff', uvOnly: true });
      expect(meshes.filter((m) => (m.mapWidth ?? 0) > 0).length).toBeGreaterThan(0);
    } finally {
      delete globals.self;
      delete globals.createImageBitmap;
    }
  });

  it('scales a model exported in millimetres to metres, centres it on X and Z, and stands it on y = 0', async () => {
    const io = await modelIO();
    const doc = await read(await productGlb());
    const scene = doc.getRoot().listScenes()[0]!;
    const { min, max } = getBounds(scene);
    for (const node of scene.listChildren()) node.setScale([1000, 1000, 1000]).setTranslation([450, 120, -300]);
    const result = await optimiseModel(await io.writeBinary(doc));
    const size = [0, 1, 2].map((i) => max[i]! - min[i]!);
    expect(result.units).toMatchObject({ unit: 'mm', guessed: true, scale: 0.001 });
    expect(result.units.largestExtent).toBeCloseTo(Math.max(...size) * 1000, 0);
    const out = getBounds((await read(result.bytes)).getRoot().listScenes()[0]!);
    for (const i of [0, 1, 2]) expect(out.max[i]! - out.min[i]!).toBeCloseTo(size[i]!, 3);
    expect(out.min[1]).toBeCloseTo(0, 4);
    expect((out.min[0] + out.max[0]) / 2).toBeCloseTo(0, 4);
    expect((out.min[2] + out.max[2]) / 2).toBeCloseTo(0, 4);
  });

  it('reads the unit the author names, and otherwise guesses it from the largest extent', async () => {
    expect([0.3, 19, 21, 62, 450].map(guessUnit)).toEqual(['m', 'm', 'mm', 'mm', 'mm']);
    const result = await optimiseModel(await productGlb(), { unit: 'cm' });
    expect(result.units).toMatchObject({ unit: 'cm', guessed: false, scale: 0.01 });
  });

  it('scales textures over 2048 px down: opaque ones to JPEG, transparent ones kept as PNG', async () => {
    const opaque = await withTexture(await productGlb(), await noisePng(3000, 1500));
    const opaqueOut = sizesOf(await read((await optimiseModel(opaque)).bytes));
    expect(opaqueOut).toContainEqual([2048, 1024, 'image/jpeg']);
    const transparent = await withTexture(await productGlb(), await noisePng(2500, 100, { transparent: true }));
    const transparentOut = sizesOf(await read((await optimiseModel(transparent)).bytes));
    expect(transparentOut).toContainEqual([2048, 82, 'image/png']);
    for (const [w, h] of [...opaqueOut, ...transparentOut]) expect(Math.max(w as number, h as number)).toBeLessThanOrEqual(2048);
  });

  it('tells the author why a model is over budget, naming what takes the room', async () => {
    const result = await optimiseModel(await withTexture(await productGlb(), await noisePng(2048)));
    expect(result.withinBudget).toBe(false);
    expect(result.after.bytes).toBeGreaterThan(OUTPUT_BUDGET_BYTES);
    expect(result.budgetMessage).toMatch(/^The optimised model is over a headset's budget of 1\.5 MB and 150,000 triangles per variant: textures are [\d.]+ MB of the [\d.]+ MB/);
  });
});

describe('the upload pipeline is pure', () => {
  it('leaves the uploaded bytes as they were', async () => {
    const glb = await productGlb();
    const digest = () => createHash('sha256').update(glb).digest('hex');
    const before = digest();
    await checkModel(glb, 'charger.glb');
    await optimiseModel(glb);
    expect(digest()).toBe(before);
  });

  it('stores nothing: no module of it reaches the file system, the database or the network', () => {
    const dir = join(import.meta.dirname, '../../../../src/server/uploads');
    const modules = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(modules).toContain('model-check.ts');
    for (const file of modules) {
      const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports.filter((i) => /^(node:)?(fs|net|http|https|child_process)(\/|$)|\/db\//.test(i!)), file).toEqual([]);
    }
  });
});
