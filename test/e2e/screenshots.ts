/**
 * npm run screenshots: the README's pictures, taken from the real app in Chromium.
 * Writes test/e2e/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, root, startApp } from './support/app-server';
import { launchBrowser, openPage, waitFrames } from './support/browser';

const out = join(root, 'test/e2e/screenshots');
mkdirSync(out, { recursive: true });
const product = process.argv[2] ?? 'halvard-meridian-diver';

await buildApp();
const app = await startApp();
const browser = await launchBrowser();
try {
  const { page: catalogue } = await openPage(browser, app.baseUrl, { width: 1280, height: 800 });
  await catalogue.getByRole('list', { name: 'Catalogue' }).waitFor();
  await catalogue.screenshot({ path: join(out, 'catalogue.png') });

  const { page } = await openPage(browser, `${app.baseUrl}/?product=${product}`, { width: 1400, height: 820 });
  await page.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Show tells', exact: true }).click();
  await page.getByRole('list', { name: 'Tells' }).getByRole('button').first().click();
  await waitFrames(page, 30);
  await page.screenshot({ path: join(out, 'desktop-stage.png') });

  await page.getByRole('button', { name: 'UV lamp', exact: true }).click();
  await page.getByRole('button', { name: 'Loupe', exact: true }).click();
  const box = (await page.locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.27, box.y + box.height * 0.5);
  await waitFrames(page, 5);
  await page.screenshot({ path: join(out, 'desktop-tools.png') });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await app.stop();
}
