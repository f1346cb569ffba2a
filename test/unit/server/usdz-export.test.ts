/**
 * glbToUsdz beyond what the catalogue's models need: a Draco-compressed GLB (no upload keeps one, but a
 * pack could hold it) and a WebP texture (EXT_texture_webp, whose three.js plugin probes an <img> that
 * Node has not), and that the export leaves no `document` or canvas class behind.
 */
import { KHRDracoMeshCompression, EXTTextureWebP } from '@gltf-transform/extensions';
import { NodeIO } from '@gltf-transform/core';
import { createCanvas } from '@napi-rs/canvas';
import draco3d from 'draco3d';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { glbExtensionsUsed, glbToUsdz } from '../../../src/server/apple/usdz-export';
import { usdzEntries } from '../../support/usdz-zip';
import { buildGlb } from './fixture-pack';

async function webpOf(width: number, height: number): Promise<Uint8Array> {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#c03';
  g.fillRect(0, 0, width, height);
  return new Uint8Array(await canvas.encode('webp', 90));
}

/** The fixture model (nodes "body" and "label"), Draco-compressed, its body textured with a WebP image. */
async function dracoWebpGlb(): Promise<Uint8Array> {
  const io = new NodeIO().registerExtensions([KHRDracoMeshCompression, EXTTextureWebP]).registerDependencies({
    'draco3d.decoder': await draco3d.createDecoderModule(),
    'draco3d.encoder': await draco3d.createEncoderModule(),
  });
  const doc = await io.readBinary(await buildGlb());
  const material = doc.createMaterial('leather');
  const texture = doc.createTexture('grain').setImage(await webpOf(32, 16)).setMimeType('image/webp');
  material.setBaseColorTexture(texture);
  for (const mesh of doc.getRoot().listMeshes()) for (const prim of mesh.listPrimitives()) prim.setMaterial(material);
  // Texture coordinates for the texture (all zero: one texel is enough here).
  for (const mesh of doc.getRoot().listMeshes()) {
    for (const prim of mesh.listPrimitives()) {
      const count = prim.getAttribute('POSITION')!.getCount();
      prim.setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(new Float32Array(count * 2)).setBuffer(doc.getRoot().listBuffers()[0]!));
    }
  }
  doc.createExtension(EXTTextureWebP).setRequired(true);
  doc.createExtension(KHRDracoMeshCompression).setRequired(true);
  return io.writeBinary(doc);
}

describe('glbToUsdz', () => {
  it('exports a Draco-compressed GLB with a WebP texture, written as PNG', async () => {
    const glb = await dracoWebpGlb();
    expect(glbExtensionsUsed(glb).sort()).toEqual(['EXT_texture_webp', 'KHR_draco_mesh_compression']);
    const { bytes, warnings } = await glbToUsdz(glb);
    const entries = usdzEntries(bytes);
    expect(entries[0]!.name).toBe('model.usda');
    expect(entries.every((e) => e.method === 0 && e.dataOffset % 64 === 0)).toBe(true);
    const files = unzipSync(bytes);
    const usda = new TextDecoder().decode(files['model.usda']);
    expect(usda).toContain('def Xform "body"');
    expect(usda).toContain('def Xform "label"');
    const textures = Object.keys(files).filter((n) => n.startsWith('textures/'));
    expect(textures).toHaveLength(1);
    expect(textures[0]).toMatch(/\.png$/);
    expect([...files[textures[0]!]!.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    // The cube is 12 triangles, the label one: every face survives the Draco round trip.
    const geometry = Object.keys(files).filter((n) => n.startsWith('geometries/')).map((n) => new TextDecoder().decode(files[n]));
    const faces = geometry.map((g) => /int\[\] faceVertexCounts = \[([^\]]*)\]/.exec(g)![1]!.split(',').length).sort((a, b) => a - b);
    expect(faces).toEqual([1, 12]);
    // The fixture has no normals: flat ones are made (zeros would shade black in Quick Look).
    expect(warnings).toEqual(['2 meshes without normals given flat ones']);
    expect(geometry.every((g) => !g.includes('normal3f[] normals = [(0, 0, 0)'))).toBe(true);
    expect('document' in globalThis).toBe(false);
    expect('HTMLCanvasElement' in globalThis).toBe(false);
  });

  it('refuses bytes that are no GLB, saying so', async () => {
    await expect(glbToUsdz(new TextEncoder().encode('{"asset":{"version":"2.0"}}'))).rejects.toThrow(/not a GLB file/);
  });
});
