/**
 * Offline use in Chromium: a trainee makes the catalogue available offline (a progress bar to 100 %,
 * its size shown), loses the network (the browser offline and every connection cut), reloads — the
 * service worker serves the app, the models and the drills kept ready — answers two drills, which
 * wait on the device; back online they sync, and the server holds exactly two attempts, even after
 * the same answers are sent again (a response lost on the way back).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS, PASSWORD, root } from './support/app-server';
import { launchBrowser } from './support/browser';
import { networkProxy } from './support/network-proxy';
import { apiAs, signIn, type ApiClient } from './support/session';

const baseUrl = inject('baseUrl');
const OLGA = { email: 'olga.offline@agency.test', role: 'trainee' };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let proxy: Awaited<ReturnType<typeof networkProxy>>;
let olga: ApiClient;
const errors: string[] = [];
const external: string[] = [];

beforeAll(async () => {
  // A trainee of this file's own, so that the attempts on the server are exactly this file's.
  const admin = await apiAs(baseUrl, ACCOUNTS.admin);
  const made = await admin.post('/api/users', { email: OLGA.email, role: 'trainee', password: 'temporary-for-olga', displayName: 'Olga Offline' });
  expect([201, 409]).toContain(made.status);
  // An account added on the Users page chooses its own password at its first sign-in.
  if (made.status === 201) {
    const first = await apiAs(baseUrl, OLGA, 'temporary-for-olga');
    expect((await first.post('/api/account/password', { newPassword: PASSWORD })).status).toBe(200);
  }
  olga = await apiAs(baseUrl, OLGA);
  proxy = await networkProxy(new URL(baseUrl));
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(90_000);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1') external.push(u.href);
  });
  await signIn(page, OLGA, { baseUrl: proxy.origin });
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
});

const attempts = async () => (await olga.get<{ attempts: number }>('/api/progress')).body.attempts;
const indicator = () => page.getByTestId('offline-indicator');

/** Opens a verdict drill, waits for its model to be drawn, answers and submits it; the page says it will be scored later. */
async function answerVerdictOffline() {
  // Each drill page is loaded afresh, offline: the service worker serves it.
  await page.goto(`${proxy.origin}/?page=drill&kind=verdict`);
  await page.getByRole('button', { name: 'Submit' }).waitFor();
  await page.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: 90_000 });
  await page.getByLabel('Counterfeit', { exact: true }).check();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('drill-pending').textContent()).resolves.toContain('will be scored when you are back online');
}

describe('offline practice', () => {
  it('installs the service worker and makes the catalogue available offline, showing progress and size', async () => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    expect(manifest).toMatchObject({ short_name: 'Twinspect', display: 'standalone' });
    expect(manifest.icons.length).toBeGreaterThanOrEqual(2);

    await expect(indicator().textContent()).resolves.toContain('Online');
    await indicator().click();
    const panel = page.getByRole('region', { name: 'Offline use' });
    await expect(panel.getByTestId('offline-total').textContent()).resolves.toMatch(/To download: [\d.]+ MB in \d+ files/);
    await panel.getByRole('button', { name: 'Make available offline' }).click();
    const bar = panel.getByRole('progressbar', { name: 'Downloading for offline use' });
    await bar.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="offline-stored"]') !== null, null, { timeout: 120_000 });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await panel.getByTestId('offline-progress').textContent()).toMatch(/^([\d.]+ MB) of \1 \(100 %\)$/);
    expect(await panel.getByTestId('offline-stored').textContent()).toMatch(/Stored on this device: [\d.]+ MB in \d+ files/);
    await expect(panel.getByTestId('offline-drills-ready').textContent()).resolves.toBe('6 drills ready for offline practice');
    expect(await page.evaluate(async () => (await caches.open('twinspect-offline')).keys().then((k) => k.length))).toBeGreaterThan(10);
    await indicator().click();
  });

  it('with no network, reloads from the service worker and answers two drills that wait to sync', async () => {
    await context.setOffline(true);
    proxy.drop();
    await page.reload();
    await expect(indicator().textContent()).resolves.toContain('Offline');
    // The shell, the catalogue and a product's models all came from the device.
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await answerVerdictOffline();
    await answerVerdictOffline();
    await expect(page.getByTestId('offline-waiting').textContent()).resolves.toBe('2 answers waiting to sync');
    mkdirSync(join(root, 'test/e2e/screenshots'), { recursive: true });
    await page.screenshot({ path: join(root, 'test/e2e/screenshots/offline-practice.png') });
    expect(await attempts()).toBe(0);
  });

  it('syncs when the network is back, storing each answer once, even when sent again', async () => {
    const queued = await page.evaluate(readQueue);
    expect(queued).toHaveLength(2);
    proxy.restore();
    await context.setOffline(false);
    await expect.poll(() => page.evaluate(readQueue), { timeout: 60_000 }).toEqual([]);
    await expect.poll(() => indicator().textContent(), { timeout: 30_000 }).toBe('Online');
    expect(await attempts()).toBe(2);

    // The responses were lost on the way back: the device still has the answers and sends them again.
    await page.evaluate(writeQueue, queued);
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect.poll(() => page.evaluate(readQueue), { timeout: 60_000 }).toEqual([]);
    expect(await attempts()).toBe(2);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});

/** The offline queue as the page keeps it (IndexedDB). */
function readQueue(): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('twinspect-offline');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('queue').objectStore('queue').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    };
  });
}

function writeQueue(entries: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('twinspect-offline');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('queue', 'readwrite');
      for (const e of entries) tx.objectStore('queue').put(e);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    };
  });
}
