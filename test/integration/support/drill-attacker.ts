/**
 * An attacker who never looks at a model the way a trainee does: it fingerprints each GLB by the
 * features issue 16 lists (the file, each buffer view, each texture's bytes and decoded pixels, the
 * vertex, index and triangle counts (in all, and per part), the node and material counts, the
 * bounding box to 0.5 mm), matches an item against the product's public study files and the items
 * of earlier drills whose key was revealed, and names the variant of its best match.
 *
 * It learns which features to trust: a feature is used once its matches have named the right
 * variant at least `TRUST` of the time (a feature that matches by chance, as small counts do, names
 * the right variant about as often as the wrong one and is left out). Where nothing trusted
 * matches, or its best matches disagree, it has no answer and a guess is worth one half.
 */
import { createHash } from 'node:crypto';
import { getBounds } from '@gltf-transform/core';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { modelIO } from '../../../src/server/uploads/gltf-io';

export type Fingerprint = Map<string, Set<string>>;

interface Reference {
  variantId: string;
  fingerprint: Fingerprint;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('base64');
const TRUST = 0.7;

interface GltfJson {
  bufferViews?: { buffer: number; byteOffset?: number; byteLength: number }[];
  accessors?: { count: number }[];
  meshes?: { primitives: { attributes: Record<string, number>; indices?: number }[] }[];
  nodes?: unknown[];
  materials?: unknown[];
  images?: { bufferView?: number }[];
}

async function pixelsOf(image: Uint8Array): Promise<string> {
  const decoded = await loadImage(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
  const canvas = createCanvas(decoded.width, decoded.height);
  const g = canvas.getContext('2d');
  g.drawImage(decoded, 0, 0);
  return `${decoded.width}x${decoded.height}:${sha(new Uint8Array(g.getImageData(0, 0, decoded.width, decoded.height).data.buffer))}`;
}

export async function fingerprintOf(glb: Uint8Array): Promise<Fingerprint> {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength))) as GltfJson;
  const binStart = 20 + jsonLength + 8;
  const bin = glb.subarray(binStart, binStart + view.getUint32(20 + jsonLength, true));
  const slice = (i: number) => {
    const bv = json.bufferViews![i]!;
    return bv.buffer === 0 ? bin.subarray(bv.byteOffset ?? 0, (bv.byteOffset ?? 0) + bv.byteLength) : undefined;
  };
  const f: Fingerprint = new Map();
  const add = (feature: string, value: string) => f.set(feature, (f.get(feature) ?? new Set()).add(value));
  add('file', sha(glb));
  add('buffer', sha(bin));
  (json.bufferViews ?? []).forEach((_, i) => {
    const s = slice(i);
    if (s?.length) add('buffer view', sha(s));
  });
  for (const image of json.images ?? []) {
    const bytes = image.bufferView === undefined ? undefined : slice(image.bufferView);
    if (!bytes) continue;
    add('texture', sha(bytes));
    add('texture pixels', await pixelsOf(bytes));
  }
  const count = (i: number | undefined) => (i === undefined ? 0 : (json.accessors?.[i]?.count ?? 0));
  const prims = (json.meshes ?? []).flatMap((m) => m.primitives);
  const vertices = prims.reduce((n, p) => n + count(p.attributes.POSITION), 0);
  const indices = prims.reduce((n, p) => n + count(p.indices), 0);
  add('vertex count', String(vertices));
  add('index count', String(indices));
  add('triangle count', String(Math.floor(indices / 3)));
  add('node count', String(json.nodes?.length ?? 0));
  add('material count', String(json.materials?.length ?? 0));
  add('texture count', String(json.images?.length ?? 0));
  add('all counts', [vertices, indices, json.nodes?.length, json.materials?.length, json.images?.length].join('/'));
  for (const p of prims) add('part counts', `${count(p.attributes.POSITION)}/${count(p.indices)}`);
  const doc = await (await modelIO()).readBinary(glb);
  const { min, max } = getBounds(doc.getRoot().getDefaultScene() ?? doc.getRoot().listScenes()[0]!);
  const half = (m: number) => Math.round(m * 2000); // 0.5 mm bins
  add('bounding box', min.map((v, k) => half(max[k]! - v)).join('/'));
  add('bounding box faces', [...min, ...max].map(half).join('/'));
  return f;
}

export function createAttacker() {
  const refs = new Map<string, Reference[]>();
  /** Per feature: how often a match named the right variant, and how often it matched. */
  const record = new Map<string, { right: number; all: number }>();
  const trusted = (feature: string) => {
    const r = record.get(feature);
    return !!r && (r.right + 1) / (r.all + 2) >= TRUST;
  };
  const matches = (a: Fingerprint, b: Fingerprint) =>
    [...a].filter(([feature, values]) => [...values].some((v) => b.get(feature)?.has(v))).map(([feature]) => feature);

  return {
    addReference(productId: string, variantId: string, fingerprint: Fingerprint): void {
      refs.set(productId, [...(refs.get(productId) ?? []), { variantId, fingerprint }]);
    },

    /** The variant its best trusted match names, or undefined when it cannot tell. */
    guess(productId: string, fingerprint: Fingerprint): string | undefined {
      let best = 0;
      let named = new Set<string>();
      for (const ref of refs.get(productId) ?? []) {
        const score = matches(fingerprint, ref.fingerprint).filter(trusted).length;
        if (score > best) (best = score), (named = new Set([ref.variantId]));
        else if (score === best && score > 0) named.add(ref.variantId);
      }
      return named.size === 1 ? [...named][0] : undefined;
    },

    /** After the key is revealed: how each feature's matches did, then the item joins the references. */
    learn(productId: string, variantId: string, fingerprint: Fingerprint): void {
      for (const ref of refs.get(productId) ?? []) {
        for (const feature of matches(fingerprint, ref.fingerprint)) {
          const r = record.get(feature) ?? { right: 0, all: 0 };
          r.all++;
          if (ref.variantId === variantId) r.right++;
          record.set(feature, r);
        }
      }
      this.addReference(productId, variantId, fingerprint);
    },

    /** Each feature's record, for the test's message. */
    report(): string {
      return [...record].map(([f, r]) => `${f}: ${r.right}/${r.all}${trusted(f) ? ' (trusted)' : ''}`).join('; ');
    },
  };
}
