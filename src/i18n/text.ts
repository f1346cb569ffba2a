/**
 * Reading the catalogue's per-language texts in the interface's language, and numbers and dates the
 * way that language writes them (Intl).
 */
import { useTranslation } from 'react-i18next';
import { textIn, type LocalText } from '../domain/local-text';
import { i18n } from './i18n';

/** A catalogue text in the current language, falling back to English. Outside React. */
export function localText(text: LocalText | undefined): string {
  return textIn(text, i18n.language);
}

/** The same as a hook: components re-render with the new texts when the language changes. */
export function useLocalText(): (text: LocalText | undefined) => string {
  const { i18n: current } = useTranslation();
  const lang = current.language;
  return (text) => textIn(text, lang);
}

/** The Intl locale for the interface's language: British English, Spanish of Spain, French of France. */
export function intlLocale(lang: string = i18n.language): string {
  return ({ en: 'en-GB', es: 'es-ES', fr: 'fr-FR' } as Record<string, string>)[lang.split('-')[0] ?? 'en'] ?? 'en-GB';
}

/** A score (0..1) as "98 %", with a no-break space so that a label never splits. */
export const percent = (score: number) => `${Math.round(score * 100)}\u00a0%`;

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(), options).format(value);
}

export function formatDate(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(intlLocale(), options).format(new Date(value));
}
