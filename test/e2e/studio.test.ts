/**
 * The authoring studio end to end: an author creates a product (the server's field errors shown at
 * their fields), uploads a broken file that is refused with the checker's message and a built-in GLB
 * that comes back optimised, places three tells by clicking the model (undo and redo by keyboard),
 * and sends it for review; a reviewer reads the changes and publishes it; a trainee then finds it in
 * the catalogue with its three tells. The author then exports it as a content pack and imports it back.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Product } from '../../src/domain/catalogue';
import { ACCOUNTS, root } from './support/app-server';
import { launchBrowser, openPage } from './support/browser';
import { signIn } from './support/session';
import { finishDraft, placeTellsByClicking, tellItems, uploadModel } from './support/studio';
import { joinGlb, splitGlb, triangleGlb } from '../unit/server/uploads/upload-fixtures';

const baseUrl = inject('baseUrl');
const GLB = join(root, 'content/products/aurele-no7-perfume/models/genuine.glb');
const PRODUCT_ID = 'studio-test-perfume';
let browser: Browser;

async function accessorPastItsView(): Promise<Uint8Array> {
  const { json, bin } = splitGlb(await triangleGlb());
  json.accessors[0].count = 99;
  return joinGlb(json, bin);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the authoring studio', () => {
  it('an author builds a product, a reviewer publishes it, a trainee studies it', async () => {
    const author = await openPage(browser, `${baseUrl}/?page=sign-in`);
    let page = author.page;
    await signIn(page, ACCOUNTS.author);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studio' }).click();

    // The built-in catalogue is published too: listed with its own badge, and exportable like any product.
    const published = page.getByRole('region', { name: 'Published', exact: true });
    await published.getByText('Built in').first().waitFor();
    expect(await published.getByRole('link', { name: 'Export this product' }).count()).toBeGreaterThanOrEqual(8);

    const form = page.getByRole('region', { name: 'New product' });
    expect(await form.getByLabel('Category').locator('option').allTextContents()).toContain('Other');
    await form.getByLabel('Name').fill('Studio Test Perfume');
    await form.getByLabel('Brand').fill('Aurèle');
    await form.getByLabel('Category').selectOption('perfume');
    await form.getByLabel('HS code').fill('33');
    await form.getByLabel('Description').fill('A 50 ml eau de parfum in a faceted bottle.');
    await form.getByLabel('Camera classes (comma-separated)').fill('bottle');
    await form.getByRole('button', { name: 'Create product' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toContain('HS code');
    await form.getByLabel('HS code').fill('3303.00');
    await form.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('heading', { name: 'Studio Test Perfume' }).waitFor();

    const variants = page.getByRole('region', { name: 'Variants' });
    // A GLB whose container is sound but whose accessor runs past its buffer view: the Khronos validator refuses it.
    const broken = await uploadModel(page, { name: 'broken.glb', mimeType: 'model/gltf-binary', buffer: Buffer.from(await accessorPastItsView()) });
    expect(broken.status()).toBe(400);
    const refusal = (await broken.json()) as { message: string; issues: { pointer: string; validatorCode?: string }[] };
    expect(refusal.issues[0]).toMatchObject({ pointer: 'accessors[0]', validatorCode: 'ACCESSOR_TOO_LONG' });
    await variants.getByRole('alert').waitFor();
    const shown = await variants.getByRole('alert').textContent();
    expect(shown).toContain(refusal.message);
    expect(shown).toContain('does not fit referenced bufferView');
    expect(shown).toContain('accessors[0]');

    for (const kind of ['Genuine', 'Counterfeit A']) {
      const res = await uploadModel(page, GLB);
      expect(res.status()).toBe(201);
      await variants.getByRole('status').filter({ hasText: /accepted: .* → .* after optimising/ }).waitFor();
      await variants.getByRole('button', { name: new RegExp(kind) }).waitFor();
    }

    // The model just uploaded is framed whole: its rectangle lies inside the view.
    await page.waitForFunction(() => (window.__twinspect?.stats.pickBox[2] ?? 0) > 10, null, { timeout: 90_000 });
    const view = (await page.locator('canvas').first().boundingBox())!;
    const [bx0, by0, bx1, by1] = await page.evaluate(() => window.__twinspect!.stats.pickBox);
    expect([bx0 >= 0, by0 >= 0, bx1 <= view.width, by1 <= view.height]).toEqual([true, true, true, true]);

    // Counterfeit A is in the view: click its surface on a grid until three tells are placed.
    expect(await placeTellsByClicking(page, 3)).toBe(3);
    // The third tell, just placed, is the one in the form: its text is committed when the field is left.
    const tellForm = page.getByRole('region', { name: 'Tell', exact: true });
    // A new tell starts empty, with examples as placeholders: no filler text that could be published.
    expect(await tellForm.getByLabel('Title').inputValue()).toBe('');
    expect(await tellForm.getByLabel('Title').getAttribute('placeholder')).toBeTruthy();
    expect(await tellForm.getByLabel('What the genuine shows').inputValue()).toBe('');
    await tellForm.getByLabel('Title').fill('Cap engraving too shallow');
    await tellForm.getByLabel('Title').press('Tab');
    const third = tellItems(page).nth(2);
    await third.filter({ hasText: 'Cap engraving' }).waitFor();
    await tellForm.getByLabel('Severity').selectOption('critical');
    await third.filter({ hasText: 'critical' }).waitFor();

    // Undo and redo are the same registered actions as the toolbar's buttons.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await third.filter({ hasText: 'Cap engraving' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await third.filter({ hasText: 'Cap engraving' }).filter({ hasText: 'critical' }).waitFor();
    await page.getByRole('status', { name: 'Save state' }).filter({ hasText: 'All changes saved' }).waitFor();

    // Not yet: the texts and weights are missing, and the editor lists each gap.
    const unfinished = page.getByRole('region', { name: 'Before it can be reviewed' });
    await unfinished.waitFor();
    expect(await unfinished.textContent()).toContain('Counterfeit A › tell 1: the title is missing');
    expect(await page.getByRole('button', { name: 'Send for review' }).isDisabled()).toBe(true);
    await finishDraft(page, ['Cap mark 1', 'Cap mark 2', 'Cap engraving too shallow']);
    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByText('Sent for review.').waitFor();
    expect(author.errors).toEqual([]);
    expect(author.external).toEqual([]);

    const reviewer = await openPage(browser, `${baseUrl}/?page=sign-in`);
    page = reviewer.page;
    await signIn(page, ACCOUNTS.reviewer);
    await page.goto(`${baseUrl}/?page=studio`);
    await page.getByRole('region', { name: 'In review', exact: true }).getByRole('button', { name: 'Studio Test Perfume' }).click();
    const review = page.getByRole('region', { name: 'Review', exact: true });
    await review.getByRole('list', { name: 'Changes' }).getByRole('listitem').first().waitFor();
    expect(await review.getByRole('list', { name: 'Changes' }).textContent()).toMatch(/Counterfeit A/);
    await review.getByLabel('Comment to the author').fill('Clear tells; publish.');
    await review.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: /is published/ }).waitFor();
    expect(reviewer.errors).toEqual([]);

    const trainee = await openPage(browser, `${baseUrl}/?page=sign-in`);
    page = trainee.page;
    await signIn(page, ACCOUNTS.trainee);
    await page.goto(baseUrl);
    await page.getByRole('button', { name: /Studio Test Perfume/ }).click();
    const tells = page.getByRole('list', { name: 'Tells' }).getByRole('listitem');
    await tells.first().waitFor();
    expect(await tells.count()).toBe(3);
    expect(await tells.nth(2).textContent()).toContain('Cap engraving too shallow');
    const product = (await page.evaluate(async (id) => (await fetch(`/api/products/${id}`)).json(), PRODUCT_ID)) as Product;
    const placed = product.variants.find((v) => v.id === 'counterfeit-a')!.tells;
    expect(placed.map((t) => t.at.node.length > 0 && Math.hypot(...t.at.normal) > 0.99)).toEqual([true, true, true]);
    expect(trainee.errors).toEqual([]);
  }, 300_000);

  it('an author exports the published product as a pack and brings it back as a draft; a broken pack is refused whole', async () => {
    const { page, errors } = await openPage(browser, `${baseUrl}/?page=sign-in`);
    await signIn(page, ACCOUNTS.author);
    await page.goto(`${baseUrl}/?page=studio`);
    const published = page.getByRole('region', { name: 'Published', exact: true }).getByRole('listitem').filter({ hasText: 'Studio Test Perfume' });
    const [download] = await Promise.all([page.waitForEvent('download'), published.getByRole('link', { name: 'Export this product' }).click()]);
    expect(download.suggestedFilename()).toBe(`${PRODUCT_ID}.zip`);
    const pack = await readFile((await download.path())!);
    const files = unzipSync(new Uint8Array(pack));
    expect(JSON.parse(strFromU8(files['pack.json']!)).products).toEqual([PRODUCT_ID]);
    expect(Object.keys(files).filter((f) => f.endsWith('.glb'))).toHaveLength(2);

    const packs = page.getByRole('region', { name: 'Content packs' });
    await packs.getByLabel('Content pack (zip)').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync({ 'readme.txt': strToU8('no pack here') })) });
    await packs.getByRole('alert').filter({ hasText: 'nothing was stored' }).waitFor();
    expect(await packs.getByRole('alert').textContent()).toContain('pack.json');

    await packs.getByLabel('Content pack (zip)').setInputFiles({ name: `${PRODUCT_ID}.zip`, mimeType: 'application/zip', buffer: pack });
    const result = packs.getByRole('status').filter({ hasText: 'imported: 1 product' });
    await result.waitFor();
    expect(await result.textContent()).toContain(`${PRODUCT_ID}: version 2, draft`);
    await page.getByRole('region', { name: 'Drafts', exact: true }).getByRole('button', { name: 'Studio Test Perfume' }).waitFor();
    expect(errors).toEqual([]);
  }, 120_000);
});
