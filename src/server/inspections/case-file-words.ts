/**
 * The case file's words in the officer's language, from the interface's own locale files (the same
 * JSON the app reads: src/i18n/locales, data only — no app code): its headings and fields (casefile),
 * the decision statement (inspect), tools, severities and tell categories (common). Times are printed
 * as people read them, in a time zone that the export names.
 */
import type { RevealTool, Severity, TellCategory } from '../../domain/catalogue';
import type { TextLanguage } from '../../domain/local-text';
import enCasefile from '../../i18n/locales/en/casefile.json' with { type: 'json' };
import esCasefile from '../../i18n/locales/es/casefile.json' with { type: 'json' };
import frCasefile from '../../i18n/locales/fr/casefile.json' with { type: 'json' };
import enCommon from '../../i18n/locales/en/common.json' with { type: 'json' };
import esCommon from '../../i18n/locales/es/common.json' with { type: 'json' };
import frCommon from '../../i18n/locales/fr/common.json' with { type: 'json' };
import enInspect from '../../i18n/locales/en/inspect.json' with { type: 'json' };
import esInspect from '../../i18n/locales/es/inspect.json' with { type: 'json' };
import frInspect from '../../i18n/locales/fr/inspect.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };
const LOCALES: Record<TextLanguage, Record<'casefile' | 'common' | 'inspect', Tree>> = {
  en: { casefile: enCasefile, common: enCommon, inspect: enInspect },
  es: { casefile: esCasefile, common: esCommon, inspect: esInspect },
  fr: { casefile: frCasefile, common: frCommon, inspect: frInspect },
};

const INTL_LOCALE: Record<TextLanguage, string> = { en: 'en-GB', es: 'es-ES', fr: 'fr-FR' };

/** Whether `zone` is a time zone this server knows (an IANA name such as Europe/Madrid, or UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface CaseFileWords {
  /** `ns:key` (casefile, common or inspect) with {{vars}} filled in; English where a text is missing. */
  t(key: string, vars?: Record<string, string | number>): string;
  tool(tool: RevealTool): string;
  severity(severity: Severity): string;
  category(category: TellCategory): string;
  /** "22 de noviembre de 2026, 10:30 CET": the date and time in the time zone, with its short name. */
  time(iso: string): string;
}

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

export function caseFileWords(lang: TextLanguage, timeZone = 'UTC'): CaseFileWords {
  const t = (key: string, vars: Record<string, string | number> = {}) => {
    const [ns, path] = key.split(':', 2) as ['casefile' | 'common' | 'inspect', string];
    const text = lookup(LOCALES[lang][ns], path) ?? lookup(LOCALES.en[ns], path) ?? key;
    return text.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(vars[name] ?? ''));
  };
  const format = new Intl.DateTimeFormat(INTL_LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
  return {
    t,
    tool: (tool) => t(`common:tool.${tool}`),
    severity: (severity) => t(`common:severity.${severity}`),
    category: (category) => t(`common:tellCategory.${category}`),
    time: (iso) => {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : format.format(at);
    },
  };
}
