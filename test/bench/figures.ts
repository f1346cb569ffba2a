/** Figures read without a browser: bundle sizes and the built-in models' sizes and triangles. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';

export interface BundleFigures {
  mainChunkGzipKB: number;
  stageChunkGzipKB: number;
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** A chunk and every chunk it imports statically: what the browser must load before it runs. */
function closure(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key]?.imports ?? []) closure(manifest, k, seen);
  return seen;
}

/** The entry's chunks, and what opening a product adds: the 3D stage, loaded on demand. */
export function bundleFigures(dist: string): BundleFigures {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  const stage = Object.keys(manifest).find((k) => k.endsWith('src/app/ComparePage.tsx'));
  if (!entry || !stage) throw new Error('dist/.vite/manifest.json names no entry or no ComparePage chunk');
  const gz = (keys: Iterable<string>) => [...keys].reduce((n, k) => n + gzipSync(readFileSync(join(dist, manifest[k]!.file))).byteLength, 0);
  const main = closure(manifest, entry);
  const stageOnly = [...closure(manifest, stage)].filter((k) => !main.has(k));
  return { mainChunkGzipKB: kb(gz([entry])), stageChunkGzipKB: kb(gz(stageOnly)) };
}

export interface ModelFigure {
  model: string;
  kB: number;
  triangles: number;
  drawCalls: number;
}

export async function modelFigures(contentDir: string): Promise<ModelFigure[]> {
  await MeshoptDecoder.ready;
  const io = new NodeIO().registerExtensions([EXTMeshoptCompression, KHRMeshQuantization]).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  const out: ModelFigure[] = [];
  for (const product of readdirSync(join(contentDir, 'products'))) {
    const dir = join(contentDir, 'products', product, 'models');
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.glb'));
    } catch {
      continue;
    }
    for (const f of files) {
      const doc = await io.read(join(dir, f));
      let triangles = 0;
      let drawCalls = 0;
      for (const mesh of doc.getRoot().listMeshes()) {
        for (const prim of mesh.listPrimitives()) {
          drawCalls++;
          triangles += (prim.getIndices()?.getCount() ?? prim.getAttribute('POSITION')!.getCount()) / 3;
        }
      }
      out.push({ model: `${product}/${f}`, kB: kb(statSync(join(dir, f)).size), triangles, drawCalls });
    }
  }
  return out;
}
