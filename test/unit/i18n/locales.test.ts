/**
 * Every interface string has its translations: (a) each namespace of es and fr has exactly the keys
 * of en, with the plural forms each language needs and no empty text; (b) no raw text in JSX or in a
 * label-like prop of src/app and src/scene bypasses t(); (c) every key the source passes to t() exists
 * in en. The locale files are found on disk, so a namespace added by anyone is covered.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const LOCALES = join(ROOT, 'src/i18n/locales');
const LANGS = ['en', 'es', 'fr'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Json = { [key: string]: string | Json };

function readNs(lang: string, ns: string): Json {
  return JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Json;
}

/** "a.b.c" → text, for every leaf. */
function flatten(obj: Json, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

const namespaces = [...new Set(LANGS.flatMap((l) => readdirSync(join(LOCALES, l)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))))].sort();

/** The keys `lang` must have for en's keys: a plural key brings the forms that language's rules use. */
function expectedKeys(en: Map<string, unknown>, lang: string): Set<string> {
  const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of en.keys()) {
    if (PLURAL_SUFFIX.test(key)) for (const f of forms) keys.add(key.replace(PLURAL_SUFFIX, `_${f}`));
    else keys.add(key);
  }
  return keys;
}

describe('locale files', () => {
  it('has namespaces', () => expect(namespaces).toContain('common'));

  for (const ns of namespaces) {
    describe(ns, () => {
      const en = flatten(readNs('en', ns));
      it('en has no empty texts and every plural has its "one" and "other"', () => {
        expect([...en].filter(([, v]) => typeof v !== 'string' || !v.trim()).map(([k]) => k)).toEqual([]);
        const plurals = [...en.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, ''));
        for (const base of plurals) expect([en.has(`${base}_one`), en.has(`${base}_other`)], base).toEqual([true, true]);
      });
      for (const lang of LANGS.filter((l) => l !== 'en')) {
        it(`${lang} has exactly en's keys, with ${lang}'s plural forms, none empty`, () => {
          const other = flatten(readNs(lang, ns));
          const want = expectedKeys(en, lang);
          expect([...want].filter((k) => !other.has(k)), `missing in ${lang}/${ns}.json`).toEqual([]);
          expect([...other.keys()].filter((k) => !want.has(k)), `extra in ${lang}/${ns}.json`).toEqual([]);
          expect([...other].filter(([, v]) => typeof v !== 'string' || !v.trim()).map(([k]) => k), `empty in ${lang}/${ns}.json`).toEqual([]);
        });
        it(`${lang} keeps en's {{placeholders}}`, () => {
          const other = flatten(readNs(lang, ns));
          const vars = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort().join(',');
          const wrong = [...other].filter(([k, v]) => {
            const base = en.get(k) ?? en.get(k.replace(PLURAL_SUFFIX, '_other'));
            return base !== undefined && vars(v).replace(/(^|,)count(,|$)/, '$1$2') !== vars(base).replace(/(^|,)count(,|$)/, '$1$2');
          });
          expect(wrong.map(([k]) => k)).toEqual([]);
        });
      }
    });
  }
});

function sourceFiles(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

/** Words that are the same in every language. */
const ALLOWED = new Set(['Twinspect', 'Brier', 'HS', 'WebXR', 'UV']);
const LABEL_PROPS = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'legend', 'caption', 'suspectCaption']);
/** Words to translate: two letters or more, not an allowed name, and not a code such as "K7P-4QX-9MZ". */
const hasWords = (s: string) => !/^[A-Z0-9][A-Z0-9\s·-]*\d[A-Z0-9\s·-]*$/.test(s.trim()) && s.split(/[^\p{L}]+/u).some((w) => w.length >= 2 && !ALLOWED.has(w));

/** Raw user-facing text in a .tsx file: JSX text, and literal strings in label-like props or as JSX children. */
export function rawTexts(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const literalWords = (e: ts.Expression | undefined): string | null => {
    if (!e) return null;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return hasWords(e.text) ? e.text : null;
    if (ts.isTemplateExpression(e)) {
      const parts = [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ');
      return hasWords(parts) ? parts : null;
    }
    if (ts.isConditionalExpression(e)) return literalWords(e.whenTrue) ?? literalWords(e.whenFalse);
    if (ts.isParenthesizedExpression(e)) return literalWords(e.expression);
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return literalWords(e.right);
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) at(node, `JSX text "${node.text.trim()}"`);
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const words = literalWords(node.expression);
      if (words) at(node, `JSX string "${words}"`);
    }
    if (ts.isJsxAttribute(node) && LABEL_PROPS.has(node.name.getText(sf))) {
      const init = node.initializer;
      const words = init && ts.isStringLiteral(init) ? (hasWords(init.text) ? init.text : null) : init && ts.isJsxExpression(init) ? literalWords(init.expression) : null;
      if (words) at(node, `${node.name.getText(sf)}="${words}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const tsxFiles = ['src/app', 'src/scene'].flatMap((d) => sourceFiles(join(ROOT, d), /\.tsx$/));

describe('interface source', () => {
  it('finds raw text (the scanner works)', () => {
    expect(rawTexts('x.tsx', 'const a = <p title="Some words">Hello there <b>{"two words"}</b></p>;')).toHaveLength(3);
    expect(rawTexts('x.tsx', 'const a = <p title={t("x")}>{t("y")} · {n} <span aria-hidden>◐</span> Twinspect</p>;')).toEqual([]);
  });

  it('has no raw text in JSX or label-like props of src/app and src/scene: each goes through t()', () => {
    const found = tsxFiles.flatMap((f) => rawTexts(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('uses only keys that exist in en', () => {
    const en = new Map(namespaces.map((ns) => [ns, flatten(readNs('en', ns))]));
    const exists = (ns: string, key: string) => {
      const keys = en.get(ns);
      return !!keys && (keys.has(key) || keys.has(`${key}_one`) || keys.has(`${key}_other`));
    };
    const files = ['src/app', 'src/scene', 'src/i18n'].flatMap((d) => sourceFiles(join(ROOT, d), /\.tsx?$/));
    const missing: string[] = [];
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // Which namespace each translate function of the file reads: `const { t } = useTranslation('drill')`, `const { t: tr } = ...`.
      const bindings = [...text.matchAll(/const\s*{\s*t(?:\s*:\s*(\w+))?[^}]*}\s*=\s*useTranslation\(\s*(?:'([\w-]+)')?/g)].map((m) => ({ at: m.index, name: m[1] ?? 't', ns: m[2] ?? 'common' }));
      const names = new Set(['i18n.t', ...bindings.map((b) => b.name)]);
      for (const name of names) {
        const call = new RegExp(`(?<![\\w.])${name.replace('.', '\\.')}\\(\\s*'([^'\\n]+)'`, 'g');
        for (const m of text.matchAll(call)) {
          const binding = name === 'i18n.t' ? undefined : bindings.filter((b) => b.name === name && b.at < m.index).at(-1) ?? bindings.find((b) => b.name === name);
          const [ns, key] = m[1]!.includes(':') ? (m[1]!.split(':', 2) as [string, string]) : [binding?.ns ?? 'common', m[1]!];
          checked++;
          if (!exists(ns, key)) missing.push(`${relative(ROOT, file)}: ${ns}:${key}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
