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

/** Fills in what a draft needs before review, as an author would: each tell's texts, each variant's weight and provenance. */
export async function finishDraft(page: Page, titles: string[]): Promise<void> {
  const tellForm = page.getByRole('region', { name: 'Tell', exact: true });
  const variants = page.getByRole('region', { name: 'Variants' });
  const type = async (field: ReturnType<Page['getByLabel']>, value: string) => {
    await field.fill(value);
    await field.press('Tab');
  };
  const variantButtons = variants.getByRole('listitem').getByRole('button');
  const kinds = await variantButtons.allTextContents();
  for (const [v, kind] of kinds.entries()) {
    if (!/counterfeit ·/.test(kind)) continue;
    await variantButtons.nth(v).click();
    for (const [i, title] of titles.entries()) {
      if (i >= (await tellItems(page).count())) break;
      await tellItems(page).nth(i).getByRole('button').click();
      await type(tellForm.getByLabel('Title'), title);
      await type(tellForm.getByLabel('What the genuine shows'), 'Deep, crisp and even, as the rights holder specifies.');
      await type(tellForm.getByLabel('What this counterfeit shows'), 'Shallow, soft-edged or uneven.');
    }
  }
  for (let v = 0; v < kinds.length; v++) {
    await variantButtons.nth(v).click();
    await type(variants.getByLabel('Weight (g)'), '212');
    await type(variants.getByLabel('Provenance'), 'Specimen held by the agency');
  }
  await page.getByRole('region', { name: 'Before it can be reviewed' }).waitFor({ state: 'detached' });
  await page.getByRole('status', { name: 'Save state' }).filter({ hasText: 'All changes saved' }).waitFor();
}
