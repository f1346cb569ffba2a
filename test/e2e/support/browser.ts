/**
 * Debian's Chromium driven by playwright-core, rendering WebGL in software (SwiftShader).
 * Every page fails its test if it asks for anything outside 127.0.0.1: the app must work offline.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium with software WebGL; `extra` adds switches (a fake camera, WebGL off). */
export function launchBrowser(extra: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extra,
    ],
  });
}

export interface WatchedPage {
  page: Page;
  /** Requests that tried to leave 127.0.0.1. */
  external: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

/**
 * `viewport`: a laptop's window by default, not larger: SwiftShader's time per frame grows with the
 * pixels drawn. `locale` (e.g. 'es-ES') sets the page's navigator.languages and Accept-Language, as a browser set to
 * that language would; `initScript` runs in the page before its own scripts (to pretend a browser feature).
 */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1024, height: 640 },
  opts: { locale?: string; initScript?: () => void } = {},
): Promise<WatchedPage> {
  // No service worker: it would precache the app (about 5 MB) behind every test's back on a 2-core
  // machine, and one taking control mid-test changes what navigations report. The offline test opens
  // its own context, with the service worker.
  const page = await browser.newPage({ viewport, serviceWorkers: 'block', ...(opts.locale ? { locale: opts.locale } : {}) });
  // Software WebGL on a shared 2-core machine is slow: wait as long as a patient user would.
  page.setDefaultTimeout(90_000);
  const external: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
    external.push(u.href);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  if (opts.initScript) await page.addInitScript(opts.initScript);
  await page.goto(url);
  return { page, external, errors };
}

/** Resolves once the stage has drawn `n` more frames. */
export async function waitFrames(page: Page, n: number, timeout = 60_000): Promise<void> {
  const start = await page.evaluate(() => window.__twinspect?.stats.frames ?? 0);
  await page.waitForFunction((target) => (window.__twinspect?.stats.frames ?? 0) >= target, start + n, { timeout });
}
