/** The studio's steps that the browser test and the screenshots share: upload a model, place tells by clicking. */
import type { Page } from 'playwright-core';
import { waitFrames } from './browser';

/** Sends a file through "Add model" and returns the server's answer. */
export async function uploadModel(page: Page, file: { name: string; mimeType: string; buffer: Buffer } | string) {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/studio/uploads'));
  await page.getByLabel('Model file (GLB or glTF)').setInputFiles(file);
  return answered;
}

export const tellItems = (page: Page) => page.getByRole('region', { name: 'Tells', exact: true }).getByRole('listitem');

/** Clicks the model in the view on a grid over its rectangle until `count` tells are listed, as an author would. */
export async function placeTellsByClicking(page: Page, count: number): Promise<number> {
  await page.waitForFunction(() => (window.__twinspect?.stats.pickBox[2] ?? 0) > 10, null, { timeout: 90_000 });
  await waitFrames(page, 3);
  const box = (await page.locator('canvas').first().boundingBox())!;
  const [x0, y0, x1, y1] = await page.evaluate(() => window.__twinspect!.stats.pickBox);
  for (const fy of [0.3, 0.5, 0.7, 0.4, 0.6, 0.2, 0.8]) {
    for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      await page.mouse.click(box.x + x0 + (x1 - x0) * fx, box.y + y0 + (y1 - y0) * fy);
      if ((await tellItems(page).count()) >= count) return count;
    }
  }
  return tellItems(page).count();
}
