/**
 * Every interface string has its translations: (a) each namespace of es and fr has exactly the keys
 * of en, with the plural forms each language needs and no empty text; (b) no raw text in JSX or in a
 * label-like prop of src/app and src/scene bypasses t(); (c) every key src/ uses (passed to t(), or a
 * `namespace:key` literal kept in a table) reads a text in every language: not missing, not a group of
 * keys, not a path through a text.
 * The locale files are found on disk, so a namespace added by anyone is covered.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { keyProblem, keyRefs } from './key-refs';

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

  it('uses only keys that read a text in every language (en, es, fr)', () => {
    const files = sourceFiles(join(ROOT, 'src'), /\.tsx?$/);
    const nsSet = new Set(namespaces);
    const read = new Map(LANGS.flatMap((lang) => namespaces.map((ns) => [`${lang}:${ns}`, readNs(lang, ns)] as const)));
    const problems: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const ref of keyRefs(file, readFileSync(file, 'utf8'), nsSet)) {
        checked++;
        for (const lang of LANGS) {
          const problem = keyProblem(read.get(`${lang}:${ref.ns}`), ref);
          if (problem) problems.push(`${relative(ROOT, file)}:${ref.line}: ${ref.written} in ${lang}: ${problem}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  }, 30_000);

  it('finds keys that go through a text, name a group, are missing or cannot be checked (the scanner works)', () => {
    const live = { trainee: 'Trainee', phase: { lobby: 'Waiting', answer: 'Answer' }, pins_one: '{{count}} pin', pins_other: '{{count}} pins' };
    const nsSet = new Set(['live']);
    const problems = (code: string) => keyRefs('x.ts', code, nsSet).map((r) => keyProblem(live, r));
    // The bug that showed trainees "trainee.lobby": `trainee` is the column header, a text.
    expect(problems("i18n.t(`live:trainee.${phase}`)")).toEqual(['"trainee" is a text, not a group of keys']);
    expect(problems("const KEYS = { lobby: 'live:trainee.lobby' };")).toEqual(['"trainee" is a text, not a group of keys']);
    expect(problems("const words = (p: string) => i18n.t(`live:${p}.${phase}`);")).toEqual(['its group is computed, so it cannot be checked: list the keys']);
    expect(problems("i18n.t('live:phase')")).toEqual(['it names a group of keys, not a text']);
    expect(problems("i18n.t('live:phase.ended')")).toEqual(['no such key']);
    expect(problems("const { t } = useTranslation('live'); t('trainee'); t('pins', { count }); t(`phase.${p}`); i18n.t('live:phase.lobby')")).toEqual([null, null, null, null]);
    // Not keys: a literal whose prefix is no namespace, or text with spaces.
    expect(problems("const a = 'data:image/png'; const b = 'live: now and then';")).toEqual([]);
  });

});
