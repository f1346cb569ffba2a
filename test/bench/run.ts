/**
 * npm run bench [-- --json] [-- --quick]: the product's speed and size figures, printed, never asserted.
 * Targets: main chunk <= 400 kB gzip; a variant GLB <= 1.5 MB and 150k triangles; the comparison
 * scene < 100 draw calls and 300k triangles; fps at least 0.9x an empty canvas measured in the same run;
 * live sessions: 20 sessions of 30 in one process with presence p99 under 100 ms and no answer lost.
 */
import { join } from 'node:path';
import { launchBrowser } from '../e2e/support/browser';
import { buildApp, root, startApp } from '../e2e/support/app-server';
import { bundleFigures, modelFigures } from './figures';
import { median, sceneFigures, type SceneFigures } from './browser-figures';
import { formatFigure, measureDrillFigures, type Figure } from './drill-figures';
import { measureScanFigures } from './scan-figures';
import { measureSessionFigures } from './session-figures';
import { measureUploadFigures } from './upload-figures';
import { measureHostileFigures } from './hostile-figures';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const log = (...a: unknown[]) => !json && console.log(...a);

await buildApp();
const bundle = bundleFigures(join(root, 'dist'));
const models = await modelFigures(join(root, 'content'));
const app = await startApp();
const browser = await launchBrowser();
const scenes: SceneFigures[] = [];
let scans: Figure[] = [];
try {
  const catalogue = (await (await fetch(`${app.baseUrl}/api/catalogue`)).json()) as { id: string }[];
  const only = process.argv.find((a) => a.startsWith('--product='))?.slice(10);
  const products = only ? catalogue.filter((p) => p.id === only) : quick ? catalogue.slice(0, 1) : catalogue;
  // Each product once, each beside its own empty-canvas run; the headline ratio is the median over products.
  for (const p of products) scenes.push(await sceneFigures(browser, app.baseUrl, p.id, 1, quick ? 2 : 4));
  // Scanning: Node (wasm) and the Scan page in Chromium; parts that cannot run print a note and are skipped.
  scans = await measureScanFigures({ quick, baseUrl: app.baseUrl, browser });
} finally {
  await browser.close();
  await app.stop();
}
const drills = await measureDrillFigures({ quick });
// Live sessions: one server process and a load process of simulated participants (see session-figures.ts).
const sessions = await measureSessionFigures({ quick });
const uploads = await measureUploadFigures({ quick });
// Hostile uploads: peak memory per check on a fresh worker, /healthz p99 and the server's event-loop delay while two run (server and uploaders in processes of their own).
const hostile = await measureHostileFigures({ quick });

const report = {
  bundle: { ...bundle, mainChunkBudgetKB: 400, mainChunkRatioToBudget: Math.round((bundle.mainChunkGzipKB / 400) * 100) / 100 },
  models: {
    largestKB: Math.max(...models.map((m) => m.kB)),
    mostTriangles: Math.max(...models.map((m) => m.triangles)),
    budgetKB: 1536,
    budgetTriangles: 150_000,
    variants: models,
  },
  scenes,
  medianFpsRatio: Number(median(scenes.map((s) => s.fpsRatio)).toFixed(3)),
  drills,
  scans,
  uploads,
  hostile,
  sessions: { figures: sessions.figures, steps: sessions.steps, largestParticipantsHeld: sessions.largestHeld },
  note: 'fps in headless Chromium with SwiftShader (software WebGL) on a shared 2-core machine; medians of alternating runs.',
};

if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  log(`Main chunk: ${bundle.mainChunkGzipKB} kB gzip (budget 400 kB, ${report.bundle.mainChunkRatioToBudget}x); 3D stage chunk, loaded on demand: ${bundle.stageChunkGzipKB} kB gzip`);
  log('\nModels (budget 1536 kB, 150000 triangles):');
  for (const m of models) log(`  ${m.model.padEnd(48)} ${String(m.kB).padStart(7)} kB ${String(m.triangles).padStart(7)} tris ${String(m.drawCalls).padStart(3)} draws`);
  log('\nComparison scene (median; empty canvas measured in the same run):');
  log(`  median fps ratio over products: ${report.medianFpsRatio}x (aim: 0.9x)`);
  for (const s of scenes) log(`  ${s.product.padEnd(26)} ${s.fps} fps vs empty ${s.emptyFps} fps = ${s.fpsRatio}x · ${s.drawCalls} draw calls · ${s.triangles} tris · first frame ${s.firstFrameMs} ms · with models ${s.modelsFrameMs} ms`);
  log('\nDrills and the API (medians; each beside its baseline measured in the same run):');
  for (const f of drills) log(`  ${formatFigure(f)}`);
  log('\nScanning (medians; each beside its baseline measured in the same run):');
  for (const f of scans) log(`  ${formatFigure(f)}`);
  log('\nModel uploads, checked and optimised (medians; ratios against the 1 MB upload measured in the same run):');
  for (const f of uploads) log(`  ${formatFigure(f)}`);
  log('\nHostile uploads (peaks above the server at rest; /healthz p99 beside idle, measured in the same run):');
  for (const f of hostile) log(`  ${formatFigure(f)}`);
  log('\nLive sessions (medians; each beside one session of 30 measured in the same run):');
  for (const f of sessions.figures) log(`  ${formatFigure(f)}`);
}
