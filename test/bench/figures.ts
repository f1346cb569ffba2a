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

/** The entry chunk named by dist/index.html, and the lazily loaded stage chunk. */
export function bundleFigures(dist: string): BundleFigures {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /src="\/(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/index.html names no entry chunk');
  const stage = readdirSync(join(dist, 'assets')).find((f) => f.startsWith('ComparePage-') && f.endsWith('.js'));
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f))).byteLength;
  return { mainChunkGzipKB: kb(gz(entry)), stageChunkGzipKB: stage ? kb(gz(join('assets', stage))) : 0 };
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
