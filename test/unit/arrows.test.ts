/**
 * The house rule on imports, checked on the files themselves: arrows point from the pages (src/app)
 * to the stage (src/scene), recognition and live sessions, and from those and the server down to the
 * domain. Every import specifier is read from the syntax tree (static imports and re-exports, type
 * imports, dynamic import(), require(), import("x").T types), so a comment or a string that merely
 * mentions a path is not counted and a dynamic import is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');
const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

interface Found {
  /** The importing file, from the repository root. */
  file: string;
  specifier: string;
  /** The layer under src/ the import lands in ('app', 'scene', ...), or null for a package. */
  layer: string | null;
  /** The package's name for a bare specifier. */
  pkg: string | null;
}

/** Every import specifier in a source text. */
function specifiersIn(text: string, fileName = 'x.tsx'): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const literal = (n: ts.Node | undefined) => {
    if (n && ts.isStringLiteralLike(n)) out.push(n.text);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) literal(n.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) literal(n.moduleReference.expression);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) literal(n.argument.literal);
    else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))) literal(n.arguments[0]);
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(path);
    return CODE.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

function layerOf(path: string): string | null {
  const rel = relative(SRC, path);
  if (rel.startsWith('..')) return null;
  return rel.split(sep)[0] ?? null;
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const all: Found[] = filesUnder(SRC).flatMap((path) => {
  const file = relative(ROOT, path).split(sep).join('/');
  return specifiersIn(readFileSync(path, 'utf8'), path).map((specifier) => {
    const relativeSpec = specifier.startsWith('.');
    return {
      file,
      specifier,
      layer: relativeSpec ? (layerOf(resolve(dirname(path), specifier)) ?? 'outside src') : null,
      pkg: relativeSpec ? null : packageOf(specifier.split('?')[0]!),
    };
  });
});

const inLayer = (layer: string) => all.filter((f) => f.file.startsWith(`src/${layer}/`));
const shown = (found: Found[]) => found.map((f) => `${f.file} imports '${f.specifier}'`);

/**
 * Known, explained exceptions (file -> the specifier it may use). The `twinspect` command's launcher
 * sits with the server's CLI but is no part of the server: `twinspect scan` goes straight to the
 * recognition CLI so that the server never loads TensorFlow.js.
 */
const ALLOWED = new Set(['src/server/cli/twinspect.mjs -> ../../recognition/scan-cli.ts']);
const notAllowed = (f: Found) => !ALLOWED.has(`${f.file} -> ${f.specifier}`);

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const UI_PACKAGES = /^(react|react-dom|react-i18next|i18next|three|zustand|colyseus\.js|@react-three\/.*|@tensorflow.*)$/;
/** Globals that exist only in a browser or only in Node: the domain runs in both (and in workers). */
const HOST_ONLY_GLOBALS = new Set(['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'HTMLElement', 'process', 'Buffer', '__dirname', '__filename', 'require']);

/** Free uses of HOST_ONLY_GLOBALS in a file: names read as values, not property names or declarations. */
function hostGlobalsIn(text: string, fileName: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && HOST_ONLY_GLOBALS.has(n.text)) {
      const p = n.parent;
      const isName =
        (ts.isPropertyAccessExpression(p) && p.name === n) ||
        ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isParameter(p) || ts.isVariableDeclaration(p) || ts.isBindingElement(p)) && p.name === n) ||
        ts.isQualifiedName(p);
      if (!isName) out.push(`${n.text} (line ${source.getLineAndCharacterOfPosition(n.getStart()).line + 1})`);
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

describe('reading import specifiers', () => {
  it('finds static, type, re-export, dynamic, require and import-type specifiers, and not those in comments or strings', () => {
    const text = [
      "import a from './a';",
      "import type { B } from '../b';",
      "import './side-effect';",
      "export { c } from '../../c';",
      "export * from './d';",
      "const e = await import('../app/e');",
      "const f = require('f');",
      "type G = import('./g').G;",
      "// import x from '../app/commented';",
      "const s = \"import('../app/in-a-string')\";",
    ].join('\n');
    expect(specifiersIn(text, 'sample.ts')).toEqual(['./a', '../b', './side-effect', '../../c', './d', '../app/e', 'f', './g']);
  });

  it('reads every source file under src (the check has something to check)', () => {
    expect(inLayer('scene').length).toBeGreaterThan(50);
    expect(inLayer('app').length).toBeGreaterThan(50);
    expect(inLayer('domain').length).toBeGreaterThan(10);
    expect(inLayer('server').length).toBeGreaterThan(50);
  });
});

describe('which way the imports point', () => {
  it('the stage (src/scene) imports nothing from the pages (src/app)', () => {
    expect(shown(inLayer('scene').filter((f) => f.layer === 'app'))).toEqual([]);
  });

  it('recognition and live sessions import nothing from the pages or the stage', () => {
    const up = [...inLayer('recognition'), ...inLayer('session')].filter((f) => f.layer === 'app' || f.layer === 'scene');
    expect(shown(up)).toEqual([]);
  });

  it('the domain imports only the domain: nothing else of ours, no React, three.js, browser or Node module', () => {
    const domain = inLayer('domain');
    expect(shown(domain.filter((f) => f.layer !== null && f.layer !== 'domain'))).toEqual([]);
    expect(shown(domain.filter((f) => f.pkg !== null && (NODE.has(f.pkg) || UI_PACKAGES.test(f.pkg))))).toEqual([]);
  });

  it('the domain uses no global that only a browser or only Node has', () => {
    const uses = filesUnder(join(SRC, 'domain')).flatMap((path) => hostGlobalsIn(readFileSync(path, 'utf8'), path).map((g) => `${relative(ROOT, path)}: ${g}`));
    expect(uses).toEqual([]);
  });

  it('the server imports nothing from the pages, the stage, recognition or live sessions', () => {
    const up = inLayer('server').filter((f) => (f.layer === 'app' || f.layer === 'scene' || f.layer === 'recognition' || f.layer === 'session') && notAllowed(f));
    expect(shown(up)).toEqual([]);
  });

  it('the client (pages, stage, recognition, live sessions, words) imports nothing from the server', () => {
    const client = ['app', 'scene', 'recognition', 'session', 'i18n'].flatMap(inLayer);
    expect(shown(client.filter((f) => f.layer === 'server'))).toEqual([]);
  });

  it('the one allowed exception is still there (remove it from ALLOWED when it goes)', () => {
    for (const edge of ALLOWED) expect(all.map((f) => `${f.file} -> ${f.specifier}`)).toContain(edge);
  });
});
