/**
 * Raw translation keys on a page: text where words are expected (text nodes, and the labels a screen
 * reader or a tooltip reads) shaped like a key — `namespace:key` for a namespace of the app, or
 * `word.word` such as `trainee.lobby` — which is what i18next shows for a key it cannot resolve to a
 * text. Code, addresses, e-mail addresses and file names are not words and are skipped.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const LOCALES = join(import.meta.dirname, '../../../src/i18n/locales/en');
/** The app's namespaces (common, live, inspect, …), as the locale files name them. */
export const NAMESPACES = readdirSync(LOCALES).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

/** File endings and domain endings that make `word.word` a file or an address, not a key. */
const NOT_KEY_ENDINGS = ['zip', 'json', 'csv', 'pdf', 'glb', 'gltf', 'usdz', 'png', 'jpg', 'jpeg', 'webp', 'ktx2', 'txt', 'html', 'js', 'com', 'org', 'net', 'test', 'example', 'local', 'localhost'];

/** Key-shaped pieces of `text`, given the namespaces: what the page check looks for (exported for its own test). */
export function rawKeysIn(text: string, namespaces: readonly string[] = NAMESPACES): string[] {
  const found: string[] = [];
  const nsKey = new RegExp(`(?<![\\w/.@-])(?:${namespaces.map((n) => n.replace(/[-]/g, '\\-')).join('|')}):[A-Za-z][\\w.-]*`, 'g');
  for (const m of text.matchAll(nsKey)) found.push(m[0]);
  // word.word: identifiers of two letters or more joined by dots (not "e.g."), not part of an address, a path, an e-mail or a number.
  const dotted = /(?<![\w@./:-])[a-z][a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*(?:\.[a-zA-Z][a-zA-Z0-9_-]+)+(?![\w@/(-]|\.\w)/g;
  for (const m of text.matchAll(dotted)) {
    const last = m[0].split('.').at(-1)!.toLowerCase();
    if (!NOT_KEY_ENDINGS.includes(last) && !found.includes(m[0])) found.push(m[0]);
  }
  return found;
}

/** Every text a person reads or hears on the page now: visible text nodes (outside code), and labels. */
async function pageTexts(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const out: { where: string; text: string }[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const skipped = (el: Element | null): boolean => !!el?.closest('code, kbd, pre, samp, script, style, noscript, template, [data-raw-text]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!el || !text || skipped(el)) continue;
      if (!el.checkVisibility()) continue;
      out.push({ where: describe(el), text });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description], [aria-valuetext], [aria-roledescription]')) {
      if (skipped(el) || !el.checkVisibility()) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-valuetext', 'aria-roledescription']) {
        const text = el.getAttribute(attr)?.trim();
        if (text) out.push({ where: `${describe(el)}[${attr}]`, text });
      }
    }
    out.push({ where: 'title', text: document.title });
    return out;
  });
}

/** Fails with every key-shaped text on the page, and where it is. */
export async function expectNoRawKeys(page: Page, where: string): Promise<void> {
  const found = (await pageTexts(page)).flatMap(({ where: at, text }) => rawKeysIn(text).map((key) => `${at}: "${key}" in "${text.slice(0, 120)}"`));
  if (found.length) throw new Error(`raw translation keys on ${where}:\n    ${found.join('\n    ')}`);
}
