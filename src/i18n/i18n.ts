/**
 * The interface's languages: English, Spanish and French, with i18next. Each area of the app keeps its
 * strings in its own namespace, one JSON file per language under ./locales/LANG/NAMESPACE.json; English is
 * the reference that the other two must match key for key (test/unit/i18n checks it).
 */
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español', fr: 'Français' };
const STORAGE_KEY = 'twinspect.language';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

/** Every namespace of every language, from the JSON files. */
export function localeResources(): Resource {
  const resources: Resource = {};
  for (const [path, mod] of Object.entries(files)) {
    const [, lang, ns] = /\.\/locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(path) ?? [];
    if (!lang || !ns) continue;
    (resources[lang] ??= {})[ns] = mod.default;
  }
  return resources;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen before on this device, else the browser's first language we have, else English. */
export function preferredLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function storedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

const initial = preferredLanguage(storedLanguage(), globalThis.navigator?.languages ?? []);
void i18next.use(initReactI18next).init({
  resources: localeResources(),
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
if (globalThis.document) document.documentElement.lang = initial;
i18next.on('languageChanged', (lng) => {
  if (globalThis.document) document.documentElement.lang = lng;
});

/** Switches the interface's language now, and remembers it on this device. */
export function setLanguage(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18next.changeLanguage(lang);
}

export const i18n = i18next;
