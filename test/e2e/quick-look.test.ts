/**
 * AR Quick Look on the comparison page: where the browser opens rel="ar" links (Safari on iPhone, iPad
 * and Vision Pro), one "View in your space" link per item on the stage, its first element an <img>, to
 * the variant's USDZ, which the server serves as model/vnd.usdz+zip with model.usda first, stored and
 * 64-byte aligned. Chromium has no Quick Look: an init script makes DOMTokenList.supports('ar') true on
 * that page only; on a page without it there is no link.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { textIn, type LocalText } from '../../src/domain/local-text';
import { usdzUrl } from '../../src/domain/quick-look';
import { usdzEntries } from '../support/usdz-zip';
import { launchBrowser, openPage } from './support/browser';

const baseUrl = inject('baseUrl');
const PRODUCT = 'halvard-meridian-diver';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Opens the comparison page, with Safari's rel="ar" support pretended when `quickLook`. */
async function openCompare(quickLook: boolean) {
  const watched = await openPage(browser, `${baseUrl}/?product=${PRODUCT}`, undefined, {
    initScript: quickLook
      ? () => {
          const supports = DOMTokenList.prototype.supports;
          DOMTokenList.prototype.supports = function (token: string) {
            return token === 'ar' || supports.call(this, token);
          };
        }
      : undefined,
  });
  await watched.page.locator('.side-panel h1').waitFor();
  return watched;
}

describe('View in your space (AR Quick Look)', () => {
  it('links each item on the stage to its USDZ where rel="ar" is supported', async () => {
    const { page, external, errors } = await openCompare(true);
    expect(await page.evaluate(() => document.createElement('a').relList.supports('ar'))).toBe(true);
    const links = page.locator('a[rel="ar"]');
    await expect.poll(() => links.count()).toBe(2);
    const product = (await (await fetch(`${baseUrl}/api/products/${PRODUCT}`)).json()) as { variants: { id: string; kind: string; label: LocalText }[] };
    const kinds: string[] = [];
    for (const side of ['A', 'B'] as const) {
      const link = page.getByTestId(`quick-look-${side}`);
      const href = await link.getAttribute('href');
      const variant = product.variants.find((v) => usdzUrl(PRODUCT, v.id) === href);
      expect(variant, `${href} is a variant's USDZ`).toBeDefined();
      kinds.push(variant!.kind);
      expect(await link.evaluate((a) => a.firstElementChild?.tagName), 'Quick Look needs an <img> first').toBe('IMG');
      expect(await link.textContent()).toBe(`View ${side} (${textIn(variant!.label, 'en')}) in your space`);
    }
    expect(kinds.sort(), 'the genuine item and the counterfeit on the stage').toEqual(['counterfeit', 'genuine']);
    expect(await page.getByRole('navigation', { name: 'View in your space' }).isVisible()).toBe(true);

    const href = (await page.getByTestId('quick-look-A').getAttribute('href'))!;
    const res = await fetch(new URL(href, baseUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('model/vnd.usdz+zip');
    const entries = usdzEntries(new Uint8Array(await res.arrayBuffer()));
    expect(entries[0]!.name).toBe('model.usda');
    expect(entries.every((e) => e.method === 0 && e.dataOffset % 64 === 0)).toBe(true);
    expect(entries.some((e) => e.name.startsWith('textures/'))).toBe(true);

    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows no link where rel="ar" is not supported', async () => {
    const { page, external, errors } = await openCompare(false);
    expect(await page.evaluate(() => document.createElement('a').relList.supports('ar'))).toBe(false);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('a[rel="ar"]').count()).toBe(0);
    expect(await page.locator('.quick-look').count()).toBe(0);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
