/**
 * A product model as a list of named parts (three.js geometry + material), written to GLB with
 * meshopt compression. Model units are metres, +Y up, the item standing on y = 0, facing +Z.
 */
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { Document, Logger, NodeIO, type Material as GltfMaterial, type Texture as GltfTexture } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { dedup, meshopt, prune, weld } from '@gltf-transform/functions';
import { MeshoptEncoder, MeshoptDecoder } from 'meshoptimizer';
import type { Texture } from './texture';

export interface MaterialSpec {
  /** Base colour as '#rrggbb'. */
  color: string;
  metalness?: number;
  roughness?: number;
  map?: Texture;
  /** Decals: blend the map's alpha. */
  transparent?: boolean;
  opacity?: number;
  doubleSided?: boolean;
}

/** How a part answers the examiner's UV lamp (stored as node extras, read by the stage). */
export interface UvResponse {
  /** Colour the part fluoresces under UV, e.g. '#40a0ff' for paper with optical brightener. */
  uvGlow?: string;
  /** Invisible in daylight, seen only under UV (covert ink). */
  uvOnly?: boolean;
}

export interface PartOptions extends UvResponse {
  position?: [number, number, number];
  /** Euler angles in radians (XYZ). */
  rotation?: [number, number, number];
  scale?: [number, number, number];
}

interface Part {
  name: string;
  geometry: THREE.BufferGeometry;
  material: MaterialSpec;
  opts: PartOptions;
}

export class ModelBuilder {
  private parts: Part[] = [];

  /** Adds a named part. Parts added under the same name are merged into one mesh (one draw call). */
  add(name: string, geometry: THREE.BufferGeometry, material: MaterialSpec, opts: PartOptions = {}): this {
    const g = geometry.index ? geometry.toNonIndexed() : geometry.clone();
    if (!g.getAttribute('normal')) g.computeVertexNormals();
    if (!g.getAttribute('uv')) {
      const count = g.getAttribute('position').count;
      g.setAttribute('uv', new THREE.Float32BufferAttribute(new Float32Array(count * 2), 2));
    }
    const m = new THREE.Matrix4().compose(
      new THREE.Vector3(...(opts.position ?? [0, 0, 0])),
      new THREE.Quaternion().setFromEuler(new THREE.Euler(...(opts.rotation ?? [0, 0, 0]))),
      new THREE.Vector3(...(opts.scale ?? [1, 1, 1])),
    );
    g.applyMatrix4(m);
    for (const k of Object.keys(g.attributes)) if (!['position', 'normal', 'uv'].includes(k)) g.deleteAttribute(k);
    const existing = this.parts.find((p) => p.name === name);
    if (existing) {
      existing.geometry = mergeGeometries([existing.geometry, g])!;
    } else {
      this.parts.push({ name, geometry: g, material, opts: { uvGlow: opts.uvGlow, uvOnly: opts.uvOnly } });
    }
    return this;
  }

  triangles(): number {
    return this.parts.reduce((n, p) => n + p.geometry.getAttribute('position').count / 3, 0);
  }

  /** Axis-aligned bounds of all parts, for checks and framing. */
  bounds(): THREE.Box3 {
    const box = new THREE.Box3();
    for (const p of this.parts) {
      p.geometry.computeBoundingBox();
      box.union(p.geometry.boundingBox!);
    }
    return box;
  }

  async toGLB(name: string): Promise<Uint8Array> {
    const doc = new Document().setLogger(new Logger(Logger.Verbosity.ERROR));
    const buffer = doc.createBuffer();
    const scene = doc.createScene(name);
    const root = doc.createNode(name);
    scene.addChild(root);
    const textures = new Map<Texture, GltfTexture>();
    const materials = new Map<MaterialSpec, GltfMaterial>();
    for (const part of this.parts) {
      const g = part.geometry;
      const prim = doc.createPrimitive();
      for (const [attr, gltfName] of [['position', 'POSITION'], ['normal', 'NORMAL'], ['uv', 'TEXCOORD_0']] as const) {
        const a = g.getAttribute(attr) as THREE.BufferAttribute;
        const array = new Float32Array(a.array);
        // three's UV origin is bottom-left, glTF's top-left.
        if (attr === 'uv') for (let i = 1; i < array.length; i += 2) array[i] = 1 - array[i]!;
        prim.setAttribute(gltfName, doc.createAccessor().setType(attr === 'uv' ? 'VEC2' : 'VEC3').setArray(array).setBuffer(buffer));
      }
      prim.setMaterial(materialFor(doc, part.material, materials, textures));
      const mesh = doc.createMesh(part.name).addPrimitive(prim);
      const node = doc.createNode(part.name).setMesh(mesh);
      const extras: Record<string, unknown> = {};
      if (part.opts.uvGlow) extras.uvGlow = part.opts.uvGlow;
      if (part.opts.uvOnly) extras.uvOnly = true;
      if (Object.keys(extras).length) node.setExtras(extras);
      root.addChild(node);
    }
    await MeshoptEncoder.ready;
    doc.createExtension(KHRMeshQuantization);
    await doc.transform(dedup(), prune(), weld(), meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
    const io = new NodeIO().registerExtensions([EXTMeshoptCompression, KHRMeshQuantization]).registerDependencies({
      'meshopt.encoder': MeshoptEncoder,
      'meshopt.decoder': MeshoptDecoder,
    });
    return io.writeBinary(doc);
  }
}

function materialFor(
  doc: Document,
  spec: MaterialSpec,
  materials: Map<MaterialSpec, GltfMaterial>,
  textures: Map<Texture, GltfTexture>,
): GltfMaterial {
  const known = materials.get(spec);
  if (known) return known;
  const c = new THREE.Color(spec.color); // sRGB hex; glTF factors are linear
  c.convertSRGBToLinear();
  const m = doc
    .createMaterial()
    .setBaseColorFactor([c.r, c.g, c.b, spec.opacity ?? 1])
    .setMetallicFactor(spec.metalness ?? 0)
    .setRoughnessFactor(spec.roughness ?? 0.6)
    .setDoubleSided(spec.doubleSided ?? false);
  if (spec.transparent || (spec.opacity ?? 1) < 1) m.setAlphaMode('BLEND');
  if (spec.map) {
    let t = textures.get(spec.map);
    if (!t) {
      t = doc.createTexture().setImage(spec.map.image).setMimeType(spec.map.mimeType);
      textures.set(spec.map, t);
    }
    m.setBaseColorTexture(t).setBaseColorFactor([1, 1, 1, spec.opacity ?? 1]);
  }
  materials.set(spec, m);
  return m;
}
