/**
 * `twinspect scan PHOTO... [--json] [--content DIR]`: the recognition pipeline on still photos, in Node
 * with the wasm backend. Dispatched by src/server/cli/twinspect.mjs (kept out of ../server/cli/main.ts
 * so that the server never loads TensorFlow.js).
 *
 * Exit codes: 0 scanned, 1 a photo is missing or undecodable (or the pack / model failed to load),
 * 2 wrong usage.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { textIn } from '../domain/local-text';
import type { Detection, ScanOutcome } from '../domain/recognition';
import { catalogueEntries, decodeImageFile, ImageFileError, loadNodeDetector, REPO_ROOT, scanImage } from './scan-node';
import type { RgbaPixels } from './detector';

export const SCAN_USAGE = `Usage: twinspect scan PHOTO... [--json] [--content DIR]

Finds objects in each photo with COCO-SSD (lite_mobilenet_v2, wasm backend, maxBoxes 20, minScore 0.5)
and matches them to the products of a content pack (default ./content, else the built-in one).
  --json          Print { photos: [{ file, width, height, detections, matches, noMatch }] }.
  --content DIR   The content pack to match against.

Exit codes: 0 scanned, 1 a photo is missing or not an image (or the pack could not be read), 2 wrong usage.`;

export interface ScanIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `argv` is what follows `scan` on the command line. */
export async function runScan(argv: string[], io: ScanIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(SCAN_USAGE);
    return 0;
  }
  let json = false;
  let contentDir: string | undefined;
  const photos: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--content' || arg.startsWith('--content=')) {
      const value = arg === '--content' ? argv[++i] : arg.slice('--content='.length);
      if (!value) {
        io.err(`twinspect scan: --content needs a folder\n\n${SCAN_USAGE}`);
        return 2;
      }
      contentDir = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      io.err(`twinspect scan: unknown option ${arg}\n\n${SCAN_USAGE}`);
      return 2;
    } else photos.push(arg);
  }
  if (photos.length === 0) {
    io.err(`twinspect scan: no photo given\n\n${SCAN_USAGE}`);
    return 2;
  }

  // Decode every photo first: a bad file fails fast, before the model loads.
  const images: RgbaPixels[] = [];
  for (const photo of photos) {
    try {
      images.push(await decodeImageFile(photo));
    } catch (error) {
      io.err(`twinspect scan: ${error instanceof ImageFileError ? error.message : `${photo}: ${String(error)}`}`);
      return 1;
    }
  }

  const dir = resolve(contentDir ?? (existsSync(join('content', 'pack.json')) ? 'content' : join(REPO_ROOT, 'content')));
  let detector;
  try {
    detector = await loadNodeDetector();
  } catch (error) {
    io.err(`twinspect scan: could not load the detector: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  try {
    let catalogue;
    try {
      catalogue = await catalogueEntries(dir, { detector });
    } catch (error) {
      io.err(`twinspect scan: could not read the content pack: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    const results: { file: string; width: number; height: number; outcome: ScanOutcome }[] = [];
    for (const [i, image] of images.entries()) {
      results.push({ file: photos[i]!, width: image.width, height: image.height, outcome: await scanImage(detector, image, catalogue) });
    }
    if (json) {
      io.out(
        JSON.stringify(
          {
            photos: results.map(({ file, width, height, outcome }) => ({
              file,
              width,
              height,
              detections: outcome.detections,
              matches: outcome.matches,
              noMatch: outcome.noMatch,
            })),
          },
          null,
          2,
        ),
      );
    } else {
      io.out(results.map(formatResult).join('\n\n'));
    }
    return 0;
  } finally {
    detector.dispose();
  }
}

export function formatDetection(d: Detection): string {
  const [x, y, w, h] = d.box.map((v) => Math.round(v));
  return `${d.cocoClass} ${d.score.toFixed(2)} at ${x},${y} ${w}×${h}`;
}

function formatResult({ file, width, height, outcome }: { file: string; width: number; height: number; outcome: ScanOutcome }): string {
  const lines = [`${file} (${width}×${height})`];
  if (outcome.detections.length === 0) lines.push('  no objects detected');
  for (const d of outcome.detections) lines.push(`  ${formatDetection(d)}`);
  if (outcome.noMatch) lines.push('  → no matching product');
  for (const m of outcome.matches) {
    lines.push(`  → ${textIn(m.productName, 'en')} ${m.score.toFixed(2)} (${m.by})`);
  }
  return lines.join('\n');
}
