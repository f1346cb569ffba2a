/** A drill's model names nothing: no variant, no part that could be named after a tell. */
import { Document, NodeIO } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { anonymiseGlb } from '../../../src/server/drills/anonymous-glb';

async function namedGlb(): Promise<Buffer> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor('serial-sticker-positions').setType('VEC3').setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0])).setBuffer(buffer))
    .setMaterial(doc.createMaterial('counterfeit-gold'));
  const sticker = doc.createNode('serial-sticker').setMesh(doc.createMesh('serial-sticker').addPrimitive(prim)).setExtras({ uvGlow: '#7dffb0', uvOnly: true });
  doc.createScene('pods/counterfeit-b').addChild(doc.createNode('pods/counterfeit-b').addChild(sticker));
  return Buffer.from(await new NodeIO().writeBinary(doc));
}

describe('anonymiseGlb', () => {
  it('renames the scene, the root and every part, keeps the extras, and still reads as glTF', async () => {
    const out = anonymiseGlb(await namedGlb());
    const text = out.toString('latin1');
    for (const leak of ['counterfeit', 'serial-sticker', 'pods/']) expect(text).not.toContain(leak);
    const doc = await new NodeIO().readBinary(new Uint8Array(out));
    const root = doc.getRoot();
    expect(root.listScenes()[0]!.getName()).toBe('item');
    const [item, ...parts] = [...root.listNodes()].sort((a, b) => (a.getName() === 'item' ? -1 : b.getName() === 'item' ? 1 : 0));
    expect(item!.getName()).toBe('item');
    expect(parts.map((n) => n.getName())).toEqual([expect.stringMatching(/^part-\d+$/)]);
    expect(parts[0]!.getExtras()).toEqual({ uvGlow: '#7dffb0', uvOnly: true });
    expect(root.listMeshes()[0]!.listPrimitives()[0]!.getAttribute('POSITION')!.getCount()).toBe(3);
    expect(out.length % 4).toBe(0);
  });

  it('refuses what is not a GLB', () => {
    expect(() => anonymiseGlb(Buffer.from('{"asset":{}}'))).toThrow(/not a GLB/);
  });
});
