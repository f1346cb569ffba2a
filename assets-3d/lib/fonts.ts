/** Fonts shipped as npm packages, registered once so every texture draws the same on every machine. */
import { GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Family names to use in `ctx.font`. */
export const FONT = {
  sans: 'TS Sans',
  serif: 'TS Serif',
  mono: 'TS Mono',
  condensed: 'TS Condensed',
} as const;

const files: [string, string, string][] = [
  [FONT.sans, '@fontsource/inter', 'inter-latin-400-normal.woff2'],
  [FONT.sans, '@fontsource/inter', 'inter-latin-700-normal.woff2'],
  [FONT.serif, '@fontsource/playfair-display', 'playfair-display-latin-400-normal.woff2'],
  [FONT.serif, '@fontsource/playfair-display', 'playfair-display-latin-700-normal.woff2'],
  [FONT.mono, '@fontsource/roboto-mono', 'roboto-mono-latin-400-normal.woff2'],
  [FONT.condensed, '@fontsource/oswald', 'oswald-latin-400-normal.woff2'],
];

let registered = false;
export function registerFonts(): void {
  if (registered) return;
  for (const [family, pkg, file] of files) {
    const path = require.resolve(`${pkg}/files/${file}`);
    GlobalFonts.registerFromPath(path, family);
  }
  registered = true;
}
