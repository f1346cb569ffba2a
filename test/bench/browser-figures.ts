/** Figures measured in headless Chromium: frame rate against an empty canvas, draw calls, time to first frame. */
import type { Browser } from 'playwright-core';
import { openPage } from '../e2e/support/browser';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function framesPerSecond(browser: Browser, url: string, seconds: number): Promise<{ fps: number; drawCalls: number; triangles: number; firstFrameMs: number; pairFrameMs: number }> {
  const { page } = await openPage(browser, url, { width: 1280, height: 720 });
  await page.waitForFunction(() => (window.__twinspect?.stats.frames ?? 0) > 5, null, { timeout: 120_000 });
  if (url.includes('product=')) await page.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: 120_000 });
  await page.waitForTimeout(500);
  const result = await page.evaluate(async (ms) => {
    const s = window.__twinspect!.stats;
    const f0 = s.frames;
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, ms));
    return { fps: ((s.frames - f0) * 1000) / (performance.now() - t0), drawCalls: s.drawCalls, triangles: s.triangles, firstFrameMs: s.firstFrameAt, pairFrameMs: s.pairFrameAt };
  }, seconds * 1000);
  await page.close();
  return result;
}

export interface SceneFigures {
  product: string;
  fps: number;
  emptyFps: number;
  fpsRatio: number;
  drawCalls: number;
  triangles: number;
  firstFrameMs: number;
  modelsFrameMs: number;
}

/** Alternates runs of the empty canvas and the comparison so that both see the same machine load; reports medians. */
export async function sceneFigures(browser: Browser, baseUrl: string, product: string, runs: number, seconds: number): Promise<SceneFigures> {
  const empty: number[] = [];
  const full: Awaited<ReturnType<typeof framesPerSecond>>[] = [];
  for (let i = 0; i < runs; i++) {
    empty.push((await framesPerSecond(browser, `${baseUrl}/?bench=empty`, seconds)).fps);
    full.push(await framesPerSecond(browser, `${baseUrl}/?product=${product}`, seconds));
  }
  const fps = median(full.map((r) => r.fps));
  const emptyFps = median(empty);
  return {
    product,
    fps: Math.round(fps * 10) / 10,
    emptyFps: Math.round(emptyFps * 10) / 10,
    fpsRatio: Math.round((fps / emptyFps) * 100) / 100,
    drawCalls: median(full.map((r) => r.drawCalls)),
    triangles: median(full.map((r) => r.triangles)),
    firstFrameMs: Math.round(median(full.map((r) => r.firstFrameMs))),
    modelsFrameMs: Math.round(median(full.map((r) => r.pairFrameMs))),
  };
}
