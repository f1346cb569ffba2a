/**
 * A small valid content pack written into a temp folder, with real GLB files (one plain, one meshopt
 * compressed and quantized) so that node and surface checks run. Shared by unit and integration tests.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Document, Logger, NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { quantize } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import type { Product, Tell } from '../../../src/domain/catalogue';

/**
 * The model: node "body", a 0.2 m cube centred at (0, 0.1, 0) (its top face is y = 0.2), and its child
 * "label", one triangle in the plane z = 0.1 + 0.001 in front of the cube's front face.
 */
export async function buildGlb(opts: { compressed?: boolean } = {}): Promise<Uint8Array> {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
  const buffer = doc.createBuffer();
  const h = 0.1;
  const corners = [
    [-h, -h, -h], [h, -h, -h], [h, h, -h], [-h, h, -h],
    [-h, -h, h], [h, -h, h], [h, h, h], [-h, h, h],
  ].flat();
  const faces = [0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 3, 7, 6, 3, 6, 2, 0, 4, 7, 0, 7, 3, 1, 2, 6, 1, 6, 5];
  const cube = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(corners)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(faces)).setBuffer(buffer));
  const tri = doc
    .createPrimitive()
    .setAttribute(
      'POSITION',
      doc.createAccessor().setType('VEC3').setArray(new Float32Array([-0.05, -0.05, 0, 0.05, -0.05, 0, 0, 0.05, 0])).setBuffer(buffer),
    );
  const label = doc.createNode('label').setMesh(doc.createMesh('label').addPrimitive(tri)).setTranslation([0, 0, 0.101]);
  const body = doc.createNode('body').setMesh(doc.createMesh('body').addPrimitive(cube)).setTranslation([0, 0.1, 0]).addChild(label);
  doc.createScene('scene').addChild(body);
  const io = new NodeIO();
  if (opts.compressed) {
    await MeshoptEncoder.ready;
    await MeshoptDecoder.ready;
    doc.createExtension(EXTMeshoptCompression).setRequired(true).setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.QUANTIZE });
    await doc.transform(quantize());
    io.registerExtensions([EXTMeshoptCompression, KHRMeshQuantization]).registerDependencies({
      'meshopt.encoder': MeshoptEncoder,
      'meshopt.decoder': MeshoptDecoder,
    });
  }
  return io.writeBinary(doc);
}

/** A tell for tests: only what a test names differs from a plausible default. */
export function fixtureTell(id: string, o: { category?: Tell['category']; at?: Tell['at']; tolerance?: number } = {}): Tell {
  const at = o.at ?? { position: [0, 0.2, 0], normal: [0, 1, 0], node: 'body' };
  return {
    id,
    title: `Tell ${id}`,
    category: o.category ?? 'logo-typography',
    iso: 'overt',
    tool: 'naked-eye',
    genuine: 'Crisp, even print.',
    counterfeit: 'Blurred print.',
    severity: 'major',
    tolerance: o.tolerance ?? 0.02,
    at,
    genuineAt: { position: [0, 0.2, 0], normal: [0, 1, 0], node: 'body' },
  };
}

export function fixtureProduct(id: string, category: Product['category'] = 'handbag'): Product {
  return {
    id,
    name: `Test ${id}`,
    brand: 'Testbrand',
    category,
    hsCode: '4202.21',
    description: 'A product for tests.',
    cocoClasses: ['handbag'],
    photos: [],
    variants: [
      { id: 'genuine', kind: 'genuine', label: 'Genuine', model: 'models/genuine.glb', weightGrams: 500, provenance: 'Test', tells: [] },
      {
        id: 'fake-a',
        kind: 'counterfeit',
        label: 'Counterfeit A',
        model: 'models/fake-a.glb',
        weightGrams: 420,
        provenance: 'Test seizure',
        tells: [
          fixtureTell('logo-font'),
          fixtureTell('label-print', { category: 'label-serial-codes', at: { position: [0, 0.1, 0.101], normal: [0, 0, 1], node: 'label' } }),
        ],
      },
      {
        id: 'fake-b',
        kind: 'counterfeit',
        label: 'Counterfeit B',
        model: 'models/fake-b.glb',
        weightGrams: 430,
        provenance: 'Test seizure',
        tells: [fixtureTell('side-colour', { category: 'materials-colour', at: { position: [0.1, 0.1, 0], normal: [1, 0, 0], node: 'body' } })],
      },
    ],
  };
}

export const FIXTURE_IDS = ['test-tote', 'test-watch'] as const;

/** Writes the pack; returns its folder. Products can be replaced (e.g. broken) through `edit`. */
export async function writeFixturePack(dir?: string, edit?: (products: Product[]) => void): Promise<string> {
  const root = dir ?? (await mkdtemp(join(tmpdir(), 'twinspect-pack-')));
  const products = [fixtureProduct('test-tote'), fixtureProduct('test-watch', 'watch')];
  edit?.(products);
  const plain = await buildGlb();
  const compressed = await buildGlb({ compressed: true });
  await writeJson(join(root, 'pack.json'), { format: 'twinspect-content-pack', version: 1, title: 'Test pack', products: [...FIXTURE_IDS] });
  for (const [i, product] of products.entries()) {
    const folder = join(root, 'products', FIXTURE_IDS[i] ?? product.id);
    await writeJson(join(folder, 'product.json'), product);
    for (const name of ['genuine', 'fake-a']) await writeFileDeep(join(folder, 'models', `${name}.glb`), plain);
    await writeFileDeep(join(folder, 'models', 'fake-b.glb'), compressed);
  }
  return root;
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFileDeep(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function writeFileDeep(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, data);
}
