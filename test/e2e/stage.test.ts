/**
 * The trainee's comparison in a real browser: the catalogue, both models drawn, the tells list,
 * the pins, the tools, and a clear message where WebGL is missing. No request may leave 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Product } from '../../src/domain/catalogue';
import { launchBrowser, openPage, waitFrames, type WatchedPage } from './support/browser';
import { canvasPixels, countWhere, isNear, rgb } from './support/pixels';
import { textIn } from '../../src/domain/local-text';

const baseUrl = inject('baseUrl');
let browser: Browser;
let product: Product;

beforeAll(async () => {
  browser = await launchBrowser();
  const catalogue = (await (await fetch(`${baseUrl}/api/catalogue`)).json()) as { id: string }[];
  product = (await (await fetch(`${baseUrl}/api/products/${catalogue[0]!.id}`)).json()) as Product;
});
afterAll(() => browser?.close());

async function openStage(query = ''): Promise<WatchedPage> {
  const w = await openPage(browser, `${baseUrl}/?product=${product.id}${query}`);
  await w.page.getByRole('list', { name: 'Tells' }).waitFor();
  await w.page.waitForFunction(() => (window.__twinspect?.stats.frames ?? 0) > 2, null, { timeout: 90_000 });
  await w.page.getByRole('progressbar', { name: 'Loading 3D models' }).waitFor({ state: 'detached', timeout: 90_000 });
  // Both models on the stage, drawn (on a busy machine they can come a few frames after the bar goes).
  await w.page.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: 90_000 });
  await waitFrames(w.page, 3);
  return w;
}

/** Presses Tab (Shift+Tab when `back`) until the focused element's role (or tag) and text start with `target`. */
async function tabTo(page: Page, target: string, back = false): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.getAttribute('role') ?? el.tagName.toLowerCase()} ${el.textContent ?? ''}`.trim() : '';
    });
    if (focused.startsWith(target)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

const BACKGROUND = rgb('#eef1f5');
const FLOOR = rgb('#d9dde3');
const PIN = rgb('#e5484d');

/** Pixels in a half of the canvas that are neither the empty stage's background nor its floor. */
async function modelPixels(page: Page, half: 'left' | 'right'): Promise<number> {
  const img = await canvasPixels(page);
  return countWhere(img, (x, _y, c) => (half === 'left' ? x < img.width / 2 : x >= img.width / 2) && !isNear(c, BACKGROUND, 24) && !isNear(c, FLOOR, 24));
}

describe('the trainee studies a product in a desktop browser', () => {
  it('lists the catalogue and opens a product from it', async () => {
    const { page, external, errors } = await openPage(browser, baseUrl);
    const cards = page.getByRole('list', { name: 'Catalogue' }).getByRole('button');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: new RegExp(textIn(product.name, 'en')) }).click();
    await page.getByRole('list', { name: 'Tells' }).waitFor();
    expect(page.url()).toContain(`product=${product.id}`);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws both models on the stage and lists every tell of the counterfeit', async () => {
    const { page, external, errors } = await openStage();
    expect(await modelPixels(page, 'left')).toBeGreaterThan(2000);
    expect(await modelPixels(page, 'right')).toBeGreaterThan(2000);
    const counterfeit = product.variants.find((v) => v.kind === 'counterfeit')!;
    const items = page.getByRole('list', { name: 'Tells' }).getByRole('listitem');
    expect(await items.count()).toBe(counterfeit.tells.length);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Show tells" puts numbered pins on the models', async () => {
    const { page } = await openStage();
    const pinPixels = async () => countWhere(await canvasPixels(page), (_x, _y, c) => isNear(c, PIN, 40));
    const before = await pinPixels();
    const toggle = page.getByRole('button', { name: 'Show tells', exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await waitFrames(page, 3);
    expect(await pinPixels()).toBeGreaterThan(before + 200);
    await page.close();
  });

  it('choosing a tell opens its card and turns both models to it', async () => {
    const { page } = await openStage();
    const first = page.getByRole('list', { name: 'Tells' }).getByRole('button').first();
    const tell = product.variants.find((v) => v.kind === 'counterfeit')!.tells[0]!;
    const before = await canvasPixels(page);
    await first.click();
    expect(await first.getAttribute('aria-current')).toBe('true');
    const card = page.getByRole('article', { name: `Tell: ${textIn(tell.title, 'en')}` });
    await card.waitFor();
    expect(await card.textContent()).toContain(textIn(tell.genuine, 'en'));
    expect(await card.textContent()).toContain(textIn(tell.counterfeit, 'en'));
    await waitFrames(page, 20);
    const after = await canvasPixels(page);
    const changed = countWhere(after, (x, y, c) => !isNear(c, before.at(x, y), 30));
    expect(changed).toBeGreaterThan(1000);
    await page.close();
  });

  it('"Link views" is a toggle that starts on', async () => {
    const { page } = await openStage();
    const link = page.getByRole('button', { name: 'Link views', exact: true });
    expect(await link.getAttribute('aria-pressed')).toBe('true');
    await link.click();
    expect(await link.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('the UV lamp darkens the stage, and each item shows its weight', async () => {
    const { page } = await openStage();
    const dark = async () => countWhere(await canvasPixels(page), (_x, _y, c) => c[0] + c[1] + c[2] < 120);
    const before = await dark();
    await page.getByRole('button', { name: 'UV lamp', exact: true }).click();
    await waitFrames(page, 3);
    expect(await dark()).toBeGreaterThan(before * 2 + 10000);
    const weights = product.variants.filter((v) => v.kind === 'genuine' || v.id === product.variants.find((x) => x.kind === 'counterfeit')!.id).map((v) => `${v.weightGrams} g`);
    const shown = [await page.getByTestId('weight-A').textContent(), await page.getByTestId('weight-B').textContent()];
    expect(shown.sort()).toEqual(weights.sort());
    await page.close();
  });

  it('the ruler measures between two points on a model in millimetres', async () => {
    const { page } = await openStage();
    await page.getByRole('button', { name: 'Ruler', exact: true }).click();
    // Two points that the screenshot shows on the left item, a little apart vertically.
    const img = await canvasPixels(page);
    const onModel = (x: number, y: number) => !isNear(img.at(x, y), BACKGROUND, 24) && !isNear(img.at(x, y), FLOOR, 24);
    const hits: [number, number][] = [];
    for (let y = Math.floor(img.height * 0.25); y < img.height * 0.75; y += 4) for (let x = 0; x < img.width / 2; x += 4) if (onModel(x, y) && onModel(x, y + 24)) hits.push([x, y]);
    expect(hits.length).toBeGreaterThan(10);
    const [x, y] = hits[Math.floor(hits.length / 2)]!;
    const box = (await page.locator('canvas').boundingBox())!;
    const scale = box.width / img.width;
    await page.mouse.click(box.x + x * scale, box.y + y * scale);
    await page.mouse.click(box.x + x * scale, box.y + (y + 24) * scale);
    const reading = await page.getByTestId('ruler-reading').textContent();
    expect(reading).toMatch(/^\d+(\.\d)? mm$/);
    expect(parseFloat(reading!)).toBeGreaterThan(0);
    expect(parseFloat(reading!)).toBeLessThan(400); // no built-in item is larger
    await page.close();
  });

  it('the overlay view superimposes the two items', async () => {
    const { page } = await openStage();
    await page.getByRole('button', { name: 'Overlay', exact: true }).click();
    await waitFrames(page, 3);
    const img = await canvasPixels(page);
    const centre = countWhere(img, (x, _y, c) => Math.abs(x - img.width / 2) < img.width * 0.15 && !isNear(c, BACKGROUND, 24) && !isNear(c, FLOOR, 24));
    expect(centre).toBeGreaterThan(2000);
    await page.close();
  });

  it('by keyboard alone the ruler sets its marks with the crosshair, and the loupe follows it', async () => {
    const { page } = await openStage();
    const crosshair = page.getByTestId('stage-crosshair');
    const said = () => page.getByTestId('stage-announcement').textContent();
    await tabTo(page, 'button Ruler');
    await page.keyboard.press('Enter');
    await tabTo(page, 'application');
    await crosshair.waitFor();
    // The items stand left and right of the centre: walk left in small steps until the crosshair is on one.
    for (let i = 0; i < 60 && (await crosshair.getAttribute('data-over')) !== 'true'; i++) await page.keyboard.press('ArrowLeft');
    expect(await crosshair.getAttribute('data-over'), `the crosshair reached an item (it is at ${await crosshair.getAttribute('style')})`).toBe('true');
    await expect.poll(said).toBe('The crosshair is on an item.');
    await page.keyboard.press('Enter');
    await expect.poll(said).toBe('Mark 1 set.');
    // A little lower on the same item (or higher, where the first mark was near its foot).
    for (const key of ['ArrowDown', 'ArrowUp']) {
      for (let i = 0; i < 3; i++) await page.keyboard.press(key);
      if ((await crosshair.getAttribute('data-over')) === 'true') break;
    }
    await page.keyboard.press('Enter');
    await expect.poll(said).toBe('Mark 2 set.');
    expect(await page.getByTestId('ruler-reading').textContent()).toMatch(/^\d+(\.\d)? mm$/);
    await page.keyboard.press('Delete');
    await expect.poll(said).toBe('Mark 2 removed. Marks left: 1.');
    expect(await page.getByTestId('ruler-reading').count()).toBe(0);

    await tabTo(page, 'button Loupe', true);
    await page.keyboard.press('Enter');
    await tabTo(page, 'application');
    const canvas = (await page.locator('canvas').first().boundingBox())!;
    const loupeAt = () => page.evaluate(() => window.__twinspect!.stats.loupeAt);
    await expect.poll(loupeAt).toEqual([expect.closeTo(canvas.width / 2, 0), expect.closeTo(canvas.height / 2, 0)]);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect.poll(loupeAt).toEqual([expect.closeTo(canvas.width / 2 + 48, 0), expect.closeTo(canvas.height / 2 + 8, 0)]);
    await page.close();
  });

  it('under reduced motion the overlay does not flicker: the two items are swapped by hand', async () => {
    const { page } = await openStage();
    const shown = async () => {
      const seen = new Set<string>();
      // Over two of the flicker's periods (0.8 s each), a frame at a time.
      for (let i = 0; i < 16; i++) {
        await waitFrames(page, 1);
        seen.add(JSON.stringify(await page.evaluate(() => window.__twinspect!.stats.itemsShown)));
        await page.waitForTimeout(100);
      }
      return [...seen].map((s) => JSON.parse(s) as { genuine: boolean; counterfeit: boolean });
    };
    await page.getByRole('button', { name: 'Overlay', exact: true }).click();
    const style = page.getByRole('combobox', { name: 'Overlay style' });
    await style.selectOption('flicker');
    expect(await shown()).toHaveLength(2);
    // The setting is read as the toolbar draws (a busy software-WebGL page may not hear the change event at once).
    await style.selectOption('ghost');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await style.selectOption('flicker');
    expect(await shown()).toEqual([{ genuine: true, counterfeit: false }]);
    await page.getByRole('button', { name: 'Show the counterfeit', exact: true }).click();
    expect(await shown()).toEqual([{ genuine: false, counterfeit: true }]);
    expect(await page.getByRole('button', { name: 'Show the genuine', exact: true }).count()).toBe(1);
    await page.close();
  });

  it('says clearly when WebGL is missing', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type.startsWith('webgl')) return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await page.goto(`${baseUrl}/?product=${product.id}`);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toContain('WebGL');
    await page.close();
  });
});
