/**
 * Catalogue texts in several languages. A text field is either a plain string (the pack's default
 * language) or an object with one string per language, English required: {"en": "…", "es": "…", "fr": "…"}.
 * Pure TypeScript: no React, three, DOM or Node imports.
 */
import { z } from 'zod';

export const TEXT_LANGUAGES = ['en', 'es', 'fr'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

export type LocalText = string | ({ en: string } & Partial<Record<TextLanguage, string>>);

/**
 * A text field that may carry translations. Each problem is reported at its own path, e.g. `title.es`
 * "must be a string", so an author sees which translation to fix. Strings are trimmed. `allowEmpty`
 * keeps an empty English text (a studio draft the author has not filled in yet).
 */
function localTextSchema(allowEmpty: boolean) {
  return z.unknown().transform((value, ctx): LocalText => {
    if (typeof value === 'string') {
      if (!value.trim() && !allowEmpty) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
      return value.trim();
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be a string or an object of texts per language, e.g. {"en": "…", "es": "…"}' });
      return z.NEVER;
    }
    const out: Record<string, string> = {};
    for (const [lang, text] of Object.entries(value)) {
      if (!(TEXT_LANGUAGES as readonly string[]).includes(lang)) {
        ctx.addIssue({ code: 'custom', path: [lang], message: `is not a language of the catalogue (${TEXT_LANGUAGES.join(', ')})` });
      } else if (typeof text !== 'string') {
        ctx.addIssue({ code: 'custom', path: [lang], message: 'must be a string' });
      } else if (text.trim() || (lang === 'en' && allowEmpty)) out[lang] = text.trim();
      else if (lang === 'en') ctx.addIssue({ code: 'custom', path: [lang], message: 'must not be empty' });
    }
    if (!('en' in value)) ctx.addIssue({ code: 'custom', path: ['en'], message: 'is required: every text needs its English version' });
    return out as LocalText;
  });
}

export const LocalTextSchema = localTextSchema(false);
/** The same, where the English text may still be empty: what a draft holds before it is finished. */
export const DraftLocalTextSchema = localTextSchema(true);

/** The text in `lang`, else English (a plain string is returned as it is). */
export function textIn(text: LocalText | undefined, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const base = lang.toLowerCase().split('-')[0] as TextLanguage;
  return text[base]?.trim() ? text[base]! : text.en;
}

/** The same text with `lang` set to `value` (an empty translation is dropped; English stays a plain string when alone). */
export function withText(text: LocalText | undefined, lang: TextLanguage, value: string): LocalText {
  const current: Partial<Record<TextLanguage, string>> =
    typeof text === 'object' ? { ...text } : { en: text ?? '' };
  if (value.trim() || lang === 'en') current[lang] = value;
  else delete current[lang];
  const others = TEXT_LANGUAGES.filter((l) => l !== 'en' && current[l] !== undefined);
  if (others.length === 0) return current.en ?? '';
  return { en: current.en ?? '', ...Object.fromEntries(others.map((l) => [l, current[l]])) } as LocalText;
}

/** The translation stored for exactly `lang` (no fallback): what an editor shows in that language's field. */
export function ownText(text: LocalText | undefined, lang: TextLanguage): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return lang === 'en' ? text : '';
  return text[lang] ?? '';
}
