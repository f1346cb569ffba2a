/**
 * Where the recognition tests find their real photos (../shared/fixtures/photos, read from there,
 * never copied into the repository), the suite that skips with a warning when they are missing, the
 * README's table of what COCO-SSD finds in each, and a runner for the `twinspect scan` CLI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';
import type { Detection } from '../../../src/domain/recognition';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export const photosDir = join(repoRoot, '..', 'shared', 'fixtures', 'photos');
export const haveFixtures = existsSync(join(photosDir, 'README.md'));
export const photo = (name: string) => join(photosDir, name);
/** How far a score may stray from the fixtures README. */
export const TOLERANCE = 0.05;

if (!haveFixtures) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPING recognition integration tests: no fixture photos at ${photosDir}\n${'!'.repeat(78)}\n`,
  );
}
export const suite = haveFixtures ? describe : describe.skip;

/** "cup 0.987", "person 0.924, backpack 0.588" from the README's "coco-ssd finds" column. */
export function readmeTable(): Map<string, { cocoClass: string; score: number }[]> {
  const table = new Map<string, { cocoClass: string; score: number }[]>();
  for (const line of readFileSync(join(photosDir, 'README.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = cells[1];
    if (!file || !/\.(jpe?g|png)$/i.test(file)) continue;
    const found = [...(cells[6] ?? '').matchAll(/([a-z][a-z ]*?) (0\.\d+)/g)].map((m) => ({ cocoClass: m[1]!.trim(), score: Number(m[2]) }));
    table.set(file, found);
  }
  return table;
}

/** Pairs each expected detection with an unused found one of the same class and the nearest score. */
export function compare(found: Detection[], expected: { cocoClass: string; score: number }[], tolerance: number) {
  const unused = [...found];
  const misses: string[] = [];
  for (const want of expected) {
    const candidates = unused.filter((d) => d.cocoClass === want.cocoClass).sort((a, b) => Math.abs(a.score - want.score) - Math.abs(b.score - want.score));
    const got = candidates[0];
    if (!got || Math.abs(got.score - want.score) > tolerance) misses.push(`${want.cocoClass} ${want.score} (got ${got ? got.score.toFixed(3) : 'none'})`);
    if (got) unused.splice(unused.indexOf(got), 1);
  }
  return { misses, extra: unused.map((d) => d.cocoClass) };
}

const cli = join(repoRoot, 'src', 'server', 'cli', 'twinspect.mjs');
/** `twinspect scan ARGS...` in a child Node, from the repository root. */
export const runScan = (...args: string[]) => spawnSync(process.execPath, [cli, 'scan', ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 110_000 });
