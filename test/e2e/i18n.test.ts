/**
 * The interface in Spanish and French: a browser set to Spanish (or French) gets the app in that
 * language, catalogue texts included; the top bar's selector switches at once, sets <html lang> and
 * is remembered. Saves test/e2e/screenshots/spanish-compare.png (the comparison with a tell open).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { root } from './support/app-server';
import { launchBrowser, openPage, waitFrames, type WatchedPage } from './support/browser';

const baseUrl = inject('baseUrl');
const PRODUCT = 'halvard-meridian-diver';
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const w of opened) {
    expect(w.errors, 'errors in the page').toEqual([]);
    expect(w.external, 'requests outside 127.0.0.1').toEqual([]);
  }
  await browser?.close();
});

async function open(path: string, locale: string, viewport = { width: 1400, height: 820 }): Promise<Page> {
  const w = await openPage(browser, `${baseUrl}${path}`, viewport, { locale });
  opened.push(w);
  return w.page;
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('a browser set to Spanish', () => {
  it('shows the catalogue in Spanish, product names included', async () => {
    const page = await open('/', 'es-ES');
    await page.getByRole('heading', { name: 'Elija un producto para estudiar' }).waitFor();
    expect(await htmlLang(page)).toBe('es');
    const nav = page.getByRole('navigation', { name: 'Principal' });
    expect(await nav.getByRole('link', { name: 'Estudiar' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Ejercicios' }).count()).toBe(1);
    const cards = page.getByRole('list', { name: 'Catálogo' }).getByRole('button');
    await expect.poll(() => cards.count()).toBeGreaterThan(3);
    await page.getByRole('button', { name: /Reloj de buceo automático Halvard Meridian 300 m/ }).waitFor();
    expect(await page.getByText(/\d+ falsificaciones · \d+ indicios/).first().isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Idioma' }).inputValue()).toBe('es');
  });

  it('shows the comparison, its tools and its tells in Spanish, and saves the screenshot', async () => {
    const page = await open(`/?product=${PRODUCT}`, 'es-ES');
    await page.getByRole('list', { name: 'Indicios' }).waitFor();
    await page.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: 120_000 });
    await page.getByRole('button', { name: 'Mostrar indicios', exact: true }).click();
    expect(await page.getByRole('toolbar', { name: 'Herramientas de la escena' }).getByRole('button', { name: 'Lámpara UV' }).count()).toBe(1);
    await page.getByRole('list', { name: 'Indicios' }).getByRole('button').first().click();
    const card = page.getByRole('article', { name: /^Indicio: / });
    await card.waitFor();
    expect(await card.getByRole('heading', { name: 'Auténtico (A)' }).or(card.getByRole('heading', { name: 'Auténtico (B)' })).count()).toBe(1);
    expect(await card.textContent()).toMatch(/Se revela con: /);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Reloj de buceo automático Halvard Meridian 300 m');
    expect(await page.getByText('Falsificación en escena').count()).toBe(1);
    await waitFrames(page, 30);
    const dir = join(root, 'test/e2e/screenshots');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'spanish-compare.png') });
  });

  it('switches to English and to French with the selector, at once and for good', async () => {
    const page = await open('/', 'es-ES');
    await page.getByRole('heading', { name: 'Elija un producto para estudiar' }).waitFor();
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await page.getByRole('heading', { name: 'Choose a product to study' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await page.getByRole('button', { name: /Halvard Meridian 300 m automatic diver/ }).count()).toBe(1);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.getByRole('heading', { name: 'Choisissez un produit à étudier' }).waitFor();
    expect(await htmlLang(page)).toBe('fr');
    // Remembered on this device over the browser's own language.
    await page.reload();
    await page.getByRole('heading', { name: 'Choisissez un produit à étudier' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('twinspect.language'))).toBe('fr');
  });
});

describe('a browser set to French', () => {
  it('shows the drills in French', async () => {
    const page = await open('/?page=drill', 'fr-FR');
    await page.getByRole('heading', { name: 'Exercices', level: 1 }).waitFor();
    expect(await htmlLang(page)).toBe('fr');
    expect(await page.getByRole('button', { name: /Repérez la contrefaçon/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /Trouvez les indices/ }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Étudier' }).count()).toBe(1);
  });
});
