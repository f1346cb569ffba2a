/**
 * Uploads for the tests and the benchmark: a built-in product's GLB made by the assets-3d generator
 * (in memory, as `npm run assets` makes it), and files taken apart and put together again by hand,
 * the way a damaged or hostile upload would be.
 */
import { Document, Format, NodeIO } from '@gltf-transform/core';
import { createCanvas } from '@napi-rs/canvas';
import { seeded } from '../../../../assets-3d/lib/texture';
import { PRODUCT_SOURCES } from '../../../../assets-3d/products/index';
import { modelIO } from '../../../../src/server/uploads/gltf-io';

const made = new Map<string, Promise<Uint8Array>>();

/** A built-in product variant's GLB, as the generator writes it (meshopt-compressed, named parts, extras). */
export function productGlb(product = 'voltria-usb-c-charger', variant = 'genuine'): Promise<Uint8Array> {
  const key = `${product}/${variant}`;
  if (!made.has(key)) {
    const build = PRODUCT_SOURCES.find((p) => p.id === product)?.variants[variant];
    if (!build) throw new Error(`no built-in model ${key}`);
    made.set(key, (async () => (await build()).toGLB(key))());
  }
  return made.get(key)!;
}

/** A GLB's JSON (parsed) and binary chunk, trusting its lengths: only for files the tests made. */
export function splitGlb(glb: Uint8Array): { json: Record<string, any>; bin: Uint8Array } {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength)));
  const binStart = 20 + jsonLength;
  const bin = binStart < glb.length ? glb.subarray(binStart + 8, binStart + 8 + view.getUint32(binStart, true)) : new Uint8Array();
  return { json, bin };
}

/** A GLB of this JSON and binary chunk, with correct lengths and padding. */
export function joinGlb(json: object, bin: Uint8Array = new Uint8Array()): Uint8Array {
  const pad4 = (n: number) => Math.ceil(n / 4) * 4;
  const text = JSON.stringify(json);
  const jsonBytes = new TextEncoder().encode(text + ' '.repeat(pad4(Buffer.byteLength(text)) - Buffer.byteLength(text)));
  const binLength = pad4(bin.length);
  const length = 12 + 8 + jsonBytes.length + (bin.length ? 8 + binLength : 0);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, length, true);
  view.setUint32(12, jsonBytes.length, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(jsonBytes, 20);
  if (bin.length) {
    view.setUint32(20 + jsonBytes.length, binLength, true);
    view.setUint32(24 + jsonBytes.length, 0x004e4942, true);
    out.set(bin, 28 + jsonBytes.length);
  }
  return out;
}

/** One triangle, one named part, written by glTF-Transform: the smallest valid model. */
export async function triangleGlb(): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const position = doc.createAccessor().setType('VEC3').setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0])).setBuffer(buffer);
  const part = doc.createNode('part').setMesh(doc.createMesh('part').addPrimitive(doc.createPrimitive().setAttribute('POSITION', position)));
  doc.createScene('item').addChild(part);
  return new NodeIO().writeBinary(doc);
}

/** The same model as a .gltf text file with its buffers and images embedded as data: URIs. */
export async function embeddedGltf(glb: Uint8Array): Promise<Uint8Array> {
  const io = await modelIO();
  const { json, resources } = await io.writeJSON(await io.readBinary(glb), { format: Format.GLTF });
  const dataUri = (uri: string, mime: string) => `data:${mime};base64,${Buffer.from(resources[uri]!).toString('base64')}`;
  for (const b of json.buffers ?? []) if (b.uri) b.uri = dataUri(b.uri, 'application/octet-stream');
  for (const i of json.images ?? []) if (i.uri) i.uri = dataUri(i.uri, i.mimeType ?? 'image/png');
  return new TextEncoder().encode(JSON.stringify(json));
}

/** An opaque PNG of seeded noise (incompressible: about 3 bytes a pixel), or a half-transparent one. */
export async function noisePng(width: number, height = width, opts: { seed?: number; transparent?: boolean } = {}): Promise<Uint8Array> {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  const image = g.createImageData(width, height);
  const random = seeded(opts.seed ?? 7);
  const words = new Uint32Array(image.data.buffer);
  for (let i = 0; i < words.length; i++) words[i] = ((random() * 0x1000000) >>> 0) | (opts.transparent && i % 2 ? 0x80000000 : 0xff000000);
  g.putImageData(image, 0, 0);
  return new Uint8Array(await canvas.encode('png'));
}

/** The model with `png` as the base colour texture of its first material: a way to make uploads of any size. */
export async function withTexture(glb: Uint8Array, png: Uint8Array): Promise<Uint8Array> {
  const io = await modelIO();
  const doc = await io.readBinary(glb);
  const texture = doc.createTexture('added').setImage(png).setMimeType('image/png');
  doc.getRoot().listMaterials()[0]!.setBaseColorTexture(texture);
  return io.writeBinary(doc);
}
